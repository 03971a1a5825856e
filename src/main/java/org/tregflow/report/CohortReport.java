package org.tregflow.report;

import static org.tregflow.report.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.tregflow.io.AtomicFile;

/**
 * The cohort report: one self-contained, offline {@code report.html} written from a run's output folder (its
 * CSV tables and {@code manifest.json}): run summary, endpoint (waterfall, cohort statistics, per patient),
 * per-patient trajectories, and every sample with a link to its gating sheet ({@code sheets/<stem>.svg}).
 * Charts are inline SVG, styles inline, fonts the system's: nothing is fetched from the network.
 */
public final class CohortReport {
    public static final String FILE = "report.html";
    public static final String SHEETS = "sheets";
    /** Populations shown first when none are configured: the trial's readouts (DOMAIN.md). */
    private static final Pattern KEY_POPULATION = Pattern.compile("(?i).*(cd25|treg|nk|cd56).*");
    private static final int MAX_DEFAULT_TRAJECTORIES = 12;
    /** The output tables (DESIGN.md §4), each written as NAME.csv and NAME.arrow. */
    private static final List<String> TABLES = List.of("samples", "populations", "gates", "visits", "endpoint",
            "cohort");

    /**
     * @param title       the page title (null = a default)
     * @param populations populations to draw trajectories of, in order (empty = those present, key readouts
     *                    first)
     */
    public record Options(String title, List<String> populations) {
        public Options {
            populations = populations == null ? List.of() : List.copyOf(populations);
        }

        public static Options defaults() {
            return new Options(null, List.of());
        }
    }

    private final Path outDir;
    private final Options options;
    private final CsvTable samples;
    private final CsvTable populations;
    private final CsvTable visits;
    private final CsvTable endpoint;
    private final CsvTable cohort;
    private final JsonNode manifest;
    private final ArmColours colours;

    private CohortReport(Path outDir, Options options) throws IOException {
        this.outDir = outDir;
        this.options = options;
        this.samples = CsvTable.readIfPresent(outDir.resolve("samples.csv"));
        this.populations = CsvTable.readIfPresent(outDir.resolve("populations.csv"));
        this.visits = CsvTable.readIfPresent(outDir.resolve("visits.csv"));
        this.endpoint = CsvTable.readIfPresent(outDir.resolve("endpoint.csv"));
        this.cohort = CsvTable.readIfPresent(outDir.resolve("cohort.csv"));
        Path m = outDir.resolve("manifest.json");
        JsonNode node = null;
        if (Files.isRegularFile(m)) {
            try {
                node = new ObjectMapper().readTree(m.toFile());
            } catch (IOException e) {
                throw new ReportException(m + " is not valid JSON: " + e.getMessage(), e);
            }
        }
        this.manifest = node == null ? new ObjectMapper().createObjectNode() : node;
        List<String> arms = new ArrayList<>();
        for (CsvTable t : List.of(endpoint, visits, samples)) {
            for (int i = 0; i < t.size(); i++) {
                arms.add(arm(t, i));
            }
        }
        this.colours = new ArmColours(arms.stream().sorted((a, b) -> Boolean.compare(ArmColours.isControl(a),
                ArmColours.isControl(b))).toList());
    }

    /** Writes {@code outDir/report.html} from the tables in {@code outDir}; returns its path. */
    public static Path write(Path outDir) throws IOException {
        return write(outDir, Options.defaults());
    }

    public static Path write(Path outDir, Options options) throws IOException {
        if (!Files.isDirectory(outDir)) {
            throw new ReportException("output folder " + outDir + " does not exist; run the pipeline first");
        }
        if (!Files.isRegularFile(outDir.resolve("samples.csv"))) {
            throw new ReportException("no samples.csv in " + outDir + "; the report is written from a run's tables");
        }
        String html = new CohortReport(outDir, options).html();
        Path target = outDir.resolve(FILE);
        AtomicFile.write(target, html.getBytes(StandardCharsets.UTF_8));
        return target;
    }

    private static String arm(CsvTable t, int row) {
        String a = t.get(row, "arm").strip();
        return a.isEmpty() ? ArmColours.UNKNOWN_ARM : a;
    }

