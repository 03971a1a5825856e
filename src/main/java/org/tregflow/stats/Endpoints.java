package org.tregflow.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Evaluates the endpoint per patient.
 *
 * <p>Rules (a contract: the trial report relies on them):
 * <ul>
 *   <li>One row per patient id found in the results (ok or failed); samples without a patient id are left
 *       out. Rows are sorted by patient id.</li>
 *   <li>Visit names match ignoring case ("c4" in a sample sheet is visit C4), as in the pipeline's schedule.</li>
 *   <li>At each of the two visits, the value is the mean of the statistic over the patient's usable samples
 *       (replicates). A sample is not usable when its file failed, it lacks the population, its parent has fewer
 *       than {@code minParentEvents} events, or the statistic is undefined there. Unusable replicates are
 *       skipped as long as one usable sample remains at that visit.</li>
 *   <li>With no usable sample at a visit, the patient is not evaluable ({@code met} null) and {@code reason}
 *       says why, e.g. "no sample for visit C4", "file x.fcs failed: ...",
 *       "parent CD4 has 37 events at C4, fewer than 100". A baseline value of 0 makes the fold change undefined,
 *       so the patient is not evaluable either.</li>
 *   <li>Otherwise fold_change = endpoint_value / baseline_value and met = fold_change &gt;= threshold.</li>
 * </ul>
 */
public final class Endpoints {
    private Endpoints() {
    }

    public static List<EndpointRow> evaluate(List<SampleResult> results, EndpointSpec spec) {
        TreeMap<String, List<SampleResult>> byPatient = new TreeMap<>();
        for (SampleResult r : results) {
            if (r.info() != null && r.info().patient() != null) {
                byPatient.computeIfAbsent(r.info().patient(), p -> new ArrayList<>()).add(r);
            }
        }
        Map<String, String> arms = Patients.arms(results);
        List<EndpointRow> rows = new ArrayList<>(byPatient.size());
        byPatient.forEach((patient, samples) -> rows.add(evaluate(patient, arms.get(patient), samples, spec)));
        return rows;
    }

    private static EndpointRow evaluate(String patient, String arm, List<SampleResult> samples, EndpointSpec spec) {
        VisitValue base = valueAt(samples, spec.baselineVisit(), spec);
        VisitValue end = valueAt(samples, spec.endpointVisit(), spec);
        List<String> problems = new ArrayList<>(2);
        if (base.problem() != null) {
            problems.add(base.problem());
        }
        if (end.problem() != null) {
            problems.add(end.problem());
        }
        double fold = Double.NaN;
        Boolean met = null;
        if (problems.isEmpty()) {
            if (base.value() == 0) {
                problems.add(String.format(Locale.ROOT, "%s of %s is 0 at baseline visit %s: fold change undefined",
                        spec.statistic(), spec.population(), spec.baselineVisit()));
            } else {
                fold = end.value() / base.value();
                met = fold >= spec.threshold();
            }
        }
        String reason = problems.isEmpty() ? null : String.join("; ", problems);
        return new EndpointRow(patient, arm, spec.population(), spec.statistic(), spec.baselineVisit(),
                spec.endpointVisit(), base.value(), end.value(), fold, spec.threshold(), met, reason);
    }

    /** The statistic at one visit (mean over usable replicates), or NaN and the reason it is unknown. */
    private record VisitValue(double value, String problem) {
    }

    private static VisitValue valueAt(List<SampleResult> samples, String visit, EndpointSpec spec) {
        List<String> problems = new ArrayList<>();
        double sum = 0;
        int n = 0;
        for (SampleResult s : samples) {
            if (!visit.equalsIgnoreCase(s.info().visit())) {
                continue;
            }
            if (!s.ok()) {
                problems.add("file " + s.file() + " failed: " + (s.error() == null ? "unknown error" : s.error()));
                continue;
            }
            PopulationStats p = s.population(spec.population());
            if (p == null) {
                problems.add("population " + spec.population() + " not found in file " + s.file());
                continue;
            }
            if (p.parentCount() < spec.minParentEvents()) {
                String parent = p.parent() == null ? "(all events)" : p.parent();
                problems.add(String.format(Locale.ROOT, "parent %s has %d events at %s, fewer than %d",
                        parent, p.parentCount(), visit, spec.minParentEvents()));
                continue;
            }
            double v = spec.valueOf(p);
            if (!Double.isFinite(v)) {
                problems.add(spec.statistic() + " of " + spec.population() + " is undefined in file " + s.file());
                continue;
            }
            sum += v;
            n++;
        }
        if (n > 0) {
            return new VisitValue(sum / n, null);
        }
        if (problems.isEmpty()) {
            problems.add("no sample for visit " + visit);
        }
        return new VisitValue(Double.NaN, String.join("; ", problems));
    }
}
