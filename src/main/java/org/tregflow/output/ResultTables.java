package org.tregflow.output;

import java.util.List;

import org.tregflow.stats.CohortRow;
import org.tregflow.stats.EndpointRow;
import org.tregflow.stats.GateRecord;
import org.tregflow.stats.PopulationStats;
import org.tregflow.stats.SampleInfo;
import org.tregflow.stats.SampleResult;
import org.tregflow.stats.VisitRow;
import org.tregflow.stats.Visits;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Assembles the result tables as Tablesaw tables, columns in contract order. Only four column types are used,
 * which the writers map one to one: STRING (Arrow Utf8), LONG (Int64), DOUBLE (Float64), BOOLEAN (Bool).
 * Tablesaw's missing values carry the nulls: an empty or null string, a non-finite double, {@link LongColumn}'s
 * missing marker, a missing boolean.
 *
 * <p>Columns are held in locals while rows are appended: looking them up by name per cell costs a scan of the
 * table's columns each time, which dominated the time for large trials.
 */
public final class ResultTables {
    public static final String MEDIAN_PREFIX = "median_";

    private ResultTables() {
    }

    public static Table samples(List<SampleResult> results) {
        StringColumn sampleId = StringColumn.create("sample_id");
        StringColumn file = StringColumn.create("file");
        StringColumn sha256 = StringColumn.create("sha256");
        StringColumn status = StringColumn.create("status");
        StringColumn error = StringColumn.create("error");
        LongColumn events = LongColumn.create("events");
        StringColumn fcsVersion = StringColumn.create("fcs_version");
        StringColumn instrument = StringColumn.create("instrument");
        StringColumn patient = StringColumn.create("patient");
        StringColumn visit = StringColumn.create("visit");
        StringColumn arm = StringColumn.create("arm");
        DoubleColumn visitOrder = DoubleColumn.create("visit_order");
        StringColumn warnings = StringColumn.create("warnings");
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
        return Table.create("samples", sampleId, file, sha256, status, error, events, fcsVersion, instrument,
                patient, visit, arm, visitOrder, warnings, day);
    }

    public static Table populations(List<SampleResult> results, List<String> populationOrder,
                                    List<String> markers) {
        StringColumn sampleId = StringColumn.create("sample_id");
        StringColumn patient = StringColumn.create("patient");
        StringColumn visit = StringColumn.create("visit");
        StringColumn arm = StringColumn.create("arm");
        DoubleColumn visitOrder = DoubleColumn.create("visit_order");
        StringColumn population = StringColumn.create("population");
        StringColumn path = StringColumn.create("path");
        StringColumn parent = StringColumn.create("parent");
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
        Table table = Table.create("populations", sampleId, patient, visit, arm, visitOrder, population, path,
                parent, count, parentCount, pctParent, pctTotal);
        table.addColumns(medians);
        return table;
    }

    public static Table gates(List<SampleResult> results) {
        StringColumn sampleId = StringColumn.create("sample_id");
        StringColumn population = StringColumn.create("population");
        StringColumn method = StringColumn.create("method");
        StringColumn dimensions = StringColumn.create("dimensions");
        StringColumn parameters = StringColumn.create("parameters");
        StringColumn shape = StringColumn.create("shape");
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
        return Table.create("gates", sampleId, population, method, dimensions, parameters, shape);
    }

    public static Table visits(List<VisitRow> rows) {
        StringColumn patient = StringColumn.create("patient");
        StringColumn arm = StringColumn.create("arm");
        StringColumn visit = StringColumn.create("visit");
        DoubleColumn visitOrder = DoubleColumn.create("visit_order");
        StringColumn population = StringColumn.create("population");
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
        return Table.create("visits", patient, arm, visit, visitOrder, population, pctParent, baseline, fold, log2,
                samples);
    }

    public static Table endpoint(List<EndpointRow> rows) {
        StringColumn patient = StringColumn.create("patient");
        StringColumn arm = StringColumn.create("arm");
        StringColumn population = StringColumn.create("population");
        StringColumn statistic = StringColumn.create("statistic");
        StringColumn baselineVisit = StringColumn.create("baseline_visit");
        StringColumn endpointVisit = StringColumn.create("endpoint_visit");
        DoubleColumn baselineValue = DoubleColumn.create("baseline_value");
        DoubleColumn endpointValue = DoubleColumn.create("endpoint_value");
        DoubleColumn fold = DoubleColumn.create("fold_change");
        DoubleColumn threshold = DoubleColumn.create("threshold");
        BooleanColumn met = BooleanColumn.create("met");
        StringColumn reason = StringColumn.create("reason");
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
        return Table.create("endpoint", patient, arm, population, statistic, baselineVisit, endpointVisit,
                baselineValue, endpointValue, fold, threshold, met, reason);
    }

    public static Table cohort(List<CohortRow> rows) {
        StringColumn scope = StringColumn.create("scope");
        StringColumn arm = StringColumn.create("arm");
        StringColumn measure = StringColumn.create("measure");
        LongColumn n = LongColumn.create("n");
        DoubleColumn value = DoubleColumn.create("value");
        DoubleColumn ciLow = DoubleColumn.create("ci_low");
        DoubleColumn ciHigh = DoubleColumn.create("ci_high");
        StringColumn test = StringColumn.create("test");
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
        return Table.create("cohort", scope, arm, measure, n, value, ciLow, ciHigh, test, statistic, pValue);
    }

    private static SampleInfo info(SampleResult r) {
        return r.info() == null ? SampleInfo.UNKNOWN : r.info();
    }

    private static void str(StringColumn column, String value) {
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
