package org.tregflow.pipeline;

import java.util.List;
import java.util.Map;
import org.tregflow.output.Tables;
import org.tregflow.stats.EndpointSpec;
import org.tregflow.stats.SampleResult;

/**
 * What a run produced.
 *
 * @param samples   one result per input file, in input order (ok or failed)
 * @param timingsMs per sample id, milliseconds per stage ({@link SampleAnalyzer#STAGES})
 * @param warnings  run-level warnings (sample sheet problems, missing inputs)
 * @param written   the tables written, or null when no output folder was given
 * @param endpoint  the endpoint evaluated (with overrides), or null
 * @param tablesMs  milliseconds spent computing and writing the tables and manifest (the run-level stage)
 */
public record RunResult(List<SampleResult> samples, Map<String, Map<String, Long>> timingsMs, List<String> warnings,
                        Tables.Written written, EndpointSpec endpoint, long tablesMs) {
    public RunResult {
        samples = List.copyOf(samples);
        timingsMs = Map.copyOf(timingsMs);
        warnings = List.copyOf(warnings);
    }

    public long okCount() {
        return samples.stream().filter(SampleResult::ok).count();
    }

    /** DESIGN §4: 0 every input processed, 1 some failed, 3 nothing could be processed. */
    public int exitCode() {
        long ok = okCount();
        if (ok == 0) {
            return 3;
        }
        return ok == samples.size() ? 0 : 1;
    }
}
