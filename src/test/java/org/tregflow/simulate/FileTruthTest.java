package org.tregflow.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Truth arithmetic on hand-made counts, and the seed mixing against SplitMix64's published first output. */
class FileTruthTest {
    /** debris, mono, gran, doublets, dead, tconv, hi, int, cd8, dn, b, bright, dim. */
    static FileTruth truth(String visit, int hi, int lo) {
        return new FileTruth("P01_" + visit + ".fcs", "P01", visit, Arm.IL2, Response.RESPONDER, 0, 0,
                new int[] {100, 200, 10, 40, 30, 950, hi, lo, 500, 50, 300, 5, 95});
    }

    @Test
    void percentagesOfParentFromHandCountedEvents() {
        FileTruth t = truth("V0", 10, 40);
        assertEquals(2_330, t.events());
        assertEquals(1_950, t.lymphocytes()); // 950+10+40+500+50+300+5+95
        assertEquals(1_550, t.tCells());
        assertEquals(1_000, t.cd4());
        assertEquals(50, t.treg());
        assertEquals(100, t.nk());
        assertEquals(5.0, t.pctTregOfCd4(), 1e-12);
        assertEquals(20.0, t.pctCd25hiOfTreg(), 1e-12);
        assertEquals(100.0 * 100 / 1_950, t.pctNkOfLymphocytes(), 1e-12);
        assertEquals(5.0, t.pctCd56brightOfNk(), 1e-12);
        assertEquals(95.0, t.pctCd56dimOfNk(), 1e-12);
        assertEquals(100.0 * 500 / 1_550, t.pctCd8OfT(), 1e-12);
    }

    @Test
    void endpointIsFoldOfPercentagesNotOfCounts() {
        // 20% -> 40% of Treg: fold 2.0, met (>= 2) even though the CD25hi count rises 2.4-fold with more Treg.
        EndpointTruth e = EndpointTruth.of(truth("V0", 10, 40), truth("C4", 24, 36));
        assertEquals(20.0, e.baselinePct(), 1e-12);
        assertEquals(40.0, e.endpointPct(), 1e-12);
        assertEquals(2.0, e.foldChange(), 1e-12);
        assertTrue(e.met());
        assertEquals(60.0 / 1010 / (50.0 / 1000), e.tregOfCd4Fold(), 1e-12);
        EndpointTruth below = EndpointTruth.of(truth("V0", 10, 40), truth("C4", 19, 31));
        assertEquals(1.9, below.foldChange(), 1e-12);
        assertFalse(below.met());
    }

    @Test
    void seedMixingIsSplitMix64() {
        // SplitMix64 seeded with 0 first returns 0xE220A8397B1DCDAF (Steele et al.; java.util.SplittableRandom).
        assertEquals(0xE220A8397B1DCDAFL, Seeds.mix(0x9E3779B97F4A7C15L));
        assertNotEquals(Seeds.stream(1, 0, 0).nextLong(), Seeds.stream(1, 0, 1).nextLong());
        assertNotEquals(Seeds.stream(1, 0, 0).nextLong(), Seeds.stream(1, 1, 0).nextLong());
        assertNotEquals(Seeds.stream(1, 0, 0).nextLong(), Seeds.stream(2, 0, 0).nextLong());
        assertEquals(Seeds.stream(1, 3, 2).nextLong(), Seeds.stream(1, 3, 2).nextLong());
    }

    @Test
    void drugEffectRisesThroughCyclesAndWanesAtFollowUp() {
        CohortSimulator sim = new CohortSimulator(CohortConfig.defaults().withPatients(1).withEvents(40_000));
        double v0 = sim.simulate(0, Visit.BASELINE).truth().pctCd25hiOfTreg();
        double c1 = sim.simulate(0, Visit.AFTER_CYCLE_1).truth().pctCd25hiOfTreg();
        double c4 = sim.simulate(0, Visit.AFTER_CYCLE_4).truth().pctCd25hiOfTreg();
        double fu = sim.simulate(0, Visit.FOLLOW_UP).truth().pctCd25hiOfTreg();
        assertTrue(v0 < c1 && c1 < c4 && fu < c4 && fu > v0, v0 + " " + c1 + " " + c4 + " " + fu);
    }
}
