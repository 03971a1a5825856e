package org.tregflow.output;

import java.util.ArrayList;
import java.util.List;

import org.tregflow.stats.CohortRow;
import org.tregflow.stats.EndpointRow;
import org.tregflow.stats.GateRecord;
import org.tregflow.stats.PopulationStats;
import org.tregflow.stats.SampleInfo;
import org.tregflow.stats.SampleResult;
import org.tregflow.stats.VisitRow;
import org.tregflow.stats.Visits;

import org.tregflow.output.ResultTable.BooleanColumn;
import org.tregflow.output.ResultTable.DoubleColumn;
import org.tregflow.output.ResultTable.LongColumn;
import org.tregflow.output.ResultTable.TextColumn;

/**
 * Assembles the result tables, columns in contract order, with the four column types of {@link ResultTable}.
 * Missing cells carry the nulls: an empty or null string, a non-finite double, a missing long or boolean.
 *
 * <p>Columns are held in locals while rows are appended: looking them up by name per cell costs a scan of the
 * table's columns each time, which dominated the time for large trials.
 */
public final class ResultTables {
    public static final String MEDIAN_PREFIX = "median_";

    private ResultTables() {
    }

    public static ResultTable samples(List<SampleResult> results) {
        TextColumn sampleId = TextColumn.create("sample_id");
        TextColumn file = TextColumn.create("file");
        TextColumn sha256 = TextColumn.create("sha256");
        TextColumn status = TextColumn.create("status");
        TextColumn error = TextColumn.create("error");
        LongColumn events = LongColumn.create("events");
        TextColumn fcsVersion = TextColumn.create("fcs_version");
        TextColumn instrument = TextColumn.create("instrument");
        TextColumn patient = TextColumn.create("patient");
        TextColumn visit = TextColumn.create("visit");
        TextColumn arm = TextColumn.create("arm");
        DoubleColumn visitOrder = DoubleColumn.create("visit_order");
        TextColumn warnings = TextColumn.create("warnings");
        DoubleColumn day = DoubleColumn.create("day");
        for (SampleResult r : results) {
            SampleInfo info = info(r);
            str(sampleId, r.sampleId());
            str(file, r.file());
            str(sha256, r.sha256());
            str(status, r.status());
            str(error, r.error());
            events.append(r.events());
            str(fcsVersion, r.fcsVersion());
            str(instrument, r.instrument());
            str(patient, info.patient());
            str(visit, info.visit());
            str(arm, info.arm());
            num(visitOrder, info.visitOrder());
            // one cell; "; " because scientists read it, and notebooks split on it
            str(warnings, r.warnings().isEmpty() ? null : String.join("; ", r.warnings()));
            num(day, info.day());
        }
        return ResultTable.create("samples", sampleId, file, sha256, status, error, events, fcsVersion, instrument,
                patient, visit, arm, visitOrder, warnings, day);
    }

    public static ResultTable populations(List<SampleResult> results, List<String> populationOrder,
                                    List<String> markers) {
        TextColumn sampleId = TextColumn.create("sample_id");
        TextColumn patient = TextColumn.create("patient");
        TextColumn visit = TextColumn.create("visit");
        TextColumn arm = TextColumn.create("arm");
        DoubleColumn visitOrder = DoubleColumn.create("visit_order");
        TextColumn population = TextColumn.create("population");
        TextColumn path = TextColumn.create("path");
        TextColumn parent = TextColumn.create("parent");
        LongColumn count = LongColumn.create("count");
        LongColumn parentCount = LongColumn.create("parent_count");
        DoubleColumn pctParent = DoubleColumn.create("pct_parent");
        DoubleColumn pctTotal = DoubleColumn.create("pct_total");
        DoubleColumn[] medians = new DoubleColumn[markers.size()];
        for (int m = 0; m < medians.length; m++) {
            medians[m] = DoubleColumn.create(MEDIAN_PREFIX + markers.get(m));
        }
        List<String> order = Visits.populationOrder(results, populationOrder);
        for (SampleResult r : results) {
            SampleInfo info = info(r);
            for (String name : order) {
                PopulationStats p = r.population(name);
                if (p == null) {
                    continue;
                }
                str(sampleId, r.sampleId());
                str(patient, info.patient());
                str(visit, info.visit());
                str(arm, info.arm());
                num(visitOrder, info.visitOrder());
                str(population, p.population());
                str(path, p.path());
                str(parent, p.parent());
                count.append(p.count());
                parentCount.append(p.parentCount());
                num(pctParent, p.pctParent());
                num(pctTotal, p.pctTotal());
                for (int m = 0; m < medians.length; m++) {
                    num(medians[m], p.medians().get(markers.get(m)));
                }
            }
        }
        List<ResultTable.Column> columns = new ArrayList<>(List.of(sampleId, patient, visit, arm, visitOrder,
                population, path, parent, count, parentCount, pctParent, pctTotal));
        columns.addAll(List.of(medians));
        return ResultTable.create("populations", columns);
    }

