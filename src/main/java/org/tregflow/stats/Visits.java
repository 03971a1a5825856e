package org.tregflow.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds the {@code visits} table: per patient × visit × population, the % of parent and its fold change versus
 * the patient's baseline visit.
 *
 * <p>Rules (a contract: notebooks rely on them):
 * <ul>
 *   <li>Only ok samples with a patient and a visit count; failed files are reported in {@code samples} and
 *       {@code endpoint}, not here.</li>
 *   <li>Replicates (several ok samples of one patient at one visit) are combined by the arithmetic mean of their
 *       % of parent; {@code samples} says how many were averaged. A replicate whose parent is empty (% undefined)
 *       is left out of the mean.</li>
 *   <li>The baseline is the given visit (the endpoint's baseline visit; visit names match ignoring case, as
 *       in the pipeline's schedule); when none is given, the patient's
 *       visit with the lowest visit order.</li>
 *   <li>fold_change = pct_parent / baseline_pct_parent, undefined (null) when the baseline is missing or 0;
 *       log2_fold_change is undefined when the fold change is 0.</li>
 *   <li>Rows are ordered by patient, visit order (unknown last), visit name, then population in pipeline
 *       order (populations the pipeline did not list come after, in order of appearance).</li>
 * </ul>
 */
public final class Visits {
    private Visits() {
    }

    public static List<VisitRow> compute(List<SampleResult> results, List<String> populationOrder,
                                         String baselineVisit) {
        List<String> populations = populationOrder(results, populationOrder);
        // patient -> visit -> ok samples, in input order
        Map<String, Map<String, List<SampleResult>>> byPatient = new LinkedHashMap<>();
        for (SampleResult r : results) {
            SampleInfo info = r.info() == null ? SampleInfo.UNKNOWN : r.info();
            if (!r.ok() || info.patient() == null || info.visit() == null) {
                continue;
            }
            byPatient.computeIfAbsent(info.patient(), p -> new LinkedHashMap<>())
                    .computeIfAbsent(info.visit(), v -> new ArrayList<>()).add(r);
        }
        Map<String, String> arms = Patients.arms(results);
        List<VisitRow> rows = new ArrayList<>();
        for (String patient : byPatient.keySet().stream().sorted().toList()) {
            Map<String, List<SampleResult>> visits = byPatient.get(patient);
            String arm = arms.get(patient);
            List<String> visitNames = new ArrayList<>(visits.keySet());
            visitNames.sort(Comparator.comparing((String v) -> visitOrder(visits.get(v)),
                    Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Comparator.naturalOrder()));
            String baseline = baselineVisit != null ? named(visitNames, baselineVisit)
                    : earliestOrdered(visitNames, visits);
            for (String visit : visitNames) {
                Double order = visitOrder(visits.get(visit));
                for (String population : populations) {
                    Mean pct = meanPctParent(visits.get(visit), population);
                    if (pct.n() == 0 && !present(visits.get(visit), population)) {
                        continue;
                    }
                    double base = baseline == null
                            ? Double.NaN : meanPctParent(visits.get(baseline), population).value();
                    double fold = base > 0 ? pct.value() / base : Double.NaN;
                    double log2 = fold > 0 ? Math.log(fold) / Math.log(2) : Double.NaN;
                    rows.add(new VisitRow(patient, arm, visit, order, population, pct.value(), base, fold, log2,
                            pct.n()));
                }
            }
        }
        return rows;
    }

    /** The pipeline's populations first, then any others found in the results, in order of appearance. */
    public static List<String> populationOrder(List<SampleResult> results, List<String> populationOrder) {
        Set<String> all = new LinkedHashSet<>(populationOrder == null ? List.of() : populationOrder);
        for (SampleResult r : results) {
            for (PopulationStats p : r.populations()) {
                all.add(p.population());
            }
        }
        return List.copyOf(all);
    }

    /** The patient's visit of this name, ignoring case, or null. */
    private static String named(List<String> visitNames, String visit) {
        return visitNames.stream().filter(visit::equalsIgnoreCase).findFirst().orElse(null);
    }

    private static String earliestOrdered(List<String> sortedVisits, Map<String, List<SampleResult>> visits) {
        // sortedVisits puts unknown orders last: the first one is the baseline only if its order is known
        return sortedVisits.isEmpty() || visitOrder(visits.get(sortedVisits.get(0))) == null
                ? null : sortedVisits.get(0);
    }

    static Double visitOrder(List<SampleResult> samples) {
        return samples.stream().map(s -> s.info().visitOrder()).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static boolean present(List<SampleResult> samples, String population) {
        return samples.stream().anyMatch(s -> s.population(population) != null);
    }

    private record Mean(double value, int n) {
    }

    private static Mean meanPctParent(List<SampleResult> samples, String population) {
        double sum = 0;
        int n = 0;
        for (SampleResult s : samples) {
            PopulationStats p = s.population(population);
            if (p != null && Double.isFinite(p.pctParent())) {
                sum += p.pctParent();
                n++;
            }
        }
        return new Mean(n == 0 ? Double.NaN : sum / n, n);
    }
}
