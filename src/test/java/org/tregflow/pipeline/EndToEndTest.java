package org.tregflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tregflow.compensation.SpilloverMatrix;
import org.tregflow.fcs.Channel;
import org.tregflow.fcs.EventTable;
import org.tregflow.fcs.FcsDataset;
import org.tregflow.fcs.FcsReader;
import org.tregflow.fcs.FcsWriter;
import org.tregflow.fcs.Keywords;
import org.tregflow.simulate.CohortConfig;
import org.tregflow.simulate.CohortSimulator;
import org.tregflow.simulate.CohortTruth;
import org.tregflow.simulate.EndpointTruth;
import org.tregflow.simulate.FileTruth;
import org.tregflow.stats.EndpointRow;
import org.tregflow.stats.PopulationStats;
import org.tregflow.stats.SampleResult;

/**
 * The product's promise, end to end: a cohort made by the simulator (its own seed, 10 patients x 4 visits x
 * 100,000 events, not the bundled sample data) goes through the default data-driven pipeline, and the endpoint
 * and per-file percentages match the generated truth. Then the same cohort as another instrument would write it
 * (other detector and scatter names, other marker spellings, a 4x range and signal, ".001" files), without touching
 * the pipeline.
 */
class EndToEndTest {
    static final Path PIPELINE = Path.of("pipelines", "ld-il2-treg-nk.yaml");
    static final int PATIENTS = 10;
    static final int EVENTS = 100_000;

    @TempDir
    static Path dir;
    static CohortTruth truth;

    @BeforeAll
    static void simulate() throws IOException {
        CohortConfig cfg = CohortConfig.defaults().withPatients(PATIENTS).withEvents(EVENTS).withSeed(20_261_122L);
        truth = new CohortSimulator(cfg).write(dir.resolve("cohort"));
    }

    @Test
    void endpointAndPercentagesMatchTheTruth() throws Exception {
        check(dir.resolve("cohort"), dir.resolve("out"));
    }

    @Test
    void sameResultsWithOtherDetectorNamesMarkerSpellingsAndRange() throws Exception {
        Path renamed = dir.resolve("renamed");
        Files.createDirectories(renamed);
        Map<String, String> names = Map.ofEntries(
                Map.entry("FSC-A", "FS INT"), Map.entry("FSC-H", "FS PEAK"), Map.entry("SSC-A", "SS INT"),
                Map.entry("FITC-A", "B1-A"), Map.entry("PE-A", "YG1-A"), Map.entry("PerCP-Cy5-5-A", "B3-A"),
                Map.entry("PE-Cy7-A", "YG5-A"), Map.entry("APC-A", "R1-A"), Map.entry("Alexa Fluor 700-A", "R2-A"),
                Map.entry("BV421-A", "V1-A"), Map.entry("BV510-A", "V2-A"), Map.entry("BV605-A", "V3-A"));
        Map<String, String> stains = Map.of(
                "CD16 FITC", "CD16-FITC", "CD25 PE", "CD25-PE", "CD4 PerCP-Cy5.5", "hCD4 PerCP-Cy5.5",
                "CD127 PE-Cy7", "CD127 (IL-7Ra) PE-Cy7", "FOXP3 AF647", "FoxP3 Alexa Fluor 647", "CD8 AF700", "CD8-AF700",
                "CD56 BV421", "CD56 (NCAM) BV421", "CD3 BV510", "CD3-BV510", "Live/Dead BV605", "Fixable Viability BV605");
        for (FileTruth t : truth.files()) {
            FcsDataset ds = FcsReader.read(dir.resolve("cohort").resolve(t.file())).first();
            List<Channel> channels = new ArrayList<>();
            float[][] columns = new float[ds.events().channelCount()][];
            for (int i = 0; i < ds.events().channelCount(); i++) {
                Channel c = ds.events().channel(i);
                String stain = c.marker() == null ? null : stains.getOrDefault(c.marker(), c.marker());
                // A 20-bit instrument: 4x the signal and a 4x range ($PnR); Time stays as it is.
                double gain = c.isTime() ? 1 : 4;
                channels.add(Channel.ofFloat(c.number(), names.getOrDefault(c.name(), c.name()), stain, c.range() * gain));
                float[] src = ds.events().column(i);
                columns[i] = new float[ds.events().eventCount()];
                for (int e = 0; e < columns[i].length; e++) {
                    columns[i][e] = (float) (src[e] * gain);
                }
            }
            SpilloverMatrix s = ds.spillover();
            List<String> detectors = s.channels().stream().map(n -> names.getOrDefault(n, n)).toList();
            double[][] values = new double[s.size()][];
            for (int i = 0; i < s.size(); i++) {
                values[i] = new double[s.size()];
                for (int j = 0; j < s.size(); j++) {
                    values[i][j] = s.get(i, j);
                }
            }
            Keywords extra = new Keywords();
            extra.put("$CYT", "Another cytometer");
            EventTable table = new EventTable(channels, columns, ds.events().eventCount());
            // Other instrument, other file naming: a ".001" extension found by its header.
            FcsWriter.write(renamed.resolve(t.file().replace(".fcs", ".001")), table, extra,
                    new SpilloverMatrix(detectors, values));
        }
        List<String> sheet = Files.readAllLines(dir.resolve("cohort").resolve("samples.csv"));
        List<String> out = new ArrayList<>();
        for (String line : sheet) {
            out.add(line.replace(".fcs,", ".001,"));
        }
        Files.write(renamed.resolve("samples.csv"), out);
        check(renamed, dir.resolve("out-renamed"));
    }

