package org.tregflow.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.tregflow.simulate.CohortConfig;
import org.tregflow.simulate.CohortSimulator;
import org.tregflow.simulate.PatientProfile;
import org.tregflow.simulate.Visit;

/**
 * A run's output folder as the pipeline writes it, built for tests from a small simulated cohort gated with
 * {@link TregSample}: samples (one failed file), populations, visits, endpoint, cohort tables with the
 * documented columns, a manifest, and a gating sheet per processed sample. Numbers come from the gates.
 */
final class OutputFolder {
    static final String FAILED = "P06_FU.fcs";
    static final String ENDPOINT_POPULATION = "CD25hi Treg";
    static final List<String> POPULATIONS = List.of("Lymphocytes", "T cells", "CD4+", "Treg", "CD25hi Treg",
            "NK cells", "CD56bright", "CD56dim");

    final Path dir;
    final List<String> okSamples = new ArrayList<>();

    private OutputFolder(Path dir) {
        this.dir = dir;
    }

    static OutputFolder build(Path dir, int patients, int events) throws IOException {
        OutputFolder f = new OutputFolder(dir);
        f.write(patients, events);
        return f;
    }

    private record Row(String patient, String arm, Visit visit, Map<String, double[]> pops) {
    }

    private void write(int patients, int events) throws IOException {
        Files.createDirectories(dir);
        CohortSimulator sim = new CohortSimulator(CohortConfig.defaults().withEvents(events).withPatients(patients));
        StringBuilder samples = new StringBuilder("sample_id,file,sha256,status,error,events,fcs_version,instrument,"
                + "patient,visit,arm,visit_order,warnings,day\r\n");
        StringBuilder pops = new StringBuilder("sample_id,patient,visit,arm,visit_order,population,path,parent,count,"
                + "parent_count,pct_parent,pct_total\r\n");
        List<Row> rows = new ArrayList<>();
        for (int p = 0; p < patients; p++) {
            PatientProfile profile = sim.patients().get(p);
            for (Visit v : Visit.SCHEDULE) {
                String file = CohortSimulator.fileName(profile.id(), v);
                String arm = profile.arm().label();
                if (file.equals(FAILED)) {
                    samples.append(String.join(",", file, "in/" + file, "", "failed",
                            csv("FCS file in/" + file + ": DATA segment ends at byte 1203344, past the end of the "
                                    + "file (812000 bytes); the file is truncated"), "0", "", "",
                            profile.id(), v.name(), arm, Integer.toString(v.order()), "", Integer.toString(v.day())))
                            .append("\r\n");
                    continue;
                }
                TregSample s = new TregSample(sim, p, v);
                GatingSheet.write(file, profile.id() + " · " + v.name() + " · " + arm, s.source, s.steps,
                        dir.resolve(CohortReport.SHEETS));
                okSamples.add(file);
                String warning = file.equals("P02_C1.fcs") ? "HEADER and TEXT disagree on the DATA offset; "
                        + "TEXT used (lenient)" : "";
                samples.append(String.join(",", file, "in/" + file, "0".repeat(64), "ok", "",
                        Integer.toString(events), "3.1", csv("tregflow simulate"), profile.id(), v.name(), arm,
                        Integer.toString(v.order()), csv(warning), Integer.toString(v.day()))).append("\r\n");
                Map<String, double[]> measured = new LinkedHashMap<>();
                for (GatingStep step : s.steps) {
                    long c = step.events().count();
                    long pc = step.parentEvents().count();
                    measured.put(step.population(), new double[] {step.percentOfParent()});
                    pops.append(String.join(",", file, profile.id(), v.name(), arm, Integer.toString(v.order()),
                            csv(step.population()), csv("/" + step.parent() + "/" + step.population()),
                            csv(step.parent()), Long.toString(c), Long.toString(pc),
                            Double.toString(step.percentOfParent()), Double.toString(100.0 * c / events)))
                            .append("\r\n");
                }
                // The quadrant's other named subset, as the pipeline reports every quadrant population.
                measured.put("CD56dim", new double[] {100.0 * s.populations.get("CD56dim").count()
                        / Math.max(1, s.populations.get("NK cells").count())});
                rows.add(new Row(profile.id(), arm, v, measured));
            }
        }
        write("samples.csv", samples);
        write("populations.csv", pops);
        writeVisitsEndpointCohort(rows);
        write("manifest.json", new StringBuilder("""
                {"tool":"tregflow","tool_version":"0.1.0-test",
                 "pipeline":{"path":"pipelines/ld-il2-treg-nk.yaml","sha256":"3f2a9c0d5b7e41e8a0c2f6d9b1e4a7c3d5f8e2b1a9c7d4e6f0b3a5c8d2e1f4a7"},
                 "started":"2026-11-22T07:01:02.345Z","finished":"2026-11-22T07:01:09.876Z",
                 "counts":{"inputs":%d,"ok":%d,"failed":1},
                 "inputs":[],"warnings":["sample sheet row P07_V0.fcs names a file that is not among the inputs"],
                 "endpoint":{"population":"CD25hi Treg","statistic":"pct_parent","baseline_visit":"V0",
                   "endpoint_visit":"C4","threshold":2.0,"min_parent_events":50}}
                """.formatted(okSamples.size() + 1, okSamples.size())));
    }