    private String html() {
        String title = options.title() != null ? options.title() : "Cohort report";
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append(" · tregflow</title>\n<style>")
                .append(ReportStyle.CSS).append("</style>\n</head>\n<body>\n<main>\n");
        header(h, title);
        summary(h);
        endpointSection(h);
        trajectories(h);
        samplesSection(h);
        h.append("<footer>Written by tregflow ").append(esc(text(manifest, "tool_version", "")))
                .append(" from the tables in this folder (samples, visits, endpoint, cohort, manifest.json). ")
                .append("Percentages are of the parent population.</footer>\n</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static String text(JsonNode node, String field, String orElse) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? orElse : v.asText();
    }

    private void header(StringBuilder h, String title) {
        h.append("<header><p class=\"kicker\">tregflow · flow cytometry of a low-dose IL-2 trial</p><h1>")
                .append(esc(title)).append("</h1><p class=\"meta\">");
        JsonNode pipeline = manifest.get("pipeline");
        List<String> meta = new ArrayList<>();
        String path = text(pipeline, "path", "");
        if (!path.isEmpty()) {
            String sha = text(pipeline, "sha256", "");
            meta.add("pipeline <code>" + esc(path) + "</code>"
                    + (sha.length() >= 12 ? " <span class=\"muted\">(sha256 " + esc(sha.substring(0, 12)) + "…)</span>"
                    : ""));
        }
        String version = text(manifest, "tool_version", "");
        if (!version.isEmpty()) {
            meta.add("tregflow " + esc(version));
        }
        String started = text(manifest, "started", "");
        String finished = text(manifest, "finished", "");
        if (!started.isEmpty()) {
            meta.add("run " + esc(started) + (finished.isEmpty() ? "" : " → " + esc(finished)));
        }
        h.append(String.join(" · ", meta)).append("</p></header>\n");
    }

    private void summary(StringBuilder h) {
        int ok = 0;
        List<Integer> failed = new ArrayList<>();
        Set<String> patients = new LinkedHashSet<>();
        for (int i = 0; i < samples.size(); i++) {
            if (samples.get(i, "status").strip().equalsIgnoreCase("ok")) {
                ok++;
            } else {
                failed.add(i);
            }
            if (!samples.get(i, "patient").isBlank()) {
                patients.add(samples.get(i, "patient").strip());
            }
        }
        h.append("<section id=\"summary\"><h2>Run summary</h2><div class=\"cards\">");
        card(h, "Files processed", ok + " <small>of " + samples.size() + "</small>", null);
        card(h, "Failed files", Integer.toString(failed.size()), failed.isEmpty() ? "good" : "bad");
        card(h, "Patients", Integer.toString(patients.size()), null);
        Map<String, int[]> metByArm = new LinkedHashMap<>(); // arm -> {met, evaluable, patients}
        for (int i = 0; i < endpoint.size(); i++) {
            int[] c = metByArm.computeIfAbsent(arm(endpoint, i), k -> new int[3]);
            String met = endpoint.get(i, "met");
            c[2]++;
            if (CsvTable.isTrue(met)) {
                c[0]++;
                c[1]++;
            } else if (CsvTable.isFalse(met)) {
                c[1]++;
            }
        }
        for (String arm : colours.arms()) {
            int[] c = metByArm.get(arm);
            if (c != null) {
                card(h, "Endpoint met · <span class=\"chip\" style=\"background:" + colours.of(arm) + "\"></span>"
                        + esc(arm), c[0] + " <small>of " + c[1] + " evaluable</small>", null);
            }
        }
        h.append("</div>");
        tableLinks(h);
        if (!failed.isEmpty()) {
            h.append("<div class=\"callout bad\"><h3>Files that could not be processed</h3><ul>");
            for (int i : failed) {
                h.append("<li><code>").append(esc(first(samples.get(i, "file"), samples.get(i, "sample_id"))))
                        .append("</code>: ").append(esc(first(samples.get(i, "error"), "failed, no message")))
                        .append("</li>");
            }
            h.append("</ul></div>");
        }
        List<String> warnings = new ArrayList<>();
        JsonNode w = manifest.get("warnings");
        if (w != null && w.isArray()) {
            w.forEach(x -> warnings.add(esc(x.asText())));
        }
        for (int i = 0; i < samples.size(); i++) {
            String sw = samples.get(i, "warnings").strip();
            if (!sw.isEmpty()) {
                warnings.add("<code>" + esc(samples.get(i, "sample_id")) + "</code>: " + esc(sw));
            }
        }
        if (!warnings.isEmpty()) {
            h.append("<div class=\"callout warn\"><h3>Warnings</h3><ul>");
            warnings.forEach(x -> h.append("<li>").append(x).append("</li>"));
            h.append("</ul></div>");
        }
        h.append("</section>\n");
    }

    /** Links to the tables beside the report (only those present), for whoever wants the numbers. */
    private void tableLinks(StringBuilder h) {
        List<String> items = new ArrayList<>();
        for (String t : TABLES) {
            List<String> files = new ArrayList<>();
            for (String ext : List.of("csv", "arrow")) {
                if (Files.isRegularFile(outDir.resolve(t + "." + ext))) {
                    files.add("<a href=\"" + t + "." + ext + "\">" + ext.toUpperCase(Locale.ROOT) + "</a>");
                }
            }
            if (!files.isEmpty()) {
                items.add(t + " <span class=\"muted\">(" + String.join(" · ", files) + ")</span>");
            }
        }
        if (Files.isRegularFile(outDir.resolve("manifest.json"))) {
            items.add("<a href=\"manifest.json\">manifest.json</a>");
        }
        if (!items.isEmpty()) {
            h.append("<p class=\"tables\">Tables in this folder: ").append(String.join(", ", items)).append("</p>");
        }
    }

    private static String first(String a, String b) {
        return a == null || a.isBlank() ? b : a;
    }

    private static void card(StringBuilder h, String label, String value, String tone) {
        h.append("<div class=\"card").append(tone == null ? "" : " " + tone).append("\"><div class=\"label\">")
                .append(label).append("</div><div class=\"value\">").append(value).append("</div></div>");
    }

    private void endpointSection(StringBuilder h) {
        h.append("<section id=\"endpoint\"><h2>Endpoint</h2>");
        if (endpoint.isEmpty()) {
            h.append("<p class=\"muted\">No endpoint table (endpoint.csv) in this folder.</p></section>\n");
            return;
        }
        JsonNode spec = manifest.get("endpoint");
        String population = first(text(spec, "population", ""), endpoint.get(0, "population"));
        String statistic = first(text(spec, "statistic", ""), endpoint.get(0, "statistic"));
        String base = first(text(spec, "baseline_visit", ""), endpoint.get(0, "baseline_visit"));
        String end = first(text(spec, "endpoint_visit", ""), endpoint.get(0, "endpoint_visit"));
        double threshold = endpoint.number(0, "threshold");
        if (Double.isNaN(threshold) && spec != null && spec.has("threshold")) {
            threshold = spec.get("threshold").asDouble(Double.NaN);
        }
        h.append("<p class=\"lead\">Met when <b>").append(esc(population)).append("</b>")
                .append(statistic.isBlank() ? "" : " (" + esc(statistic.replace('_', ' ')) + ")")
                .append(" at visit <b>").append(esc(end)).append("</b> is at least <b>").append(Html.num(threshold))
                .append("×</b> its value at <b>").append(esc(base)).append("</b>.</p>");
        List<Charts.Bar> bars = new ArrayList<>();
        List<Integer> notEvaluable = new ArrayList<>();
        for (int i = 0; i < endpoint.size(); i++) {
            double fc = endpoint.number(i, "fold_change");
            String met = endpoint.get(i, "met");
            if (Double.isFinite(fc) && fc > 0 && (CsvTable.isTrue(met) || CsvTable.isFalse(met))) {
                bars.add(new Charts.Bar(endpoint.get(i, "patient"), arm(endpoint, i), fc, CsvTable.isTrue(met)));
            } else {
                notEvaluable.add(i);
            }
        }
        h.append("<figure>").append(Charts.waterfall(bars, threshold, colours, population))
                .append("<figcaption>Fold change of ").append(esc(population)).append(" per patient, ")
                .append(esc(end)).append(" over ").append(esc(base))
                .append(", sorted; ✓ = endpoint met; bars coloured by arm.</figcaption></figure>");
        if (!notEvaluable.isEmpty()) {
            h.append("<p class=\"muted\">Not evaluable: ");
            List<String> items = new ArrayList<>();
            for (int i : notEvaluable) {
                items.add(esc(endpoint.get(i, "patient")) + " (" + esc(first(endpoint.get(i, "reason"), "no value"))
                        + ")");
            }
            h.append(String.join("; ", items)).append("</p>");
        }
        cohortTable(h);
        h.append("<h3>Per patient</h3><table><thead><tr><th>Patient</th><th>Arm</th><th class=\"num\">")
                .append(esc(base)).append("</th><th class=\"num\">").append(esc(end))
                .append("</th><th class=\"num\">Fold change</th><th>Endpoint</th><th>Note</th></tr></thead><tbody>");
        for (int i = 0; i < endpoint.size(); i++) {
            String met = endpoint.get(i, "met");
            String badge = CsvTable.isTrue(met) ? "<span class=\"badge good\">met</span>"
                    : CsvTable.isFalse(met) ? "<span class=\"badge\">not met</span>"
                    : "<span class=\"badge warn\">not evaluable</span>";
            h.append("<tr><td>").append(esc(endpoint.get(i, "patient"))).append("</td><td>")
                    .append(armCell(arm(endpoint, i))).append("</td><td class=\"num\">")
                    .append(Html.num(endpoint.number(i, "baseline_value"))).append("</td><td class=\"num\">")
                    .append(Html.num(endpoint.number(i, "endpoint_value"))).append("</td><td class=\"num\">")
                    .append(Html.fold(endpoint.number(i, "fold_change"))).append("</td><td>").append(badge)
                    .append("</td><td class=\"muted\">").append(esc(endpoint.get(i, "reason"))).append("</td></tr>");
        }
        h.append("</tbody></table></section>\n");
    }

    private String armCell(String arm) {
        return "<span class=\"chip\" style=\"background:" + colours.of(arm) + "\"></span>" + esc(arm);
    }

    /** cohort.csv as it is (its columns read generically), numbers formatted for reading. */
    private void cohortTable(StringBuilder h) {
        if (cohort.isEmpty()) {
            return;
        }
        armSummary(h);
        h.append("<details><summary>All cohort statistics (cohort.csv)</summary><div class=\"scroll\">"
                + "<table class=\"compact\"><thead><tr>");
        // Columns empty in every row (e.g. no interval computed) are noise on a slide.
        List<String> cols = cohort.columns().stream().filter(c -> {
            for (int i = 0; i < cohort.size(); i++) {
                if (!cohort.get(i, c).isBlank()) {
                    return true;
                }
            }
            return false;
        }).toList();
        for (String c : cols) {
            h.append("<th").append(numericColumn(c) ? " class=\"num\"" : "").append(">")
                    .append(esc(c.replace('_', ' '))).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (int i = 0; i < cohort.size(); i++) {
            h.append("<tr>");
            for (String c : cols) {
                String raw = cohort.get(i, c);
                String cell;
                if (c.equals("arm") && !raw.contains(" vs ") && !raw.isBlank()) {
                    cell = armCell(raw);
                } else if (c.toLowerCase(Locale.ROOT).startsWith("p_value") || c.equalsIgnoreCase("p")) {
                    cell = Html.pValue(cohort.number(i, c));
                } else if (numericColumn(c) || (!raw.isBlank() && !Double.isNaN(cohort.number(i, c)))) {
                    cell = Html.num(cohort.number(i, c));
                } else {
                    cell = esc(raw.replace('_', ' '));
                }
                h.append("<td").append(numericColumn(c) ? " class=\"num\"" : "").append(">").append(cell)
                        .append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table></div></details>");
    }

    /**
     * The cohort table's usual measures as one row per arm, the way a results slide shows them; between-arm
     * tests as sentences. Measures the table lacks show as "—".
     */
    private void armSummary(StringBuilder h) {
        Map<String, Map<String, Integer>> byArm = new LinkedHashMap<>();
        List<Integer> between = new ArrayList<>();
        for (int i = 0; i < cohort.size(); i++) {
            if (cohort.get(i, "scope").equals("arm")) {
                byArm.computeIfAbsent(cohort.get(i, "arm"), k -> new LinkedHashMap<>()).put(cohort.get(i, "measure"), i);
            } else if (!cohort.get(i, "test").isBlank()) {
                between.add(i);
            }
        }
        if (byArm.isEmpty() && between.isEmpty()) {
            return;
        }
        h.append("<h3>Cohort statistics</h3>");
        if (!byArm.isEmpty()) {
            h.append("<table><thead><tr><th>Arm</th><th class=\"num\">Patients</th><th class=\"num\">Evaluable</th>"
                    + "<th class=\"num\">Met</th><th class=\"num\">Proportion met (95% CI)</th>"
                    + "<th class=\"num\">Median fold change</th><th>Baseline vs endpoint</th></tr></thead><tbody>");
            for (Map.Entry<String, Map<String, Integer>> e : byArm.entrySet()) {
                Map<String, Integer> m = e.getValue();
                String proportion = "—";
                Integer pm = m.get("proportion_met");
                if (pm != null && Double.isFinite(cohort.number(pm, "value"))) {
                    proportion = String.format(Locale.ROOT, "%.0f%%", 100 * cohort.number(pm, "value"));
                    double lo = cohort.number(pm, "ci_low");
                    double hi = cohort.number(pm, "ci_high");
                    if (Double.isFinite(lo) && Double.isFinite(hi)) {
                        proportion += String.format(Locale.ROOT, " <span class=\"muted\">(%.0f–%.0f%%)</span>",
                                100 * lo, 100 * hi);
                    }
                }
                Integer bv = m.get("baseline_vs_endpoint");
                String test = bv == null ? "—" : esc(cohort.get(bv, "test").replace('_', ' ')) + ", p = "
                        + Html.pValue(cohort.number(bv, "p_value"));
                h.append("<tr><td>").append(armCell(e.getKey())).append("</td><td class=\"num\">")
                        .append(value(m, "patients")).append("</td><td class=\"num\">").append(value(m, "evaluable"))
                        .append("</td><td class=\"num\">").append(value(m, "met")).append("</td><td class=\"num\">")
                        .append(proportion).append("</td><td class=\"num\">")
                        .append(m.containsKey("median_fold_change")
                                ? Html.fold(cohort.number(m.get("median_fold_change"), "value")) : "—")
                        .append("</td><td>").append(test).append("</td></tr>");
            }
            h.append("</tbody></table>");
        }
        if (!between.isEmpty()) {
            h.append("<ul class=\"tests\">");
            for (int i : between) {
                h.append("<li><b>").append(esc(cohort.get(i, "arm"))).append("</b>, ")
                        .append(esc(cohort.get(i, "measure").replace('_', ' '))).append(": ")
                        .append(esc(cohort.get(i, "test").replace('_', ' '))).append(", p = ")
                        .append(Html.pValue(cohort.number(i, "p_value"))).append("</li>");
            }
            h.append("</ul>");
        }
    }

    private String value(Map<String, Integer> measures, String measure) {
        Integer row = measures.get(measure);
        return row == null ? "—" : Html.num(cohort.number(row, "value"));
    }

    private boolean numericColumn(String c) {
        boolean any = false;
        for (int i = 0; i < cohort.size(); i++) {
            String raw = cohort.get(i, c).strip();
            if (raw.isEmpty()) {
                continue;
            }
            if (Double.isNaN(cohort.number(i, c))) {
                return false;
            }
            any = true;
        }
        return any;
    }

    private void trajectories(StringBuilder h) {
        if (visits.isEmpty()) {
            return;
        }
        List<String> visitNames = visitOrder();
        List<String> chosen = trajectoryPopulations();
        Map<String, String> parents = new LinkedHashMap<>();
        for (int i = 0; i < populations.size(); i++) {
            parents.putIfAbsent(populations.get(i, "population"), populations.get(i, "parent"));
        }
        h.append("<section id=\"trajectories\"><h2>Trajectories</h2><p class=\"muted\">Each thin line is one "
                + "patient; the thick line is the arm's median at each visit.</p><div class=\"grid\">");
        for (String pop : chosen) {
            Map<String, Charts.Series> byPatient = new LinkedHashMap<>();
            for (int i = 0; i < visits.size(); i++) {
                if (!visits.get(i, "population").equals(pop)) {
                    continue;
                }
                String patient = visits.get(i, "patient");
                String arm = arm(visits, i);
                Charts.Series s = byPatient.computeIfAbsent(patient + "\u0000" + arm, k -> {
                    double[] v = new double[visitNames.size()];
                    java.util.Arrays.fill(v, Double.NaN);
                    return new Charts.Series(patient, arm, v);
                });
                int vi = visitNames.indexOf(visits.get(i, "visit"));
                if (vi >= 0) {
                    s.values()[vi] = visits.number(i, "pct_parent");
                }
            }
            String parent = parents.getOrDefault(pop, "");
            String yLabel = parent.isBlank() ? "% of parent" : "% of " + parent;
            h.append("<figure>").append(Charts.trajectory(pop, yLabel, visitNames,
                    new ArrayList<>(byPatient.values()), colours)).append("</figure>");
        }
        h.append("</div></section>\n");
    }

    /** Visits in schedule order (visit_order, then first appearance). */
    private List<String> visitOrder() {
        Map<String, Double> order = new LinkedHashMap<>();
        for (int i = 0; i < visits.size(); i++) {
            String v = visits.get(i, "visit");
            double o = visits.number(i, "visit_order");
            order.merge(v, Double.isNaN(o) ? Double.MAX_VALUE : o, Math::min);
        }
        List<String> names = new ArrayList<>(order.keySet());
        List<String> firstSeen = List.copyOf(names);
        names.sort((a, b) -> {
            int c = Double.compare(order.get(a), order.get(b));
            return c != 0 ? c : Integer.compare(firstSeen.indexOf(a), firstSeen.indexOf(b));
        });
        return names;
    }

    private List<String> trajectoryPopulations() {
        Set<String> present = new LinkedHashSet<>();
        for (int i = 0; i < visits.size(); i++) {
            present.add(visits.get(i, "population"));
        }
        if (!options.populations().isEmpty()) {
            return options.populations().stream().filter(present::contains).toList();
        }
        List<String> out = new ArrayList<>();
        String endpointPop = endpoint.isEmpty() ? "" : endpoint.get(0, "population");
        if (present.contains(endpointPop)) {
            out.add(endpointPop);
        }
        present.stream().filter(p -> KEY_POPULATION.matcher(p).matches() && !out.contains(p)).forEach(out::add);
        present.stream().filter(p -> !out.contains(p)).forEach(out::add);
        return out.size() > MAX_DEFAULT_TRAJECTORIES ? out.subList(0, MAX_DEFAULT_TRAJECTORIES) : out;
    }

    private void samplesSection(StringBuilder h) {
        h.append("<section id=\"samples\"><h2>Samples and gating sheets</h2><div class=\"scroll\"><table>"
                + "<thead><tr><th>Sample</th><th>Patient</th><th>Visit</th><th>Arm</th><th class=\"num\">Events</th>"
                + "<th>Instrument</th><th>Status</th><th>Gating sheet</th><th>Notes</th></tr></thead><tbody>");
        // A run with --sheets none draws none on purpose; otherwise a missing sheet is one that could not be drawn.
        boolean noSheets = "none".equals(text(manifest, "sheets", ""));
        for (int i = 0; i < samples.size(); i++) {
            String id = samples.get(i, "sample_id");
            boolean ok = samples.get(i, "status").strip().equalsIgnoreCase("ok");
            StringBuilder sheet = new StringBuilder();
            for (SheetFormat f : SheetFormat.values()) {
                Path file = f.file(outDir.resolve(SHEETS), id);
                if (Files.isRegularFile(file)) {
                    sheet.append(sheet.length() == 0 ? "" : " · ").append("<a href=\"").append(SHEETS).append('/')
                            .append(esc(file.getFileName().toString())).append("\">").append(f).append("</a>");
                }
            }
            if (sheet.length() == 0) {
                sheet.append("<span class=\"muted\">").append(!ok ? "—" : noSheets ? "not asked for" : "not written")
                        .append("</span>");
            }
            String note = ok ? samples.get(i, "warnings") : samples.get(i, "error");
            h.append("<tr").append(ok ? "" : " class=\"failed\"").append("><td><code>").append(esc(id))
                    .append("</code></td><td>").append(esc(samples.get(i, "patient"))).append("</td><td>")
                    .append(esc(samples.get(i, "visit"))).append("</td><td>").append(armCell(arm(samples, i)))
                    .append("</td><td class=\"num\">").append(Html.num(samples.number(i, "events")))
                    .append("</td><td>").append(esc(samples.get(i, "instrument"))).append("</td><td>")
                    .append(ok ? "<span class=\"badge good\">ok</span>" : "<span class=\"badge bad\">failed</span>")
                    .append("</td><td>").append(sheet).append("</td><td class=\"note\">").append(esc(note))
                    .append("</td></tr>");
        }
        h.append("</tbody></table></div></section>\n");
    }
}
