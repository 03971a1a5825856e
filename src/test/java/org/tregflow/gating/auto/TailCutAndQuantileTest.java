package org.tregflow.gating.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TailCutAndQuantileTest {
    @Test
    void lowestPeakPlusKSpreadsIgnoresThePositives() {
        // 70% negatives N(1, 0.1), 30% positives N(3, 0.2): cut = 1 + 3 * 0.1.
        float[] v = DensityValleyTest.mixture(100_000, 0.7, 1, 0.1, 3, 0.2, 11);
        Threshold t = TailCut.find(v, v.length, new TailCut.Params(Side.POSITIVE, TailCut.Reference.LOWEST_PEAK, 3));
        assertEquals(1.3, t.value(), 0.02, t.detail());
    }

    @Test
    void highestPeakMinusKSpreadsForALowPopulation() {
        // CD127+ majority N(0.7, 0.05) and a CD127lo minority at 0.3: cut below the majority at 0.7 - 2 * 0.05.
        float[] v = DensityValleyTest.mixture(50_000, 0.9, 0.7, 0.05, 0.3, 0.05, 12);
        Threshold t = TailCut.find(v, v.length, new TailCut.Params(Side.NEGATIVE, TailCut.Reference.HIGHEST_PEAK, 2));
        assertEquals(0.6, t.value(), 0.01, t.detail());
    }

    @Test
    void allValuesUseMedianAndMad() {
        float[] v = DensityValleyTest.mixture(100_000, 1.0, 5, 2, 0, 1, 13);
        Threshold t = TailCut.find(v, v.length, new TailCut.Params(Side.POSITIVE, TailCut.Reference.ALL, 2));
        assertEquals(9.0, t.value(), 0.06);
    }

    @Test
    void quantileOfUniformValues() {
        float[] v = new float[100_001];
        for (int i = 0; i < v.length; i++) {
            v[i] = i / 100_000f;
        }
        assertEquals(0.9, QuantileCut.find(v, v.length, 0.9).value(), 1e-6);
        assertEquals(0.0, QuantileCut.find(v, v.length, 0).value(), 0);
        assertThrows(IllegalArgumentException.class, () -> QuantileCut.find(v, v.length, 1.5));
    }
}