    private void writeVisitsEndpointCohort(List<Row> rows) throws IOException {
        StringBuilder visits = new StringBuilder("patient,arm,visit,visit_order,population,pct_parent,"
                + "baseline_pct_parent,fold_change,log2_fold_change,samples\r\n");
        for (Row r : rows) {
            for (String pop : POPULATIONS) {
                double v = r.pops().get(pop)[0];
                double base = rows.stream().filter(b -> b.patient().equals(r.patient()) && b.visit().order() == 0)
                        .findFirst().map(b -> b.pops().get(pop)[0]).orElse(Double.NaN);
                double fc = v / base;
                visits.append(String.join(",", r.patient(), r.arm(), r.visit().name(),
                        Integer.toString(r.visit().order()), csv(pop), num(v), num(base), num(fc),
                        num(Math.log(fc) / Math.log(2)), "1")).append("\r\n");
            }
        }
        write("visits.csv", visits);
        StringBuilder endpoint = new StringBuilder("patient,arm,population,statistic,baseline_visit,endpoint_visit,"
                + "baseline_value,endpoint_value,fold_change,threshold,met,reason\r\n");
        Map<String, List<Double>> foldByArm = new LinkedHashMap<>();
        Map<String, int[]> metByArm = new LinkedHashMap<>();
        List<String> patients = rows.stream().map(Row::patient).distinct().toList();
        for (String patient : patients) {
            Row base = find(rows, patient, "V0");
            Row end = find(rows, patient, "C4");
            String arm = (base != null ? base : end).arm();
            double b = base == null ? Double.NaN : base.pops().get(ENDPOINT_POPULATION)[0];
            double e = end == null ? Double.NaN : end.pops().get(ENDPOINT_POPULATION)[0];
            double fc = e / b;
            String met = Double.isFinite(fc) ? Boolean.toString(fc >= 2) : "";
            String reason = Double.isFinite(fc) ? "" : "no sample at " + (base == null ? "V0" : "C4");
            endpoint.append(String.join(",", patient, arm, csv(ENDPOINT_POPULATION), "pct_parent", "V0", "C4",
                    num(b), num(e), num(fc), "2.0", met, csv(reason))).append("\r\n");
            int[] c = metByArm.computeIfAbsent(arm, k -> new int[3]);
            c[2]++;
            if (Double.isFinite(fc)) {
                c[1]++;
                c[0] += fc >= 2 ? 1 : 0;
                foldByArm.computeIfAbsent(arm, k -> new ArrayList<>()).add(fc);
            }
        }
        write("endpoint.csv", endpoint);
        StringBuilder cohort = new StringBuilder("scope,arm,measure,n,value,ci_low,ci_high,test,statistic,p_value\r\n");
        for (Map.Entry<String, int[]> e : metByArm.entrySet()) {
            int[] c = e.getValue();
            cohort.append(String.join(",", "arm", csv(e.getKey()), "patients", "" + c[2], "" + c[2], "", "", "", "",
                    "")).append("\r\n");
            cohort.append(String.join(",", "arm", csv(e.getKey()), "met", "" + c[1], "" + c[0], "", "", "", "", ""))
                    .append("\r\n");
            double[] f = foldByArm.getOrDefault(e.getKey(), List.of()).stream().mapToDouble(Double::doubleValue)
                    .sorted().toArray();
            double median = f.length == 0 ? Double.NaN : f.length % 2 == 1 ? f[f.length / 2]
                    : (f[f.length / 2 - 1] + f[f.length / 2]) / 2;
            cohort.append(String.join(",", "arm", csv(e.getKey()), "median_fold_change", "" + f.length, num(median),
                    "", "", "", "", "")).append("\r\n");
        }
        List<String> arms = new ArrayList<>(foldByArm.keySet());
        if (arms.size() == 2) {
            double[] x = foldByArm.get(arms.get(0)).stream().mapToDouble(Double::doubleValue).toArray();
            double[] y = foldByArm.get(arms.get(1)).stream().mapToDouble(Double::doubleValue).toArray();
            MannWhitneyUTest.Result r = MannWhitneyUTest.withDefaults().test(x, y);
            cohort.append(String.join(",", "between_arms", csv(arms.get(0) + " vs " + arms.get(1)), "fold_change",
                    "" + (x.length + y.length), "", "", "", "mann_whitney_u", num(r.getStatistic()),
                    num(r.getPValue()))).append("\r\n");
        }
        write("cohort.csv", cohort);
    }

    private static Row find(List<Row> rows, String patient, String visit) {
        return rows.stream().filter(r -> r.patient().equals(patient) && r.visit().name().equals(visit)).findFirst()
                .orElse(null);
    }

    private void write(String name, StringBuilder text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%s", v) : "";
    }

    static String csv(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
