package org.tregflow.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tregflow.fcs.EventTable;

/**
 * The cohort looks like DOMAIN.md's blood (frequencies, responses) and its populations are resolvable after
 * compensation, while uncompensated data mislead: what the pipeline's gates rely on.
 */
class RealismTest {
    static final int PATIENTS = 12;
    static final CohortConfig CONFIG = CohortConfig.defaults().withPatients(PATIENTS).withEvents(20_000).withSeed(2024);
    static CohortSimulator sim;
    static List<FileTruth> baseline = new ArrayList<>();
    static List<FileTruth> endpoint = new ArrayList<>();

    @BeforeAll
    static void simulate() {
        sim = new CohortSimulator(CONFIG);
        for (int p = 0; p < PATIENTS; p++) {
            baseline.add(sim.simulate(p, Visit.BASELINE).truth());
            endpoint.add(sim.simulate(p, Visit.AFTER_CYCLE_4).truth());
        }
    }

    @Test
    void baselineFrequenciesAreWithinTheRangesOfAdultBlood() {
        for (FileTruth t : baseline) {
            String f = t.file();
            within(f + " lymphocytes % of events", t.pctLymphocytesOfTotal(), 60, 80);
            within(f + " T % of lymphocytes", t.pctTOfLymphocytes(), 55, 75);
            within(f + " CD4 % of T", t.pctCd4OfT(), 50, 70);
            within(f + " Treg % of CD4", t.pctTregOfCd4(), 3, 8);
            within(f + " CD25hi % of Treg", t.pctCd25hiOfTreg(), 15, 40);
            within(f + " NK % of lymphocytes", t.pctNkOfLymphocytes(), 5, 15);
            within(f + " CD56bright % of NK", t.pctCd56brightOfNk(), 5, 10);
        }
    }

    @Test
    void respondersDoubleCd25hiTregWhileNonRespondersAndPlaceboDoNot() {
        for (int p = 0; p < PATIENTS; p++) {
            EndpointTruth e = EndpointTruth.of(baseline.get(p), endpoint.get(p));
            String who = e.patient() + " " + e.response();
            switch (e.response()) {
                case RESPONDER -> {
                    within(who + " CD25hi fold", e.foldChange(), 2, 4);
                    within(who + " Treg-of-CD4 fold", e.tregOfCd4Fold(), 1.4, 2.1);
                    within(who + " CD56bright-of-NK fold", e.cd56brightOfNkFold(), 1.5, 3);
                    assertTrue(e.met(), who);
                }
                case NON_RESPONDER -> {
                    within(who + " CD25hi fold", e.foldChange(), 1.1, 1.75);
                    assertTrue(!e.met(), who);
                }
                case NONE -> {
                    within(who + " CD25hi fold", e.foldChange(), 0.85, 1.15);
                    within(who + " Treg-of-CD4 fold", e.tregOfCd4Fold(), 0.85, 1.15);
                    assertTrue(!e.met(), who);
                }
            }
            // IL-2 does not change the CD4 and CD8 compartments.
            within(who + " CD4-of-T change", endpoint.get(p).pctCd4OfT() / baseline.get(p).pctCd4OfT(), 0.9, 1.1);
            within(who + " CD8-of-T change", endpoint.get(p).pctCd8OfT() / baseline.get(p).pctCd8OfT(), 0.9, 1.1);
        }
    }

    @Test
    void populationsAreSeparatedAfterCompensation() {
        SimulatedSample s = sim.simulate(0, Visit.AFTER_CYCLE_4);
        float[][] comp = compensate(s);
        int cd25 = Panel.CD25;
        // CD25hi and CD25int Treg: a valley near 10^3.45 (the modes are 1.3 decades apart).
        assertTrue(fraction(s, comp[cd25], EventCategory.TREG_CD25HI, v -> v > 2_800) > 0.99);
        assertTrue(fraction(s, comp[cd25], EventCategory.TREG_CD25INT, v -> v < 2_800) > 0.99);
        assertTrue(fraction(s, comp[Panel.FOXP3], EventCategory.TREG_CD25INT, v -> v > 800) > 0.99);
        assertTrue(fraction(s, comp[Panel.FOXP3], EventCategory.CD4_TCONV, v -> v < 800) > 0.99);
        assertTrue(fraction(s, comp[Panel.CD127], EventCategory.CD4_TCONV, v -> v > 400) > 0.99);
        assertTrue(fraction(s, comp[Panel.CD127], EventCategory.TREG_CD25HI, v -> v < 400) > 0.97);
        assertTrue(fraction(s, comp[Panel.CD3], EventCategory.CD8_T, v -> v > 600) > 0.99);
        assertTrue(fraction(s, comp[Panel.CD3], EventCategory.NK_CD56DIM, v -> v < 600) > 0.99);
        assertTrue(fraction(s, comp[Panel.CD56], EventCategory.NK_CD56DIM, v -> v > 400) > 0.99);
        assertTrue(fraction(s, comp[Panel.CD56], EventCategory.B_CELL, v -> v < 400) > 0.99);
        assertTrue(fraction(s, comp[Panel.CD56], EventCategory.NK_CD56BRIGHT, v -> v > 4_000) > 0.95);
        assertTrue(fraction(s, comp[Panel.CD16], EventCategory.NK_CD56BRIGHT, v -> v < 1_000) > 0.97);
        assertTrue(fraction(s, comp[Panel.CD16], EventCategory.NK_CD56DIM, v -> v > 1_000) > 0.99);
        assertTrue(fraction(s, comp[Panel.LIVE_DEAD], EventCategory.DEAD_LYMPHOCYTE, v -> v > 2_000) > 0.99);
        assertTrue(fraction(s, comp[Panel.LIVE_DEAD], EventCategory.CD4_TCONV, v -> v < 2_000) > 0.99);
    }

