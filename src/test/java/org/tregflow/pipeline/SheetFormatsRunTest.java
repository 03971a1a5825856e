package org.tregflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tregflow.report.SheetFormat;
import org.tregflow.simulate.CohortConfig;
import org.tregflow.simulate.CohortSimulator;

/** A run writes the gating sheets in the formats asked for, no others, and --resume redraws only what is missing. */
class SheetFormatsRunTest {
    private static final Path PIPELINE = Path.of("pipelines", "ld-il2-treg-nk.yaml");

    @TempDir
    Path tmp;

    private JsonNode run(Path in, Path out, boolean resume, String sheets) throws Exception {
        RunResult r = Pipeline.run(new RunRequest(PIPELINE, List.of(in), null, null, null, out, 2, null, resume, null,
                SheetFormat.parse(sheets)));
        assertEquals(4, r.okCount(), r.samples().toString());
        return new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    }

    /** The extensions of the files in the sheets folder, one per file. */
    private static List<String> sheetFiles(Path out) throws Exception {
        Path dir = out.resolve("sheets");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> expected(String... extensions) {
        return Stream.of("P01_C1", "P01_C4", "P01_FU", "P01_V0")
                .flatMap(stem -> Stream.of(extensions).map(e -> stem + "." + e)).sorted().toList();
    }

    @Test
    void onlyTheFormatsAskedForAreInTheSheetsFolderAndTheReport() throws Exception {
        Path in = tmp.resolve("in");
        new CohortSimulator(CohortConfig.defaults().withPatients(1).withEvents(12_000).withSeed(31)).write(in);
        Path out = tmp.resolve("out");

        JsonNode m = run(in, out, false, "svg,png");
        assertEquals(expected("png", "svg"), sheetFiles(out));
        assertEquals("svg,png", m.get("sheets").asText());
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("sheets/P01_V0.svg\">SVG</a> · <a href=\"sheets/P01_V0.png\">PNG</a>"), report);

        // SVG only: the PNGs of the run before would not match this run's tables if it had other gates.
        m = run(in, out, false, "svg");
        assertEquals(expected("svg"), sheetFiles(out));
        assertEquals("svg", m.get("sheets").asText());
        report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("sheets/P01_V0.svg\">SVG</a></td>"), report);
        assertFalse(report.contains(".png\""), report);

        // No sheets: nothing is drawn, so a resumed run reuses every stored result; the old sheets go.
        m = run(in, out, true, "none");
        assertEquals(0, m.get("counts").get("processed").asInt(), m.get("counts").toString());
        assertEquals(List.of(), sheetFiles(out));
        assertEquals("none", m.get("sheets").asText());
        report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("<span class=\"muted\">not asked for</span>"), report);
        assertFalse(report.contains("not written"), report);
        // Nor is a sheet's title (patient, visit, arm) then a reason to analyse a file again.
        Path samples = in.resolve("samples.csv");
        Files.writeString(samples, Files.readString(samples).replace("IL-2", "placebo"));
        m = run(in, out, true, "none");
        assertEquals(0, m.get("counts").get("processed").asInt(), m.get("counts").toString());

        // PNG asked for and missing: drawing needs the events, so every file is analysed again.
        m = run(in, out, true, "png");
        assertEquals(4, m.get("counts").get("processed").asInt(), m.get("counts").toString());
        assertEquals(expected("png"), sheetFiles(out));
        report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("sheets/P01_V0.png\">PNG</a></td>"), report);
        assertFalse(report.contains(".svg\""), report);

        // All in place: nothing to analyse.
        m = run(in, out, true, "png");
        assertEquals(0, m.get("counts").get("processed").asInt(), m.get("counts").toString());
        assertEquals(expected("png"), sheetFiles(out));

        // One sheet missing: only its file is analysed again.
        Files.delete(SheetFormat.PNG.file(out.resolve("sheets"), "P01_C4.fcs"));
        m = run(in, out, true, "png");
        assertEquals(1, m.get("counts").get("processed").asInt(), m.get("counts").toString());
        assertEquals(expected("png"), sheetFiles(out));

        m = run(in, out, true, "svg,png");
        assertEquals(4, m.get("counts").get("processed").asInt(), m.get("counts").toString());
        assertEquals(expected("png", "svg"), sheetFiles(out));
    }

    @Test
    void theSheetsOfOneFormatAreThoseOfBoth() throws Exception {
        Path in = tmp.resolve("in");
        new CohortSimulator(CohortConfig.defaults().withPatients(1).withEvents(12_000).withSeed(32)).write(in);
        run(in, tmp.resolve("both"), false, "svg,png");
        run(in, tmp.resolve("svg"), false, "svg");
        run(in, tmp.resolve("png"), false, "png");
        for (String stem : List.of("P01_V0", "P01_C4")) {
            assertEquals(-1L, Files.mismatch(tmp.resolve("both/sheets/" + stem + ".svg"),
                    tmp.resolve("svg/sheets/" + stem + ".svg")), stem);
            assertEquals(-1L, Files.mismatch(tmp.resolve("both/sheets/" + stem + ".png"),
                    tmp.resolve("png/sheets/" + stem + ".png")), stem);
        }
        assertEquals(expected("svg"), sheetFiles(tmp.resolve("svg")));
        assertEquals(expected("png"), sheetFiles(tmp.resolve("png")));
    }

    @Test
    void aFileThatFailsNowLeavesNoSheetOrGatingMlOfAnEarlierRun() throws Exception {
        Path in = tmp.resolve("in");
        new CohortSimulator(CohortConfig.defaults().withPatients(1).withEvents(12_000).withSeed(33)).write(in);
        Path out = tmp.resolve("out");
        run(in, out, false, "svg,png");
        Path gatingMl = out.resolve(Pipeline.GATES_FOLDER).resolve(Pipeline.gatesFileName("P01_C4.fcs"));
        assertTrue(Files.isRegularFile(gatingMl));

        // Re-exported broken: this run's tables say it failed, so nothing may show its old gates as this run's.
        Files.writeString(in.resolve("P01_C4.fcs"), "not an FCS file any more");
        RunResult r = Pipeline.run(new RunRequest(PIPELINE, List.of(in), null, null, null, out, 2, null, false, null,
                null));
        assertEquals(3, r.okCount());
        assertEquals(expected("png", "svg").stream().filter(f -> !f.startsWith("P01_C4")).toList(), sheetFiles(out));
        assertFalse(Files.exists(gatingMl));
        assertTrue(Files.isRegularFile(out.resolve(Pipeline.GATES_FOLDER)
                .resolve(Pipeline.gatesFileName("P01_V0.fcs"))), "the others' stay");
        String report = Files.readString(out.resolve("report.html"));
        assertFalse(report.contains("sheets/P01_C4."), report);
    }
}
