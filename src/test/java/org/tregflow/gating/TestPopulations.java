package org.tregflow.gating;

import java.util.SplittableRandom;

/** Populations for tests and benchmarks. */
public final class TestPopulations {
    private TestPopulations() {
    }

    /** Each event of {@code parent} kept with probability {@code keep}: a nested gate's population, at random. */
    public static Population thin(Population parent, double keep, SplittableRandom rng) {
        Population out = Population.none(parent.size());
        for (int e : parent.indices()) {
            if (rng.nextDouble() < keep) {
                out.add(e);
            }
        }
        return out;
    }
}
