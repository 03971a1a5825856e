package org.tregflow.simulate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.tregflow.io.AtomicFile;

/** Writes {@code samples.csv}, {@code truth_files.csv} and {@code truth_endpoint.csv}, each atomically. */
final class TruthTables {
    private TruthTables() {
    }

    static void write(Path dir, CohortTruth truth) throws IOException {
        StringBuilder sheet = new StringBuilder("file,patient,visit,arm,visit_order,day\n");
        for (FileTruth f : truth.files()) {
            sheet.append(f.file()).append(',').append(f.patient()).append(',').append(f.visit()).append(',')
                    .append(f.arm().label()).append(',').append(f.visitOrder()).append(',').append(f.day())
                    .append('\n');
        }
        atomic(dir.resolve(CohortSimulator.SAMPLE_SHEET), sheet);

        StringBuilder files = new StringBuilder("file,patient,visit,arm,response,events");
        for (EventCategory c : EventCategory.values()) {
            files.append(',').append(c.column());
        }
        files.append(",lymphocytes,t_cells,cd4_t,treg,nk,pct_lymphocytes_of_total,pct_t_of_lymphocytes,"
                + "pct_cd4_of_t,pct_cd8_of_t,pct_treg_of_cd4,pct_cd25hi_of_treg,pct_nk_of_lymphocytes,"
                + "pct_cd56bright_of_nk,pct_cd56dim_of_nk\n");
        for (FileTruth f : truth.files()) {
            files.append(f.file()).append(',').append(f.patient()).append(',').append(f.visit()).append(',')
                    .append(f.arm().label()).append(',').append(f.response().label()).append(',').append(f.events());
            for (EventCategory c : EventCategory.values()) {
                files.append(',').append(f.count(c));
            }
            files.append(',').append(f.lymphocytes()).append(',').append(f.tCells()).append(',').append(f.cd4())
                    .append(',').append(f.treg()).append(',').append(f.nk());
            for (double v : new double[] {f.pctLymphocytesOfTotal(), f.pctTOfLymphocytes(), f.pctCd4OfT(),
                    f.pctCd8OfT(), f.pctTregOfCd4(), f.pctCd25hiOfTreg(), f.pctNkOfLymphocytes(),
                    f.pctCd56brightOfNk(), f.pctCd56dimOfNk()}) {
                files.append(',').append(num(v));
            }
            files.append('\n');
        }
        atomic(dir.resolve(CohortSimulator.TRUTH_FILES), files);

        StringBuilder ep = new StringBuilder("patient,arm,response,population,baseline_visit,endpoint_visit,"
                + "baseline_value,endpoint_value,fold_change,threshold,met,treg_of_cd4_fold,cd56bright_of_nk_fold\n");
        for (EndpointTruth e : truth.endpoints()) {
            ep.append(e.patient()).append(',').append(e.arm().label()).append(',').append(e.response().label())
                    .append(",cd25hi_of_treg,").append(e.baselineVisit()).append(',').append(e.endpointVisit())
                    .append(',').append(num(e.baselinePct())).append(',').append(num(e.endpointPct())).append(',')
                    .append(num(e.foldChange())).append(',').append(num(EndpointTruth.THRESHOLD)).append(',')
                    .append(e.met()).append(',').append(num(e.tregOfCd4Fold())).append(',')
                    .append(num(e.cd56brightOfNkFold())).append('\n');
        }
        atomic(dir.resolve(CohortSimulator.TRUTH_ENDPOINT), ep);
    }

    /** Six decimals, '.' separator whatever the default locale; empty for undefined (0/0). */
    static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6f", v) : "";
    }

    /** Temporary file, then rename: a crash never leaves half a table. */
    private static void atomic(Path out, CharSequence text) throws IOException {
        AtomicFile.writeString(out, text);
    }
}
