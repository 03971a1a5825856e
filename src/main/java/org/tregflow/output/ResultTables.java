package org.tregflow.output;

import java.util.List;

import org.tregflow.stats.CohortRow;
import org.tregflow.stats.EndpointRow;
import org.tregflow.stats.GateRecord;
import org.tregflow.stats.PopulationStats;
import org.tregflow.stats.SampleInfo;
import org.tregflow.stats.SampleResult;
import org.tregflow.stats.VisitRow;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Assembles the result tables as Tablesaw tables, columns in contract order. Only four column types are used,
 * which the writers map one to one: STRING (Arrow Utf8), LONG (Int64), DOUBLE (Float64), BOOLEAN (Bool).
 * Tablesaw's missing values carry the nulls: an empty or null string, NaN (also ±Infinity, see {@link #num}),
 * {@link LongColumn}'s missing marker, a missing boolean.
 */
public final class ResultTables {
    public static final String MEDIAN_PREFIX = "median_";

    private ResultTables() {
    }

    public static Table samples(List<SampleResult> results) {
        Table t = Table.create("samples",
                StringColumn.create("sample_id"), StringColumn.create("file"), StringColumn.create("sha256"),
                StringColumn.create("status"), StringColumn.create("error"), LongColumn.create("events"),
                StringColumn.create("fcs_version"), StringColumn.create("instrument"),
                StringColumn.create("patient"), StringColumn.create("visit"), StringColumn.create("arm"),
                DoubleColumn.create("visit_order"), StringColumn.create("warnings"), DoubleColumn.create("day"));
        for (SampleResult r : results) {
            SampleInfo info = info(r);
            str(t, "sample_id", r.sampleId());
            str(t, "file", r.file());
            str(t, "sha256", r.sha256());
            str(t, "status", r.status());
            str(t, "error", r.error());
            t.longColumn("events").append(r.events());
            str(t, "fcs_version", r.fcsVersion());
            str(t, "instrument", r.instrument());
            str(t, "patient", info.patient());
            str(t, "visit", info.visit());
            str(t, "arm", info.arm());
            num(t, "visit_order", info.visitOrder());
            // one cell; "; " because scientists read it, and notebooks split on it
            str(t, "warnings", r.warnings().isEmpty() ? null : String.join("; ", r.warnings()));
            num(t, "day", info.day());
        }
        return t;
    }

    public static Table populations(List<SampleResult> results, List<String> populationOrder,
                                    List<String> markers) {
        Table t = Table.create("populations",
                StringColumn.create("sample_id"), StringColumn.create("patient"), StringColumn.create("visit"),
                StringColumn.create("arm"), DoubleColumn.create("visit_order"), StringColumn.create("population"),
                StringColumn.create("path"), StringColumn.create("parent"), LongColumn.create("count"),
                LongColumn.create("parent_count"), DoubleColumn.create("pct_parent"),
                DoubleColumn.create("pct_total"));
        for (String m : markers) {
            t.addColumns(DoubleColumn.create(MEDIAN_PREFIX + m));
        }
        List<String> order = org.tregflow.stats.Visits.populationOrder(results, populationOrder);
        for (SampleResult r : results) {
            SampleInfo info = info(r);
            for (String name : order) {
                PopulationStats p = r.population(name);
                if (p == null) {
                    continue;
                }
                str(t, "sample_id", r.sampleId());
                str(t, "patient", info.patient());
                str(t, "visit", info.visit());
                str(t, "arm", info.arm());
                num(t, "visit_order", info.visitOrder());
                str(t, "population", p.population());
                str(t, "path", p.path());
                str(t, "parent", p.parent());
                t.longColumn("count").append(p.count());
                t.longColumn("parent_count").append(p.parentCount());
                num(t, "pct_parent", p.pctParent());
                num(t, "pct_total", p.pctTotal());
                for (String m : markers) {
                    num(t, MEDIAN_PREFIX + m, p.medians().get(m));
                }
            }
        }
        return t;
    }

