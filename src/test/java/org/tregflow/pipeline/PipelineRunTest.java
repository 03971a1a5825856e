package org.tregflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tregflow.fcs.Channel;
import org.tregflow.fcs.EventTable;
import org.tregflow.fcs.FcsDataset;
import org.tregflow.fcs.FcsReader;
import org.tregflow.fcs.FcsWriter;
import org.tregflow.simulate.CohortConfig;
import org.tregflow.simulate.CohortSimulator;
import org.tregflow.simulate.CohortTruth;
import org.tregflow.simulate.FileTruth;
import org.tregflow.stats.SampleResult;

/** The runner as a library: metadata sources, failures that stay local, panels without a viability dye. */
class PipelineRunTest {
    static final Path PIPELINE = Path.of("pipelines", "ld-il2-treg-nk.yaml");
    @TempDir
    static Path dir;
    static CohortTruth truth;

    @BeforeAll
    static void simulate() throws Exception {
        truth = new CohortSimulator(CohortConfig.defaults().withPatients(1).withEvents(30_000).withSeed(99)
                .withOnly(List.of("P01_V0", "P01_C4"))).write(dir.resolve("c"));
    }

    @Test
    void fileMissingFromTheSheetIsProcessedWithAWarning(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        Files.copy(dir.resolve("c/P01_V0.fcs"), in.resolve("P01_V0.fcs"));
        Files.copy(dir.resolve("c/P01_C4.fcs"), in.resolve("extra.fcs"));
        Files.writeString(in.resolve("samples.csv"), "file,patient,visit,arm\nP01_V0.fcs,P01,V0,IL-2\n");
        RunResult r = Pipeline.run(new RunRequest(PIPELINE, List.of(in), null, null, null, null, 1, null));
        assertEquals(0, r.exitCode());
        SampleResult extra = r.samples().stream().filter(s -> s.sampleId().equals("extra.fcs")).findFirst().orElseThrow();
        assertTrue(extra.ok());
        assertNull(extra.info().patient());
        assertTrue(extra.warnings().stream().anyMatch(w -> w.contains("not in the sample sheet")), extra.warnings().toString());
        SampleResult v0 = r.samples().stream().filter(s -> s.sampleId().equals("P01_V0.fcs")).findFirst().orElseThrow();
        assertEquals("P01", v0.info().patient());
        assertEquals(0.0, v0.info().visitOrder(), "visit order from the pipeline's visit list");
        assertNull(r.written());
    }

    @Test
    void filenamePatternGivesPatientAndVisit(@TempDir Path tmp) throws Exception {
        Path p = tmp.resolve("p.yaml");
        Files.writeString(p, Files.readString(PIPELINE).replace("  sheet: samples.csv",
                "  filename_pattern: '(?<patient>P\\d+)_(?<visit>[A-Z0-9]+)\\.fcs'"));
        RunResult r = Pipeline.run(new RunRequest(p, List.of(dir.resolve("c/P01_C4.fcs")), null, null, null, null, 1, null));
        assertEquals("C4", r.samples().get(0).info().visit());
        assertEquals(2.0, r.samples().get(0).info().visitOrder());
    }

    @Test
    void aMatrixFileNamedInThePipelineCompensatesLikeTheFilesOwn(@TempDir Path tmp) throws Exception {
        org.tregflow.compensation.SpilloverMatrix m = FcsReader.read(dir.resolve("c/P01_V0.fcs")).first().spillover();
        StringBuilder csv = new StringBuilder(String.join(",", m.channels())).append('\n');
        for (int i = 0; i < m.size(); i++) {
            for (int j = 0; j < m.size(); j++) {
                csv.append(j == 0 ? "" : ",").append(m.get(i, j));
            }
            csv.append('\n');
        }
        Files.writeString(tmp.resolve("matrix.csv"), csv);
        Path p = tmp.resolve("p.yaml");
        Files.writeString(p, Files.readString(PIPELINE).replace("  source: file ", "  source: matrix\n  matrix: matrix.csv "));
        SampleResult viaMatrix = Pipeline.run(new RunRequest(p, List.of(dir.resolve("c/P01_V0.fcs")), null, null, null,
                null, 1, null)).samples().get(0);
        SampleResult viaFile = Pipeline.run(new RunRequest(PIPELINE, List.of(dir.resolve("c/P01_V0.fcs")), null, null,
                null, null, 1, null)).samples().get(0);
        assertTrue(viaMatrix.ok(), viaMatrix.error());
        assertEquals(viaFile.populations(), viaMatrix.populations());

        Files.writeString(p, Files.readString(PIPELINE).replace("  source: file ", "  source: matrix\n  matrix: nope.csv "));
        PipelineException e = org.junit.jupiter.api.Assertions.assertThrows(PipelineException.class,
                () -> PipelineLoader.load(p));
        assertTrue(e.getMessage().contains("compensation.matrix: no such file"), e.getMessage());
    }

