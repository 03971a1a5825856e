package org.tregflow.pipeline;

import java.util.List;
import java.util.Map;

/**
 * A pipeline as written in YAML (snake_case keys; an unknown key is an error). It names markers, never
 * detectors: {@link PanelResolver} finds each file's channels. See {@code pipelines/ld-il2-treg-nk.yaml}.
 */
public record PipelineDefinition(String name, String description, Panel panel, Compensation compensation,
                                 Transforms transforms, List<GateDef> gates, Statistics statistics, Visits visits,
                                 Endpoint endpoint, Samples samples) {
    public PipelineDefinition {
        gates = gates == null ? List.of() : List.copyOf(gates);
        compensation = compensation == null ? new Compensation(null, null, null) : compensation;
        transforms = transforms == null ? new Transforms(null, null, null) : transforms;
        statistics = statistics == null ? new Statistics(null) : statistics;
        visits = visits == null ? new Visits(null, null) : visits;
        samples = samples == null ? new Samples(null, null, null) : samples;
    }

    /**
     * The markers the pipeline uses. {@code required} must be in every file; {@code optional} ones (e.g. a viability
     * dye) may be absent, and then the gates marked optional that use them are skipped; {@code scatter} channels are
     * found by $PnN. {@code aliases} adds spellings per marker or scatter channel.
     */
    public record Panel(List<String> markers, List<String> optional, List<String> scatter,
                        Map<String, List<String>> aliases) {
        public Panel {
            markers = markers == null ? List.of() : List.copyOf(markers);
            optional = optional == null ? List.of() : List.copyOf(optional);
            scatter = scatter == null ? List.of() : List.copyOf(scatter);
            aliases = aliases == null ? Map.of() : Map.copyOf(aliases);
        }
    }

    /**
     * @param source  {@code file} (the FCS file's own spillover, the default), {@code matrix} (a CSV/TSV matrix file)
     *                or {@code none}
     * @param matrix  the matrix file for source {@code matrix}, relative to the pipeline file
     * @param missing what to do when the file has no spillover: {@code error} (default) or {@code warn} (go on
     *                uncompensated with a warning)
     */
    public record Compensation(String source, String matrix, String missing) {
        public Compensation {
            source = source == null ? "file" : source;
            missing = missing == null ? "error" : missing;
        }
    }

    /** Transforms for scatter channels, for fluorescence markers, and per marker exceptions. */
    public record Transforms(TransformDef scatter, TransformDef fluorescence, Map<String, TransformDef> markers) {
        public Transforms {
            markers = markers == null ? Map.of() : Map.copyOf(markers);
        }
    }

    /**
     * One transform: {@code type} linear | log | arcsinh | logicle | hyperlog, with the Gating-ML parameters.
     * {@code t} defaults to the channel's $PnR; {@code w} is a number or {@code estimate} (logicle: from the
     * file's negative values, per channel).
     */
    public record TransformDef(String type, Double t, String w, Double m, Double a) {
    }

    public record Statistics(List<String> medians) {
        public Statistics {
            medians = medians == null ? List.of() : List.copyOf(medians);
        }
    }

    /** The visit schedule when the sample sheet gives no order; the baseline visit. */
    public record Visits(List<String> order, String baseline) {
        public Visits {
            order = order == null ? List.of() : List.copyOf(order);
        }
    }

    public record Endpoint(String population, String statistic, String baselineVisit, String endpointVisit,
                           Double threshold, Long minParentEvents) {
    }

    /**
     * Where patient and visit come from: a sample sheet (CSV, relative to the first input folder), a filename
     * pattern with named groups {@code patient}, {@code visit} (and optionally {@code arm}), or FCS keywords
     * (map of patient/visit/arm to the keyword holding it).
     */
    public record Samples(String sheet, String filenamePattern, Map<String, String> keywords) {
        public Samples {
            keywords = keywords == null ? Map.of() : Map.copyOf(keywords);
        }
    }
}
