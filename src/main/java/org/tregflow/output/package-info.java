/**
 * The run's result tables and manifest, written for notebooks (pandas, polars, R) and other tools.
 *
 * <h2>Files</h2>
 * Each table is written twice, with the same columns and values: {@code NAME.arrow} (Arrow IPC <em>file</em>
 * format, one record batch, uncompressed; pandas {@code read_feather}, polars {@code read_ipc}, R
 * {@code arrow::read_feather}) and {@code NAME.csv} (RFC 4180: UTF-8, CRLF, header row, quotes only where needed,
 * '.' decimals, no grouping, doubles in shortest round-trip form, which may use an exponent like 1.0E-7).
 * Then {@code manifest.json}. Everything is staged to hidden temporary files in the output folder and renamed
 * over the previous files only once all are complete, the manifest last.
 *
 * <h2>Types and nulls</h2>
 * Text is Utf8, counts Int64, values Float64, {@code met} Bool. Unknown values are null in Arrow and an empty
 * cell in CSV, never "NaN" or "Infinity": a non-finite number (an undefined percentage, a fold change from a
 * zero baseline, an infinite odds ratio) is written as null. An empty string is written as null too.
 *
 * <h2>Tables (columns in this order; new columns are only ever appended)</h2>
 * <ul>
 *   <li>{@code samples}, one row per input file: sample_id, file, sha256, status (ok/failed), error, events,
 *       fcs_version, instrument, patient, visit, arm, visit_order, warnings ("; "-separated), day.</li>
 *   <li>{@code populations}, sample × population (ok samples, pipeline order): sample_id, patient, visit, arm,
 *       visit_order, population, path, parent, count, parent_count, pct_parent, pct_total,
 *       median_MARKER per configured marker.</li>
 *   <li>{@code gates}, sample × applied gate: sample_id, population, method, dimensions, parameters, shape.</li>
 *   <li>{@code visits}, patient × visit × population: patient, arm, visit, visit_order, population, pct_parent,
 *       baseline_pct_parent, fold_change, log2_fold_change, samples (replicates averaged; rules in
 *       {@link org.tregflow.stats.Visits}).</li>
 *   <li>{@code endpoint}, one row per patient: patient, arm, population, statistic, baseline_visit,
 *       endpoint_visit, baseline_value, endpoint_value, fold_change, threshold, met (null when not evaluable),
 *       reason (rules in {@link org.tregflow.stats.Endpoints}).</li>
 *   <li>{@code cohort}, long ("tidy") layout: scope, arm, measure, n, value, ci_low, ci_high, test, statistic,
 *       p_value. Rows with scope "arm" per arm: patients, evaluable, met (value = count), proportion_met (value,
 *       95% Clopper-Pearson ci_low/ci_high, n = evaluable), median_fold_change, baseline_vs_endpoint
 *       (test wilcoxon_signed_rank). Rows with scope "between_arms" and arm "A vs B", when there are exactly two
 *       named arms: met_vs_not_met (fisher_exact, statistic = sample odds ratio) and fold_change
 *       (mann_whitney_u, statistic = U of arm A). Long rather than wide because the set of arms varies between
 *       trials while the columns must not: {@code df[df.measure == "proportion_met"]} gives one row per arm, and
 *       a pivot gives the wide view. Details in {@link org.tregflow.stats.Cohort}.</li>
 * </ul>
 *
 * <h2>manifest.json</h2>
 * tool, tool_version, pipeline {path, sha256}, started, finished (ISO-8601 UTC), counts {inputs, ok, failed}, and
 * for a batch run (pipeline.Pipeline) also counts {processed, reused}, results_store {run_key, resume} and sheets
 * (the gating sheet formats asked for: "svg,png", "svg", "png" or "none"); inputs [{sample_id, path, size, sha256,
 * status, timings_ms {stage: ms}, and for a batch run reused, sha256_recorded}], warnings, endpoint {population,
 * statistic, baseline_visit, endpoint_visit, threshold, min_parent_events}, outputs [{file, size, sha256}].
 *
 * <p>Entry point: {@link org.tregflow.output.Tables#writeAll}; the terminal view of the endpoint:
 * {@link org.tregflow.output.EndpointText#format}.
 */
package org.tregflow.output;