    private static void check(Path cohort, Path outDir) throws Exception {
        RunResult r = Pipeline.run(new RunRequest(PIPELINE, List.of(cohort), null, null, null, outDir, 2, null));
        assertEquals(0, r.exitCode(), () -> r.samples().stream().filter(s -> !s.ok()).map(SampleResult::error).toList().toString());
        assertEquals(truth.files().size(), r.samples().size());
        Map<String, SampleResult> byFile = new HashMap<>();
        r.samples().forEach(s -> byFile.put(Path.of(s.file()).getFileName().toString().replace(".001", ".fcs"), s));
        StringBuilder report = new StringBuilder();
        List<String> misses = new ArrayList<>();
        for (FileTruth t : truth.files()) {
            SampleResult s = byFile.get(t.file());
            assertNotNull(s, t.file());
            compare(misses, report, t.file(), "Treg % of CD4+", t.pctTregOfCd4(), s.population("Treg"));
            compare(misses, report, t.file(), "CD25hi % of Treg", t.pctCd25hiOfTreg(), s.population("CD25hi Treg"));
            compare(misses, report, t.file(), "NK % of live lymphocytes", t.pctNkOfLymphocytes(), s.population("NK cells"));
            compare(misses, report, t.file(), "CD56bright % of NK", t.pctCd56brightOfNk(), s.population("CD56bright"));
        }
        Map<String, EndpointRow> rows = new HashMap<>();
        r.written().endpoint().forEach(e -> rows.put(e.patient(), e));
        assertEquals(PATIENTS, rows.size());
        for (EndpointTruth e : truth.endpoints()) {
            EndpointRow row = rows.get(e.patient());
            double rel = Math.abs(row.foldChange() - e.foldChange()) / e.foldChange();
            report.append(String.format(Locale.ROOT, "%s fold: truth %.3f ours %.3f (%.1f%%) met %s/%s%n", e.patient(),
                    e.foldChange(), row.foldChange(), 100 * rel, e.met(), row.met()));
            if (!(rel <= 0.15)) {
                misses.add(e.patient() + " fold change " + row.foldChange() + " vs true " + e.foldChange());
            }
            boolean clear = e.foldChange() < 1.7 || e.foldChange() > 2.3;
            if (clear && !Boolean.valueOf(e.met()).equals(row.met())) {
                misses.add(e.patient() + " met " + row.met() + " but truly " + e.met());
            }
        }
        System.out.print(report);
        assertTrue(misses.isEmpty(), String.join("\n", misses));
    }

    private static void compare(List<String> misses, StringBuilder report, String file, String what, double truth,
                                PopulationStats ours) {
        double v = ours.pctParent();
        if (!(Math.abs(v - truth) <= 2.0)) {
            misses.add(String.format(Locale.ROOT, "%s %s: %.3f vs true %.3f", file, what, v, truth));
        }
    }
}
