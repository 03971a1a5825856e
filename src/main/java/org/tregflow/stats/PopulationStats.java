package org.tregflow.stats;

import java.util.Map;

/**
 * The statistics of one population of one sample.
 *
 * @param population  the population's name (from the pipeline)
 * @param path        its path in the gate tree, e.g. "/Lymphocytes/Singlets/T cells"
 * @param parent      the parent population's name, or null for the root
 * @param count       events in the population
 * @param parentCount events in the parent
 * @param totalCount  events in the whole file
 * @param medians     median (in scale values) of each configured marker within the population, in the pipeline's
 *                    order (kept: a stored result is the same bytes run after run); NaN when empty
 */
public record PopulationStats(String population, String path, String parent, long count, long parentCount,
                              long totalCount, Map<String, Double> medians) {
    public PopulationStats {
        // Not Map.copyOf: its iteration order changes from one JVM to the next.
        medians = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(medians));
    }

    /** Percentage of the parent, NaN when the parent is empty. */
    public double pctParent() {
        return parentCount == 0 ? Double.NaN : 100.0 * count / parentCount;
    }

    /** Percentage of all events, NaN when the file is empty. */
    public double pctTotal() {
        return totalCount == 0 ? Double.NaN : 100.0 * count / totalCount;
    }
}