    @Test
    void fcsKeywordsGivePatientAndVisit(@TempDir Path tmp) throws Exception {
        FcsDataset ds = FcsReader.read(dir.resolve("c/P01_C4.fcs")).first();
        org.tregflow.fcs.Keywords extra = new org.tregflow.fcs.Keywords();
        extra.put("PATIENT ID", "LU-007");
        extra.put("VISIT", "C4");
        extra.put("ARM", "IL-2");
        Path f = tmp.resolve("acquired_0042.fcs");
        FcsWriter.write(f, ds.events(), extra, ds.spillover());
        Path p = tmp.resolve("p.yaml");
        Files.writeString(p, Files.readString(PIPELINE).replace("  sheet: samples.csv",
                "  keywords: {patient: PATIENT ID, visit: VISIT, arm: ARM}"));
        SampleResult s = Pipeline.run(new RunRequest(p, List.of(f), null, null, null, null, 1, null)).samples().get(0);
        assertEquals(new org.tregflow.stats.SampleInfo("LU-007", "C4", "IL-2", 2.0, null), s.info());
    }

    @Test
    void panelWithoutViabilityDyeSkipsTheLiveGate(@TempDir Path tmp) throws Exception {
        FcsDataset ds = FcsReader.read(dir.resolve("c/P01_V0.fcs")).first();
        List<Channel> keep = new ArrayList<>();
        List<float[]> cols = new ArrayList<>();
        for (int i = 0; i < ds.events().channelCount(); i++) {
            Channel c = ds.events().channel(i);
            if (c.marker() == null || !c.marker().startsWith("Live/Dead")) {
                keep.add(Channel.ofFloat(keep.size() + 1, c.name(), c.marker(), c.range()));
                cols.add(ds.events().column(i));
            }
        }
        Path f = tmp.resolve("noviability.fcs");
        // The matrix still names BV605-A, which is gone: compensate with a matrix file instead.
        FcsWriter.write(f, new EventTable(keep, cols.toArray(new float[0][]), ds.events().eventCount()), null, null);
        Path p = tmp.resolve("p.yaml");
        Files.writeString(p, Files.readString(PIPELINE).replace("  missing: error", "  missing: warn"));
        RunResult r = Pipeline.run(new RunRequest(p, List.of(f), null, null, null, null, 1, null));
        SampleResult s = r.samples().get(0);
        assertTrue(s.ok(), s.error());
        assertNull(s.population("Live"));
        assertEquals("/Lymphocytes/Singlets/T cells", s.population("T cells").path());
        assertEquals("Singlets", s.population("T cells").parent());
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("no spillover matrix")), s.warnings().toString());
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("no Viability channel")), s.warnings().toString());
    }

    /** Both pipelines run on the simulated files: each sample's result under the first and the second, both ok. */
    private static List<SampleResult[]> bothRuns(Path first, Path second) throws Exception {
        List<Path> files = List.of(dir.resolve("c"));
        RunResult a = Pipeline.run(new RunRequest(first, files, null, null, null, null, 1, null));
        RunResult b = Pipeline.run(new RunRequest(second, files, null, null, null, null, 1, null));
        List<SampleResult[]> pairs = new ArrayList<>();
        for (SampleResult s : a.samples()) {
            SampleResult t = b.samples().stream().filter(x -> x.sampleId().equals(s.sampleId())).findFirst().orElseThrow();
            assertTrue(s.ok() && t.ok(), s.error() + " " + t.error());
            pairs.add(new SampleResult[] {s, t});
        }
        assertEquals(2, pairs.size(), "both simulated files");
        return pairs;
    }

    /**
     * A density valley found once is reused by a later gate on the same events, marker and parameters (T cells and
     * NK cells share CD3's on Live): never by one with other parameters or other events. Placing the extra gates
     * before the ones they resemble, where nothing can be reused yet, must give every gate the same record.
     */
    @Test
    void sharedDensityValleysChangeNoGate(@TempDir Path tmp) throws Exception {
        String extra = """
                  - name: CD3 strict
                    parent: Live
                    dimensions:
                      - {marker: CD3, method: density_valley, keep: positive, min_peak_height: 0.4, search: [0.1, 0.9]}

                  - name: CD3 of CD4
                    parent: CD4+
                    dimensions:
                      - {marker: CD3, method: density_valley, keep: negative}

                """;
        String base = Files.readString(PIPELINE);
        Path after = tmp.resolve("after.yaml");
        Files.writeString(after, base.replace("statistics:", extra + "statistics:"));
        Path before = tmp.resolve("before.yaml");
        Files.writeString(before, base.replace("  - name: T cells", extra + "  - name: T cells"));
        for (SampleResult[] pair : bothRuns(after, before)) {
            SampleResult s = pair[0];
            SampleResult t = pair[1];
            for (org.tregflow.stats.GateRecord g : s.gates()) {
                org.tregflow.stats.GateRecord h = t.gates().stream()
                        .filter(x -> x.population().equals(g.population())).findFirst().orElseThrow();
                assertEquals(h, g, s.sampleId() + " " + g.population());
            }
            String tCells = s.gates().stream().filter(g -> g.population().equals("T cells")).findFirst().orElseThrow()
                    .parameters();
            String nk = s.gates().stream().filter(g -> g.population().equals("NK cells")).findFirst().orElseThrow()
                    .parameters();
            assertEquals(tCells.substring(tCells.indexOf("peaks=")), nk.substring(nk.indexOf("peaks="), nk.indexOf(';')),
                    "the same CD3 valley on Live");
            String ofCd4 = s.gates().stream().filter(g -> g.population().equals("CD3 of CD4")).findFirst().orElseThrow()
                    .parameters();
            assertNotEquals(tCells.substring(tCells.indexOf("peaks=")), ofCd4.substring(ofCd4.indexOf("keep=negative ") + 14),
                    "CD3 on CD4+ events is its own: " + ofCd4);
        }
    }

    /** A mixture gate without components or sample is the validated lymphocyte gate (5 components, 10,000 events). */
    @Test
    void mixtureDefaultsAreTheValidatedLymphocyteGate(@TempDir Path tmp) throws Exception {
        String base = Files.readString(PIPELINE);
        String bare = base.replaceAll("(?m)^    (components: 5|sample: 10000)\\b.*\\R", "");
        assertTrue(!bare.contains("components:") && !bare.contains("sample: 10000"), "both keys removed");
        Path defaults = tmp.resolve("defaults.yaml");
        Files.writeString(defaults, bare);
        for (SampleResult[] pair : bothRuns(PIPELINE, defaults)) {
            SampleResult s = pair[0];
            SampleResult t = pair[1];
            assertEquals(s.gates().get(0), t.gates().get(0), s.sampleId());
            assertTrue(t.gates().get(0).parameters().contains("components=5"), t.gates().get(0).parameters());
            assertEquals(s.population("Lymphocytes").count(), t.population("Lymphocytes").count());
        }
    }

    @Test
    void fixedGatePipelineFitsTheSimulatorsInstrument() throws Exception {
        RunResult r = Pipeline.run(new RunRequest(Path.of("pipelines", "ld-il2-treg-nk-fixed.yaml"), List.of(dir.resolve("c")),
                null, null, null, null, 2, null));
        assertEquals(0, r.exitCode());
        for (FileTruth t : truth.files()) {
            SampleResult s = r.samples().stream().filter(x -> x.sampleId().equals(t.file())).findFirst().orElseThrow();
            assertEquals(t.pctTregOfCd4(), s.population("Treg").pctParent(), 2.0, t.file());
            assertEquals(t.pctCd25hiOfTreg(), s.population("CD25hi Treg").pctParent(), 2.0, t.file());
            assertEquals(t.pctCd56brightOfNk(), s.population("CD56bright").pctParent(), 2.0, t.file());
            assertEquals("polygon", s.gates().get(1).method());
        }
    }

    @Test
    void aTooRareParentLeavesTheGateEmptyNotTheFileFailed(@TempDir Path tmp) throws Exception {
        new CohortSimulator(CohortConfig.defaults().withPatients(1).withEvents(400).withSeed(5)
                .withOnly(List.of("P01_V0"))).write(tmp);
        RunResult r = Pipeline.run(new RunRequest(PIPELINE, List.of(tmp.resolve("P01_V0.fcs")), null, null, null, null, 1, null));
        SampleResult s = r.samples().get(0);
        assertTrue(s.ok(), s.error());
        assertTrue(s.population("Treg").count() < 10, "a 400-event file has a handful of Treg");
        assertEquals(0, s.population("CD25hi Treg").count());
        assertTrue(s.warnings().stream().anyMatch(w -> w.startsWith("gate CD25hi Treg: only ") && w.contains("the gate is empty")),
                s.warnings().toString());
    }

    @Test
    void commandLineVisitsOverrideThePipelines(@TempDir Path tmp) throws Exception {
        RunResult normal = Pipeline.run(new RunRequest(PIPELINE, List.of(dir.resolve("c")), null, null, null,
                tmp.resolve("a"), 2, null));
        RunResult swapped = Pipeline.run(new RunRequest(PIPELINE, List.of(dir.resolve("c")), null, "C4", "V0",
                tmp.resolve("b"), 2, null));
        assertEquals("V0", normal.endpoint().baselineVisit());
        assertEquals("C4", swapped.endpoint().baselineVisit());
        assertEquals("V0", swapped.written().endpoint().get(0).endpointVisit());
        double f = normal.written().endpoint().get(0).foldChange();
        assertEquals(1 / f, swapped.written().endpoint().get(0).foldChange(), 1e-9);
        assertEquals(truth.endpoints().get(0).foldChange(), f, 0.15 * truth.endpoints().get(0).foldChange());
    }

    @Test
    void missingMarkerFailsTheFileNamingTheMarker(@TempDir Path tmp) throws Exception {
        FcsDataset ds = FcsReader.read(dir.resolve("c/P01_V0.fcs")).first();
        List<Channel> renamed = new ArrayList<>();
        for (Channel c : ds.events().channels()) {
            renamed.add(c.marker() != null && c.marker().startsWith("FOXP3") ? c.withMarker("Ki-67 AF647") : c);
        }
        Path f = tmp.resolve("nofoxp3.fcs");
        FcsWriter.write(f, ds.events().withChannels(renamed), null, ds.spillover());
        Files.copy(dir.resolve("c/P01_C4.fcs"), tmp.resolve("good.fcs"));
        RunResult r = Pipeline.run(new RunRequest(PIPELINE, List.of(tmp), null, null, null, null, 2, null));
        assertEquals(1, r.exitCode());
        SampleResult bad = r.samples().stream().filter(s -> !s.ok()).findFirst().orElseThrow();
        assertTrue(bad.error().contains("no channel for marker FOXP3") && bad.error().contains("Ki-67 AF647"), bad.error());
        FileTruth c4 = truth.files().stream().filter(t -> t.visit().equals("C4")).findFirst().orElseThrow();
        SampleResult good = r.samples().stream().filter(SampleResult::ok).findFirst().orElseThrow();
        assertEquals(c4.pctTregOfCd4(), good.population("Treg").pctParent(), 2.0);
    }
}
