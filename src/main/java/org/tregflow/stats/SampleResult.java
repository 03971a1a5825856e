package org.tregflow.stats;

import java.util.List;

/**
 * What the pipeline measured for one input file: either status "ok" with its populations, or "failed" with the
 * error message (and no populations). The tables are built from a list of these.
 *
 * @param sampleId   a stable id for the sample (e.g. the file's path relative to the input folder)
 * @param file       the file's path as given
 * @param sha256     the file's content hash (hex)
 * @param status     "ok" or "failed"
 * @param error      the error message when failed, else null
 * @param events     events in the analysed data set (0 when unreadable)
 * @param gates      the gates actually applied, thresholds resolved to numbers (one row per gate)
 */
public record SampleResult(String sampleId, String file, String sha256, String status, String error, long events,
                           String fcsVersion, String instrument, SampleInfo info, List<PopulationStats> populations,
                           List<GateRecord> gates, List<String> warnings) {
    public static final String OK = "ok";
    public static final String FAILED = "failed";

    public SampleResult {
        populations = List.copyOf(populations);
        gates = List.copyOf(gates);
        warnings = List.copyOf(warnings);
    }

    public boolean ok() {
        return OK.equals(status);
    }

    /** The population of this name, or null. */
    public PopulationStats population(String name) {
        for (PopulationStats p : populations) {
            if (p.population().equals(name)) {
                return p;
            }
        }
        return null;
    }
}
