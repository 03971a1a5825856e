package org.tregflow.gating.auto;

import java.util.SplittableRandom;
import org.tregflow.gating.Population;

/**
 * A bounded, reproducible random subsample of a population's events (Knuth's selection sampling: one pass, each
 * event taken with probability needed/remaining), returned as ascending event indices.
 */
public final class Subsample {
    private Subsample() {
    }

    public static int[] of(Population within, int max, long seed) {
        long count = within.count();
        if (count <= max) {
            return within.indices();
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int[] out = new int[max];
        int k = 0;
        // The counts as doubles (exact: below 2^53), so the test per event converts nothing.
        double remaining = count;
        double needed = max;
        long[] words = within.words();
        for (int w = 0; w < words.length && k < max; w++) {
            long bits = words[w];
            while (bits != 0 && k < max) {
                int e = (w << 6) + Long.numberOfTrailingZeros(bits);
                if (rng.nextDouble() * remaining < needed) {
                    out[k++] = e;
                    needed--;
                }
                remaining--;
                bits &= bits - 1;
            }
        }
        return out;
    }
}
