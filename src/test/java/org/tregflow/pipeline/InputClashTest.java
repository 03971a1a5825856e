package org.tregflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tregflow.simulate.CohortConfig;
import org.tregflow.simulate.CohortSimulator;
import org.tregflow.stats.SampleResult;

/**
 * Inputs whose outputs would overwrite each other are refused before any is analysed; one file under two names is
 * warned about.
 */
class InputClashTest {
    @TempDir
    Path tmp;

    private static final Path PIPELINE = Path.of("pipelines", "ld-il2-treg-nk.yaml");

    private RunResult run(Path out, Path... inputs) throws Exception {
        return Pipeline.run(new RunRequest(PIPELINE, List.of(inputs), null, null, null, out, 2, null));
    }

    @Test
    void twoSiteFoldersWithTheSameFileNamesAreOneRunOnlyThroughTheirCommonFolder() throws Exception {
        Path trial = tmp.resolve("trial");
        CohortConfig small = CohortConfig.defaults().withPatients(1).withEvents(5_000);
        new CohortSimulator(small.withSeed(1)).write(trial.resolve("siteA"));
        new CohortSimulator(small.withSeed(2)).write(trial.resolve("siteB"));
        Path out = tmp.resolve("out");

        IOException e = assertThrows(IOException.class, () -> run(out, trial.resolve("siteA"), trial.resolve("siteB")));
        Path a = trial.resolve("siteA").resolve("P01_V0.fcs").toAbsolutePath();
        assertTrue(e.getMessage().contains("P01_V0.fcs (" + a), e.getMessage());
        assertTrue(e.getMessage().contains(trial.resolve("siteB").resolve("P01_V0.fcs").toAbsolutePath().toString()),
                e.getMessage());
        assertFalse(Files.exists(out.resolve("samples.csv")), "nothing written");

        RunResult r = run(out, trial);
        Set<String> ids = r.samples().stream().map(SampleResult::sampleId).collect(Collectors.toSet());
        assertEquals(8, ids.size());
        assertTrue(ids.contains("siteA/P01_V0.fcs") && ids.contains("siteB/P01_V0.fcs"), ids.toString());
        assertTrue(Files.isRegularFile(out.resolve("sheets").resolve("siteA_P01_V0.svg")));
        assertTrue(Files.isRegularFile(out.resolve("sheets").resolve("siteB_P01_V0.svg")));
    }

    @Test
    void idsThatGiveOneSheetNameAreRefusedToo() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        List<Path> files = List.of(in.resolve("P01 V0.fcs"), in.resolve("P01_V0.fcs"), in.resolve("p01_c1.fcs"),
                in.resolve("P01_C1.FCS"), in.resolve("P02_V0.fcs"));
        String clash = InputClashes.refusal(files, List.of(in));
        assertTrue(clash.contains("P01 V0.fcs (" + files.get(0) + "), P01_V0.fcs (" + files.get(1) + ")"), clash);
        assertTrue(clash.contains("p01_c1.fcs (" + files.get(2) + "), P01_C1.FCS (" + files.get(3) + ")"), clash);
        assertFalse(clash.contains("P02_V0"), clash);
        assertEquals(null, InputClashes.refusal(List.of(files.get(1), files.get(4)), List.of(in)));
    }

    @Test
    void oneFileUnderTwoNamesIsWarnedAbout() throws Exception {
        Path in = tmp.resolve("in");
        new CohortSimulator(CohortConfig.defaults().withPatients(1).withEvents(5_000).withSeed(3)).write(in);
        // P01_C4 acquired again, really P01_C1's tube copied under the endpoint visit's name
        Files.copy(in.resolve("P01_C1.fcs"), in.resolve("P01_C4.fcs"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        RunResult r = run(tmp.resolve("out"), in);
        List<String> same = r.warnings().stream().filter(w -> w.contains("same content")).toList();
        assertEquals(1, same.size(), r.warnings().toString());
        assertTrue(same.get(0).startsWith("P01_C1.fcs, P01_C4.fcs have the same content (SHA-256 "), same.get(0));
        String manifest = Files.readString(tmp.resolve("out").resolve("manifest.json"));
        assertTrue(manifest.contains("P01_C1.fcs, P01_C4.fcs have the same content"), "the manifest keeps it");

        // Each keeps its own stored result: a resume reuses both (one stored result for the content alone was
        // drawn under one visit's title, so every resume analysed the other file again, and so on).
        for (int resume = 0; resume < 2; resume++) {
            RunResult again = Pipeline.run(new RunRequest(PIPELINE, List.of(in), null, null, null, tmp.resolve("out"), 2,
                    null, true, null));
            assertEquals(0, again.exitCode());
            String counts = Files.readString(tmp.resolve("out").resolve("manifest.json"));
            assertTrue(counts.replaceAll("\\s", "").contains("\"processed\":0,\"reused\":4"), counts);
        }
    }
}