    @Test
    void uncompensatedDataMisleadAndCompensatedNegativesSpreadBelowZero() {
        SimulatedSample s = sim.simulate(0, Visit.AFTER_CYCLE_4);
        float[][] comp = compensate(s);
        float[] rawCd8 = s.events().column("Alexa Fluor 700-A");
        // FOXP3 AF647 spills ~20% into the CD8 AF700 detector: raw Treg look CD8-dim, compensated they are negative.
        assertTrue(median(s, rawCd8, EventCategory.TREG_CD25HI) > 500, "raw Treg AF700");
        assertTrue(Math.abs(median(s, comp[Panel.CD8], EventCategory.TREG_CD25HI)) < 100, "compensated Treg CD8");
        // Electronic noise and spillover spread: negatives reach below zero (why logicle/arcsinh, not log).
        assertTrue(fraction(s, comp[Panel.CD25], EventCategory.B_CELL, v -> v < 0) > 0.2);
        assertTrue(fraction(s, comp[Panel.FOXP3], EventCategory.CD8_T, v -> v < 0) > 0.2);
    }

    @Test
    void scatterSeparatesDoubletsDebrisAndMyeloidCells() {
        SimulatedSample s = sim.simulate(1, Visit.BASELINE);
        EventTable t = s.events();
        float[] fa = t.column("FSC-A");
        float[] fh = t.column("FSC-H");
        float[] ssc = t.column("SSC-A");
        float[] ratio = new float[fa.length];
        for (int i = 0; i < fa.length; i++) {
            ratio[i] = fa[i] / fh[i];
        }
        assertTrue(fraction(s, ratio, EventCategory.LYMPHOCYTE_DOUBLET, v -> v > 1.5) > 0.99);
        assertTrue(fraction(s, ratio, EventCategory.CD4_TCONV, v -> v < 1.5) > 0.99);
        double lymSsc = median(s, ssc, EventCategory.B_CELL);
        assertTrue(median(s, ssc, EventCategory.MONOCYTE) > 2.5 * lymSsc);
        assertTrue(median(s, ssc, EventCategory.GRANULOCYTE) > 6 * lymSsc);
        assertTrue(median(s, fa, EventCategory.DEBRIS) < 0.4 * median(s, fa, EventCategory.B_CELL));
        // Time runs forward.
        float[] time = t.column("Time");
        for (int i = 1; i < time.length; i++) {
            assertTrue(time[i] >= time[i - 1]);
        }
        assertTrue(time[time.length - 1] < 262_144);
    }

    /** Row vector times the inverse spillover, one dye per returned column (index = Panel's dye order). */
    static float[][] compensate(SimulatedSample s) {
        double[][] inv = s.spillover().inverse();
        int n = s.events().eventCount();
        int k = s.spillover().size();
        float[][] raw = new float[k][];
        for (int j = 0; j < k; j++) {
            raw[j] = s.events().column(s.spillover().channels().get(j));
        }
        float[][] out = new float[k][n];
        for (int e = 0; e < n; e++) {
            for (int c = 0; c < k; c++) {
                double v = 0;
                for (int j = 0; j < k; j++) {
                    v += raw[j][e] * inv[j][c];
                }
                out[c][e] = (float) v;
            }
        }
        return out;
    }

    interface FloatTest {
        boolean test(float v);
    }

    static double fraction(SimulatedSample s, float[] col, EventCategory c, FloatTest t) {
        int in = 0;
        int all = 0;
        for (int e = 0; e < col.length; e++) {
            if (s.category(e) == c) {
                all++;
                if (t.test(col[e])) {
                    in++;
                }
            }
        }
        assertTrue(all > 0, "no " + c + " events");
        return (double) in / all;
    }

    static double median(SimulatedSample s, float[] col, EventCategory c) {
        float[] v = new float[col.length];
        int n = 0;
        for (int e = 0; e < col.length; e++) {
            if (s.category(e) == c) {
                v[n++] = col[e];
            }
        }
        float[] w = Arrays.copyOf(v, n);
        Arrays.sort(w);
        return w[n / 2];
    }

    static void within(String what, double value, double lo, double hi) {
        assertTrue(value >= lo && value <= hi, what + " = " + value + ", expected within [" + lo + ", " + hi + "]");
    }

    @Test
    void spilloverWrittenIsTheDesignedOneWithUnitDiagonal() {
        var m = Panel.spillover();
        assertEquals(Panel.DETECTORS, m.channels());
        for (int i = 0; i < m.size(); i++) {
            assertEquals(1.0, m.get(i, i));
            for (int j = 0; j < m.size(); j++) {
                if (i != j) {
                    assertTrue(m.get(i, j) >= 0 && m.get(i, j) <= 0.25, "spillover within 0..25%");
                }
            }
        }
        assertEquals(0.20, m.get(Panel.FOXP3, Panel.CD8));
    }
}
