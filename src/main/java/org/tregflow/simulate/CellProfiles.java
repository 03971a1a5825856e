package org.tregflow.simulate;

import static org.tregflow.simulate.Panel.CD127;
import static org.tregflow.simulate.Panel.CD16;
import static org.tregflow.simulate.Panel.CD25;
import static org.tregflow.simulate.Panel.CD3;
import static org.tregflow.simulate.Panel.CD4;
import static org.tregflow.simulate.Panel.CD56;
import static org.tregflow.simulate.Panel.CD8;
import static org.tregflow.simulate.Panel.DYES;
import static org.tregflow.simulate.Panel.FOXP3;
import static org.tregflow.simulate.Panel.LIVE_DEAD;

import java.util.Arrays;

/**
 * What each event category looks like: scatter and, per dye, a log-normal intensity 10^N(mu, sd) in linear dye
 * units (or no dye at all: NaN). Modes that gates must separate are 1.3 decades or more apart with sd 0.15-0.3
 * decades, so a density valley exists between them (CD25hi vs CD25int Treg: 4.1 vs 2.8; FOXP3+ 3.6 vs none;
 * CD127+ 3.4 vs Treg 1.8).
 * Doublets and dead lymphocytes have no row of their own: they are built from live lymphocyte kinds.
 */
final class CellProfiles {
    static final int N = EventCategory.count();

    final double[] fscMean = new double[N];
    final double[] fscSd = new double[N];
    final double[] sscLog = new double[N];
    final double[] sscLogSd = new double[N];
    final double[] afLog = new double[N];
    final double[] afLogSd = new double[N];
    /** [category][dye] log10 mean intensity; NaN = the dye is absent. */
    final double[][] dyeLog = new double[N][DYES];
    final double[][] dyeLogSd = new double[N][DYES];

    /** Dead lymphocytes: dimmer stains, bright viability dye, smaller and more granular. */
    static final double DEAD_STAIN_FACTOR = 0.5;
    static final double DEAD_FSC_FACTOR = 0.72;
    static final double DEAD_SSC_FACTOR = 1.35;
    static final double DEAD_LIVE_DEAD_LOG = 3.9;
    static final double DEAD_LIVE_DEAD_LOG_SD = 0.2;

    /** FSC-A / FSC-H: ~1.05 for singlets; doublets pass the laser as two cells, area ~2x height. */
    static final double SINGLET_RATIO = 1.05;
    static final double SINGLET_RATIO_SD = 0.025;
    static final double DOUBLET_RATIO = 1.95;
    static final double DOUBLET_RATIO_SD = 0.07;

    static final CellProfiles STANDARD = new CellProfiles();

    private CellProfiles() {
        for (double[] row : dyeLog) {
            Arrays.fill(row, Double.NaN);
        }
        double lymFsc = 62_000;
        double lymFscSd = 6_500;
        double lymSsc = 4.05;
        double lymSscSd = 0.09;
        double lymAf = 1.5;
        for (EventCategory c : EventCategory.values()) {
            if (c.isLiveSingletLymphocyte()) {
                scatter(c, lymFsc, lymFscSd, lymSsc, lymSscSd, lymAf, 0.2);
            }
        }
        // Debris: FSC is a half-normal from near zero (see EventGenerator), widely spread SSC, often dye-positive.
        scatter(EventCategory.DEBRIS, 2_000, 15_000, 3.5, 0.35, 1.3, 0.4);
        dye(EventCategory.DEBRIS, LIVE_DEAD, 2.8, 0.6);
        scatter(EventCategory.MONOCYTE, 105_000, 12_000, 4.6, 0.10, 2.1, 0.2);
        dye(EventCategory.MONOCYTE, CD4, 2.7, 0.2);
        dye(EventCategory.MONOCYTE, CD16, 2.6, 0.5);
        scatter(EventCategory.GRANULOCYTE, 125_000, 14_000, 5.05, 0.08, 2.4, 0.2);
        dye(EventCategory.GRANULOCYTE, CD16, 4.0, 0.25);

        t(EventCategory.CD4_TCONV);
        dye(EventCategory.CD4_TCONV, CD4, 3.4, 0.15);
        dye(EventCategory.CD4_TCONV, CD25, 2.2, 0.35);
        dye(EventCategory.CD4_TCONV, CD127, 3.4, 0.18);

        t(EventCategory.TREG_CD25HI);
        treg(EventCategory.TREG_CD25HI);
        dye(EventCategory.TREG_CD25HI, CD25, 4.1, 0.18);
        t(EventCategory.TREG_CD25INT);
        treg(EventCategory.TREG_CD25INT);
        dye(EventCategory.TREG_CD25INT, CD25, 2.8, 0.2);

        t(EventCategory.CD8_T);
        dye(EventCategory.CD8_T, CD8, 3.6, 0.2);
        dye(EventCategory.CD8_T, CD127, 3.1, 0.25);
        t(EventCategory.DN_T);
        dye(EventCategory.DN_T, CD127, 3.0, 0.25);
        // B cells carry none of the panel's markers.

        dye(EventCategory.NK_CD56BRIGHT, CD56, 4.0, 0.15);
        dye(EventCategory.NK_CD56BRIGHT, CD16, 2.0, 0.3);
        dye(EventCategory.NK_CD56BRIGHT, CD25, 2.6, 0.3);
        dye(EventCategory.NK_CD56BRIGHT, CD127, 2.6, 0.3);
        dye(EventCategory.NK_CD56DIM, CD56, 3.1, 0.2);
        dye(EventCategory.NK_CD56DIM, CD16, 3.8, 0.2);
    }

    private void t(EventCategory c) {
        dye(c, CD3, 3.5, 0.15);
    }

    private void treg(EventCategory c) {
        dye(c, CD4, 3.3, 0.15);
        dye(c, FOXP3, 3.6, 0.18);
        dye(c, CD127, 1.8, 0.25);
    }

    private void scatter(EventCategory c, double fsc, double fscSdev, double ssc, double sscSdev, double af,
                         double afSdev) {
        int i = c.ordinal();
        fscMean[i] = fsc;
        fscSd[i] = fscSdev;
        sscLog[i] = ssc;
        sscLogSd[i] = sscSdev;
        afLog[i] = af;
        afLogSd[i] = afSdev;
    }

    private void dye(EventCategory c, int dye, double log, double logSd) {
        dyeLog[c.ordinal()][dye] = log;
        dyeLogSd[c.ordinal()][dye] = logSd;
    }
}