    public static ResultTable gates(List<SampleResult> results) {
        TextColumn sampleId = TextColumn.create("sample_id");
        TextColumn population = TextColumn.create("population");
        TextColumn method = TextColumn.create("method");
        TextColumn dimensions = TextColumn.create("dimensions");
        TextColumn parameters = TextColumn.create("parameters");
        TextColumn shape = TextColumn.create("shape");
        for (SampleResult r : results) {
            for (GateRecord g : r.gates()) {
                str(sampleId, r.sampleId());
                str(population, g.population());
                str(method, g.method());
                str(dimensions, g.dimensions());
                str(parameters, g.parameters());
                str(shape, g.shape());
            }
        }
        return ResultTable.create("gates", sampleId, population, method, dimensions, parameters, shape);
    }

    public static ResultTable visits(List<VisitRow> rows) {
        TextColumn patient = TextColumn.create("patient");
        TextColumn arm = TextColumn.create("arm");
        TextColumn visit = TextColumn.create("visit");
        DoubleColumn visitOrder = DoubleColumn.create("visit_order");
        TextColumn population = TextColumn.create("population");
        DoubleColumn pctParent = DoubleColumn.create("pct_parent");
        DoubleColumn baseline = DoubleColumn.create("baseline_pct_parent");
        DoubleColumn fold = DoubleColumn.create("fold_change");
        DoubleColumn log2 = DoubleColumn.create("log2_fold_change");
        LongColumn samples = LongColumn.create("samples");
        for (VisitRow r : rows) {
            str(patient, r.patient());
            str(arm, r.arm());
            str(visit, r.visit());
            num(visitOrder, r.visitOrder());
            str(population, r.population());
            num(pctParent, r.pctParent());
            num(baseline, r.baselinePctParent());
            num(fold, r.foldChange());
            num(log2, r.log2FoldChange());
            samples.append(r.samples());
        }
        return ResultTable.create("visits", patient, arm, visit, visitOrder, population, pctParent, baseline, fold, log2,
                samples);
    }

    public static ResultTable endpoint(List<EndpointRow> rows) {
        TextColumn patient = TextColumn.create("patient");
        TextColumn arm = TextColumn.create("arm");
        TextColumn population = TextColumn.create("population");
        TextColumn statistic = TextColumn.create("statistic");
        TextColumn baselineVisit = TextColumn.create("baseline_visit");
        TextColumn endpointVisit = TextColumn.create("endpoint_visit");
        DoubleColumn baselineValue = DoubleColumn.create("baseline_value");
        DoubleColumn endpointValue = DoubleColumn.create("endpoint_value");
        DoubleColumn fold = DoubleColumn.create("fold_change");
        DoubleColumn threshold = DoubleColumn.create("threshold");
        BooleanColumn met = BooleanColumn.create("met");
        TextColumn reason = TextColumn.create("reason");
        for (EndpointRow r : rows) {
            str(patient, r.patient());
            str(arm, r.arm());
            str(population, r.population());
            str(statistic, r.statistic());
            str(baselineVisit, r.baselineVisit());
            str(endpointVisit, r.endpointVisit());
            num(baselineValue, r.baselineValue());
            num(endpointValue, r.endpointValue());
            num(fold, r.foldChange());
            num(threshold, r.threshold());
            if (r.met() == null) {
                met.appendMissing();
            } else {
                met.append(r.met().booleanValue());
            }
            str(reason, r.reason());
        }
        return ResultTable.create("endpoint", patient, arm, population, statistic, baselineVisit, endpointVisit,
                baselineValue, endpointValue, fold, threshold, met, reason);
    }

    public static ResultTable cohort(List<CohortRow> rows) {
        TextColumn scope = TextColumn.create("scope");
        TextColumn arm = TextColumn.create("arm");
        TextColumn measure = TextColumn.create("measure");
        LongColumn n = LongColumn.create("n");
        DoubleColumn value = DoubleColumn.create("value");
        DoubleColumn ciLow = DoubleColumn.create("ci_low");
        DoubleColumn ciHigh = DoubleColumn.create("ci_high");
        TextColumn test = TextColumn.create("test");
        DoubleColumn statistic = DoubleColumn.create("statistic");
        DoubleColumn pValue = DoubleColumn.create("p_value");
        for (CohortRow r : rows) {
            str(scope, r.scope());
            str(arm, r.arm());
            str(measure, r.measure());
            n.append(r.n());
            num(value, r.value());
            num(ciLow, r.ciLow());
            num(ciHigh, r.ciHigh());
            str(test, r.test());
            num(statistic, r.statistic());
            num(pValue, r.pValue());
        }
        return ResultTable.create("cohort", scope, arm, measure, n, value, ciLow, ciHigh, test, statistic, pValue);
    }

    private static SampleInfo info(SampleResult r) {
        return r.info() == null ? SampleInfo.UNKNOWN : r.info();
    }

    private static void str(TextColumn column, String value) {
        if (value == null || value.isEmpty()) {
            column.appendMissing();
        } else {
            column.append(value);
        }
    }

    /** Non-finite numbers are unknowns: written as null, never as "NaN"/"Infinity" text. */
    private static void num(DoubleColumn column, double value) {
        if (Double.isFinite(value)) {
            column.append(value);
        } else {
            column.appendMissing();
        }
    }

    private static void num(DoubleColumn column, Double value) {
        num(column, value == null ? Double.NaN : value.doubleValue());
    }
}
