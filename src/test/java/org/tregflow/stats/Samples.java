package org.tregflow.stats;

import java.util.List;
import java.util.Map;

/** Builders of small, hand-made result sets for the tests. */
public final class Samples {
    private Samples() {
    }

    /** A population whose parent has {@code parentCount} events, in a file of 10,000 events. */
    public static PopulationStats pop(String name, String parent, long count, long parentCount) {
        return new PopulationStats(name, "/" + (parent == null ? "" : parent + "/") + name, parent, count,
                parentCount, 10_000, Map.of());
    }

    public static PopulationStats pop(String name, String parent, long count, long parentCount,
                                      Map<String, Double> medians) {
        return new PopulationStats(name, "/" + name, parent, count, parentCount, 10_000, medians);
    }

    public static SampleResult ok(String file, String patient, String visit, String arm, Double order,
                                  PopulationStats... populations) {
        return new SampleResult(file, file, "sha-" + file, SampleResult.OK, null, 10_000, "3.1", "Simulated",
                new SampleInfo(patient, visit, arm, order, null), List.of(populations), List.of(), List.of());
    }

    public static SampleResult failed(String file, String patient, String visit, String arm, String error) {
        return new SampleResult(file, file, null, SampleResult.FAILED, error, 0, null, null,
                new SampleInfo(patient, visit, arm, null, null), List.of(), List.of(), List.of());
    }

    /** The primary-endpoint population with a given % of parent (parent Treg of 1,000 events). */
    public static PopulationStats cd25(double pctOfTreg) {
        return pop("CD25hi Treg", "Treg", Math.round(pctOfTreg * 10), 1000);
    }
}
