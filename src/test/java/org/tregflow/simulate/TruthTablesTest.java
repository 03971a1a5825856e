package org.tregflow.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample sheet and truth files agree with each other and with the files, by arithmetic done here again. */
class TruthTablesTest {
    @TempDir
    static Path dir;
    static CohortTruth truth;
    static final CohortConfig CONFIG = CohortConfig.defaults().withPatients(4).withEvents(4_000).withSeed(11);

    @BeforeAll
    static void simulate() throws IOException {
        truth = new CohortSimulator(CONFIG).write(dir);
    }

    @Test
    void sampleSheetListsEveryFileWithItsVisitSchedule() throws IOException {
        List<Map<String, String>> rows = csv(dir.resolve("samples.csv"));
        assertEquals(List.of("file", "patient", "visit", "arm", "visit_order", "day"),
                List.of(Files.readAllLines(dir.resolve("samples.csv")).get(0).split(",")));
        assertEquals(16, rows.size());
        Map<String, String> first = rows.get(0);
        assertEquals(Map.of("file", "P01_V0.fcs", "patient", "P01", "visit", "V0", "arm", "IL-2", "visit_order", "0",
                "day", "0"), first);
        Map<String, String> p3c4 = rows.get(2 * 4 + 2);
        assertEquals(Map.of("file", "P03_C4.fcs", "patient", "P03", "visit", "C4", "arm", "placebo",
                "visit_order", "2", "day", "57"), p3c4);
        for (Map<String, String> r : rows) {
            assertTrue(Files.isRegularFile(dir.resolve(r.get("file"))), r.get("file"));
            assertEquals(r.get("patient") + "_" + r.get("visit") + ".fcs", r.get("file"));
        }
    }

    @Test
    void truthCountsSumToTheEventCountAndSubtotalsAddUp() throws IOException {
        List<Map<String, String>> rows = csv(dir.resolve("truth_files.csv"));
        assertEquals(16, rows.size());
        for (Map<String, String> r : rows) {
            long sum = 0;
            for (EventCategory c : EventCategory.values()) {
                sum += Long.parseLong(r.get(c.column()));
            }
            assertEquals(CONFIG.events(), sum, r.get("file"));
            assertEquals(CONFIG.events(), Long.parseLong(r.get("events")));
            long tregs = n(r, "treg_cd25hi") + n(r, "treg_cd25int");
            long cd4 = n(r, "cd4_tconv") + tregs;
            long t = cd4 + n(r, "cd8_t") + n(r, "dn_t");
            long nk = n(r, "nk_cd56bright") + n(r, "nk_cd56dim");
            long lym = t + nk + n(r, "b_cells");
            assertEquals(tregs, n(r, "treg"));
            assertEquals(cd4, n(r, "cd4_t"));
            assertEquals(t, n(r, "t_cells"));
            assertEquals(nk, n(r, "nk"));
            assertEquals(lym, n(r, "lymphocytes"));
            assertEquals(100.0 * tregs / cd4, d(r, "pct_treg_of_cd4"), 1e-6);
            assertEquals(100.0 * n(r, "treg_cd25hi") / tregs, d(r, "pct_cd25hi_of_treg"), 1e-6);
            assertEquals(100.0 * nk / lym, d(r, "pct_nk_of_lymphocytes"), 1e-6);
            assertEquals(100.0 * n(r, "nk_cd56bright") / nk, d(r, "pct_cd56bright_of_nk"), 1e-6);
            assertEquals(100.0, d(r, "pct_cd56bright_of_nk") + d(r, "pct_cd56dim_of_nk"), 1e-5);
        }
    }

    @Test
    void truthCountsAreTheCountsOfTheGeneratedEventLabels() {
        SimulatedSample s = new CohortSimulator(CONFIG).simulate(1, Visit.AFTER_CYCLE_4);
        int[] counted = new int[EventCategory.count()];
        for (int e = 0; e < s.events().eventCount(); e++) {
            counted[s.category(e).ordinal()]++;
        }
        assertEquals(java.util.Arrays.toString(counted), java.util.Arrays.toString(s.truth().counts()));
        assertEquals(s.truth(), truth.files().get(4 + 2));
    }

    @Test
    void endpointIsTheFoldOfCd25hiOfTregAfterCycle4OverBaseline() throws IOException {
        Map<String, Map<String, String>> byFile = new HashMap<>();
        for (Map<String, String> r : csv(dir.resolve("truth_files.csv"))) {
            byFile.put(r.get("file"), r);
        }
        List<Map<String, String>> ep = csv(dir.resolve("truth_endpoint.csv"));
        assertEquals(List.of("P01", "P02", "P03", "P04"), ep.stream().map(r -> r.get("patient")).toList());
        for (Map<String, String> r : ep) {
            Map<String, String> v0 = byFile.get(r.get("patient") + "_V0.fcs");
            Map<String, String> c4 = byFile.get(r.get("patient") + "_C4.fcs");
            double base = 100.0 * n(v0, "treg_cd25hi") / n(v0, "treg");
            double end = 100.0 * n(c4, "treg_cd25hi") / n(c4, "treg");
            assertEquals(base, d(r, "baseline_value"), 1e-6);
            assertEquals(end, d(r, "endpoint_value"), 1e-6);
            assertEquals(end / base, d(r, "fold_change"), 1e-6);
            assertEquals(end / base >= 2, Boolean.parseBoolean(r.get("met")), r.toString());
            assertEquals("V0", r.get("baseline_visit"));
            assertEquals("C4", r.get("endpoint_visit"));
            assertEquals(v0.get("arm"), r.get("arm"));
        }
        // The design: P01, P02 responders (met), P03 placebo, P04 IL-2 non-responder.
        assertEquals(List.of("true", "true", "false", "false"), ep.stream().map(r -> r.get("met")).toList());
        assertEquals(List.of("responder", "responder", "none", "non-responder"),
                ep.stream().map(r -> r.get("response")).toList());
    }

    private static long n(Map<String, String> r, String col) {
        return Long.parseLong(r.get(col));
    }

    private static double d(Map<String, String> r, String col) {
        return Double.parseDouble(r.get(col));
    }

    static List<Map<String, String>> csv(Path p) throws IOException {
        List<String> lines = Files.readAllLines(p);
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, String>> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertEquals(header.length, f.length, line);
            Map<String, String> m = new java.util.LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                m.put(header[i], f[i]);
            }
            out.add(m);
        }
        return out;
    }
}