    public static Table gates(List<SampleResult> results) {
        Table t = Table.create("gates",
                StringColumn.create("sample_id"), StringColumn.create("population"), StringColumn.create("method"),
                StringColumn.create("dimensions"), StringColumn.create("parameters"), StringColumn.create("shape"));
        for (SampleResult r : results) {
            for (GateRecord g : r.gates()) {
                str(t, "sample_id", r.sampleId());
                str(t, "population", g.population());
                str(t, "method", g.method());
                str(t, "dimensions", g.dimensions());
                str(t, "parameters", g.parameters());
                str(t, "shape", g.shape());
            }
        }
        return t;
    }

    public static Table visits(List<VisitRow> rows) {
        Table t = Table.create("visits",
                StringColumn.create("patient"), StringColumn.create("arm"), StringColumn.create("visit"),
                DoubleColumn.create("visit_order"), StringColumn.create("population"),
                DoubleColumn.create("pct_parent"), DoubleColumn.create("baseline_pct_parent"),
                DoubleColumn.create("fold_change"), DoubleColumn.create("log2_fold_change"),
                LongColumn.create("samples"));
        for (VisitRow r : rows) {
            str(t, "patient", r.patient());
            str(t, "arm", r.arm());
            str(t, "visit", r.visit());
            num(t, "visit_order", r.visitOrder());
            str(t, "population", r.population());
            num(t, "pct_parent", r.pctParent());
            num(t, "baseline_pct_parent", r.baselinePctParent());
            num(t, "fold_change", r.foldChange());
            num(t, "log2_fold_change", r.log2FoldChange());
            t.longColumn("samples").append(r.samples());
        }
        return t;
    }

    public static Table endpoint(List<EndpointRow> rows) {
        Table t = Table.create("endpoint",
                StringColumn.create("patient"), StringColumn.create("arm"), StringColumn.create("population"),
                StringColumn.create("statistic"), StringColumn.create("baseline_visit"),
                StringColumn.create("endpoint_visit"), DoubleColumn.create("baseline_value"),
                DoubleColumn.create("endpoint_value"), DoubleColumn.create("fold_change"),
                DoubleColumn.create("threshold"), BooleanColumn.create("met"), StringColumn.create("reason"));
        for (EndpointRow r : rows) {
            str(t, "patient", r.patient());
            str(t, "arm", r.arm());
            str(t, "population", r.population());
            str(t, "statistic", r.statistic());
            str(t, "baseline_visit", r.baselineVisit());
            str(t, "endpoint_visit", r.endpointVisit());
            num(t, "baseline_value", r.baselineValue());
            num(t, "endpoint_value", r.endpointValue());
            num(t, "fold_change", r.foldChange());
            num(t, "threshold", r.threshold());
            if (r.met() == null) {
                t.booleanColumn("met").appendMissing();
            } else {
                t.booleanColumn("met").append(r.met().booleanValue());
            }
            str(t, "reason", r.reason());
        }
        return t;
    }

    public static Table cohort(List<CohortRow> rows) {
        Table t = Table.create("cohort",
                StringColumn.create("scope"), StringColumn.create("arm"), StringColumn.create("measure"),
                LongColumn.create("n"), DoubleColumn.create("value"), DoubleColumn.create("ci_low"),
                DoubleColumn.create("ci_high"), StringColumn.create("test"), DoubleColumn.create("statistic"),
                DoubleColumn.create("p_value"));
        for (CohortRow r : rows) {
            str(t, "scope", r.scope());
            str(t, "arm", r.arm());
            str(t, "measure", r.measure());
            t.longColumn("n").append(r.n());
            num(t, "value", r.value());
            num(t, "ci_low", r.ciLow());
            num(t, "ci_high", r.ciHigh());
            str(t, "test", r.test());
            num(t, "statistic", r.statistic());
            num(t, "p_value", r.pValue());
        }
        return t;
    }

    private static SampleInfo info(SampleResult r) {
        return r.info() == null ? SampleInfo.UNKNOWN : r.info();
    }

    private static void str(Table t, String column, String value) {
        if (value == null || value.isEmpty()) {
            t.stringColumn(column).appendMissing();
        } else {
            t.stringColumn(column).append(value);
        }
    }

    /** Non-finite numbers are unknowns: written as null, never as "NaN"/"Infinity" text. */
    private static void num(Table t, String column, Double value) {
        if (value == null || !Double.isFinite(value)) {
            t.doubleColumn(column).appendMissing();
        } else {
            t.doubleColumn(column).append(value.doubleValue());
        }
    }
}
