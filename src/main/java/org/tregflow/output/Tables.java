package org.tregflow.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.tregflow.stats.Cohort;
import org.tregflow.stats.CohortRow;
import org.tregflow.stats.EndpointRow;
import org.tregflow.stats.EndpointSpec;
import org.tregflow.stats.Endpoints;
import org.tregflow.stats.SampleResult;
import org.tregflow.stats.VisitRow;
import org.tregflow.stats.Visits;

/**
 * The facade the pipeline calls once per run: computes visits, endpoint and cohort from the per-file results and
 * writes every table as {@code NAME.arrow} and {@code NAME.csv}, then {@code manifest.json}, atomically.
 *
 * <pre>{@code
 * Tables.Written w = Tables.writeAll(outDir, results, populationOrder, markers, endpointSpec, manifest);
 * System.out.print(EndpointText.format(w.endpoint()));
 * }</pre>
 */
public final class Tables {
    /** The tables, in the order they are written. */
    public static final List<String> NAMES = List.of("samples", "populations", "gates", "visits", "endpoint",
            "cohort");
    public static final String MANIFEST = "manifest.json";
    /** Every file {@link #writeAll} puts in the output folder: each table as Arrow and CSV, then the manifest. */
    public static final List<String> FILES = files();

    private Tables() {
    }

    private static List<String> files() {
        List<String> files = new ArrayList<>();
        for (String table : NAMES) {
            files.add(table + ".arrow");
            files.add(table + ".csv");
        }
        files.add(MANIFEST);
        return List.copyOf(files);
    }

    /** The computed tables (by name in {@link #NAMES} order) and the rows behind the summaries. */
    public record Built(Map<String, ResultTable> tables, List<VisitRow> visits, List<EndpointRow> endpoint,
                        List<CohortRow> cohort) {
    }

    /** What was written: the endpoint and cohort rows (for the terminal) and the files, manifest last. */
    public record Written(List<EndpointRow> endpoint, List<CohortRow> cohort, List<Path> files) {
    }

    /**
     * Computes all tables in memory.
     *
     * @param populationOrder the pipeline's populations, in pipeline order (row order of the tables)
     * @param markers         the markers whose medians get a {@code median_<MARKER>} column, in this order
     * @param spec            the endpoint, or null when the pipeline defines none: then the endpoint and cohort
     *                        tables are empty (with their columns) and the visits' baseline is each patient's
     *                        earliest visit
     */
    public static Built build(List<SampleResult> results, List<String> populationOrder, List<String> markers,
                              EndpointSpec spec) {
        List<VisitRow> visits = Visits.compute(results, populationOrder, spec == null ? null : spec.baselineVisit());
        List<EndpointRow> endpoint = spec == null ? List.of() : Endpoints.evaluate(results, spec);
        List<CohortRow> cohort = Cohort.summarize(endpoint);
        Map<String, ResultTable> tables = new LinkedHashMap<>();
        tables.put("samples", ResultTables.samples(results));
        // a marker listed twice would give two median columns of one name, which no table format allows
        List<String> distinctMarkers = List.copyOf(new LinkedHashSet<>(markers == null ? List.of() : markers));
        tables.put("populations", ResultTables.populations(results, populationOrder, distinctMarkers));
        tables.put("gates", ResultTables.gates(results));
        tables.put("visits", ResultTables.visits(visits));
        tables.put("endpoint", ResultTables.endpoint(endpoint));
        tables.put("cohort", ResultTables.cohort(cohort));
        return new Built(Collections.unmodifiableMap(tables), visits, endpoint, cohort);
    }

    /**
     * Computes and writes all tables and the manifest into {@code outDir} (created if needed). Every file is
     * first written to a hidden temporary file in {@code outDir}; only when all are complete are they renamed
     * over the previous ones, manifest last, so an interrupted run leaves each previous file whole.
     *
     * @param manifest the run's record, or null to write no manifest
     */
    public static Written writeAll(Path outDir, List<SampleResult> results, List<String> populationOrder,
                                   List<String> markers, EndpointSpec spec, RunManifest manifest)
            throws OutputException {
        Built built = build(results, populationOrder, markers, spec);
        String current = null;
        try (StagedFiles files = new StagedFiles(outDir)) {
            List<StagedFiles.Written> written = new ArrayList<>();
            for (Map.Entry<String, ResultTable> e : built.tables().entrySet()) {
                ResultTable table = e.getValue();
                current = e.getKey() + ".arrow";
                written.add(files.stage(current, out -> ArrowTableWriter.write(table, out)));
                current = e.getKey() + ".csv";
                written.add(files.stage(current, out -> CsvTableWriter.write(table, out)));
            }
            if (manifest != null) {
                current = MANIFEST;
                files.stage(MANIFEST, out -> ManifestWriter.write(manifest, spec, written, out));
            }
            current = null;
            return new Written(built.endpoint(), built.cohort(), files.commit());
        } catch (StagedFiles.PartlyCommitted e) {
            throw new OutputException(outDir, current, e, e.replaced());
        } catch (IOException | RuntimeException e) {
            throw new OutputException(outDir, current, e);
        }
    }
}
