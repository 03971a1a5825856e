package org.tregflow.simulate;

import static org.tregflow.simulate.Panel.DYES;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Generates the events of one file into primitive columns: exact category counts (so the truth is the design,
 * not a sample of it), labels shuffled, then per event scatter, dye intensities, spillover into detectors,
 * autofluorescence, photon (Poisson-like) and electronic noise. No object per event.
 */
final class EventGenerator {
    private static final double LN10 = StrictMath.log(10);
    /** Detector units per photoelectron: sets the Poisson-like spread, which compensation turns into spread error. */
    private static final double UNITS_PER_PHOTOELECTRON = 3.0;
    /** Electronic noise (sd, detector units): makes compensated negatives spread below zero, as on real data. */
    private static final double ELECTRONIC_NOISE = 25.0;
    /** BD-style width: W = 65536 * A / H. */
    private static final double WIDTH_SCALE = 65_536;
    /** $TIMESTEP written to the files (seconds per Time unit). */
    static final double TIMESTEP = 0.01;
    private static final double MAX_VALUE = Panel.RANGE - 1;

    private final CellProfiles prof = CellProfiles.STANDARD;
    private final UniformRandomProvider rng;
    private final ContinuousSampler gauss;
    private final double[] dye = new double[DYES];
    private final double[] spill = new double[DYES * DYES];
    // Per-event scatter accumulators (fields, not objects, to keep the inner loop allocation-free).
    private double fsc;
    private double ssc;
    private double af;

    private EventGenerator(UniformRandomProvider rng) {
        this.rng = rng;
        this.gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        for (int d = 0; d < DYES; d++) {
            for (int j = 0; j < DYES; j++) {
                spill[d * DYES + j] = Panel.spill(d, j);
            }
        }
    }

    /** The generated columns (in {@link Panel#channels(int)} order), the count and the label of each event. */
    record Generated(float[][] columns, int[] counts, byte[] labels) {
    }

    static Generated generate(double[] composition, int events, int channels, UniformRandomProvider rng) {
        return new EventGenerator(rng).run(composition, events, channels);
    }

    /**
     * Largest-remainder rounding of {@code p * events}: the counts sum to {@code events} exactly; ties go to the
     * lower category ordinal so the result never depends on anything but the inputs.
     */
    static int[] allocate(double[] p, int events) {
        double total = 0;
        for (double v : p) {
            total += v;
        }
        int n = p.length;
        int[] counts = new int[n];
        double[] remainder = new double[n];
        long assigned = 0;
        for (int i = 0; i < n; i++) {
            double exact = p[i] / total * events;
            counts[i] = (int) Math.floor(exact);
            remainder[i] = exact - counts[i];
            assigned += counts[i];
        }
        for (long left = events - assigned; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (remainder[i] > remainder[best]) {
                    best = i;
                }
            }
            counts[best]++;
            remainder[best] = -1;
        }
        return counts;
    }

    private Generated run(double[] composition, int events, int channels) {
        int[] counts = allocate(composition, events);
        byte[] labels = new byte[events];
        int at = 0;
        for (int c = 0; c < counts.length; c++) {
            for (int k = 0; k < counts[c]; k++) {
                labels[at++] = (byte) c;
            }
        }
        for (int i = events - 1; i > 0; i--) { // Fisher-Yates
            int j = rng.nextInt(i + 1);
            byte tmp = labels[i];
            labels[i] = labels[j];
            labels[j] = tmp;
        }
        // Doublets and dead cells are made of live lymphocytes drawn with this sample's own proportions.
        double[] lymphCumulative = new double[counts.length];
        double acc = 0;
        for (int c = 0; c < counts.length; c++) {
            if (EventCategory.of(c).isLiveSingletLymphocyte()) {
                acc += composition[c];
            }
            lymphCumulative[c] = acc;
        }
        for (int c = 0; c < counts.length; c++) {
            lymphCumulative[c] /= acc;
        }

        boolean wide = channels == Panel.WIDE_CHANNELS;
        float[][] cols = new float[channels][events];
        int fscA = 0;
        int fscH = 1;
        int fscW = wide ? 2 : -1;
        int sscA = wide ? 3 : 2;
        int sscH = wide ? 4 : -1;
        int sscW = wide ? 5 : -1;
        int firstDetector = wide ? 6 : 3;
        int time = channels - 1;
        // Keep Time within $PnR even for huge files: ~2,000 events/s, slower clock for more than ~10^6 events.
        double meanTick = Math.min(1.0 / (2_000 * TIMESTEP), 200_000.0 / Math.max(1, events));
        double clock = 0;

        int doublet = EventCategory.LYMPHOCYTE_DOUBLET.ordinal();
        int dead = EventCategory.DEAD_LYMPHOCYTE.ordinal();
        for (int e = 0; e < events; e++) {
            int cat = labels[e];
            fsc = 0;
            ssc = 0;
            af = 0;
            for (int d = 0; d < DYES; d++) {
                dye[d] = 0;
            }
            double ratio;
            if (cat == doublet) {
                addCell(drawLymphocyte(lymphCumulative), 1.0);
                addCell(drawLymphocyte(lymphCumulative), 1.0);
                ratio = CellProfiles.DOUBLET_RATIO + CellProfiles.DOUBLET_RATIO_SD * gauss.sample();
            } else if (cat == dead) {
                addCell(drawLymphocyte(lymphCumulative), CellProfiles.DEAD_STAIN_FACTOR);
                fsc *= CellProfiles.DEAD_FSC_FACTOR;
                ssc *= CellProfiles.DEAD_SSC_FACTOR;
                dye[Panel.LIVE_DEAD] += pow10(CellProfiles.DEAD_LIVE_DEAD_LOG
                        + CellProfiles.DEAD_LIVE_DEAD_LOG_SD * gauss.sample());
                ratio = CellProfiles.SINGLET_RATIO + CellProfiles.SINGLET_RATIO_SD * gauss.sample();
            } else {
                addCell(cat, 1.0);
                ratio = CellProfiles.SINGLET_RATIO + CellProfiles.SINGLET_RATIO_SD * gauss.sample();
            }
            double fa = clamp(fsc);
            double fh = clamp(fa / ratio);
            double sa = clamp(ssc);
            cols[fscA][e] = (float) fa;
            cols[fscH][e] = (float) fh;
            cols[sscA][e] = (float) sa;
            if (wide) {
                double sh = clamp(sa / (ratio * (1 + 0.02 * gauss.sample())));
                cols[fscW][e] = (float) clamp(fh > 0 ? WIDTH_SCALE * fa / fh : 0);
                cols[sscH][e] = (float) sh;
                cols[sscW][e] = (float) clamp(sh > 0 ? WIDTH_SCALE * sa / sh : 0);
            }
            for (int j = 0; j < DYES; j++) {
                double s = af * Panel.AUTOFLUORESCENCE[j];
                for (int d = 0; d < DYES; d++) {
                    s += dye[d] * spill[d * DYES + j];
                }
                double sd = Math.sqrt(Math.max(s, 0) * UNITS_PER_PHOTOELECTRON + ELECTRONIC_NOISE * ELECTRONIC_NOISE);
                cols[firstDetector + j][e] = (float) Math.min(s + sd * gauss.sample(), MAX_VALUE);
            }
            clock += -StrictMath.log1p(-rng.nextDouble()) * meanTick;
            cols[time][e] = (float) Math.floor(clock);
        }
        return new Generated(cols, counts, labels);
    }

    private int drawLymphocyte(double[] cumulative) {
        double u = rng.nextDouble();
        int c = 0;
        while (c < cumulative.length - 1 && (cumulative[c] <= u || !EventCategory.of(c).isLiveSingletLymphocyte())) {
            c++;
        }
        return c;
    }

    /** Adds one cell of category {@code cat} to the event's accumulators, its stains scaled by {@code stain}. */
    private void addCell(int cat, double stain) {
        double f = prof.fscMean[cat] + prof.fscSd[cat] * gauss.sample();
        if (cat == EventCategory.DEBRIS.ordinal()) {
            f = prof.fscMean[cat] + prof.fscSd[cat] * Math.abs(gauss.sample());
        }
        fsc += f;
        ssc += pow10(prof.sscLog[cat] + prof.sscLogSd[cat] * gauss.sample());
        af += pow10(prof.afLog[cat] + prof.afLogSd[cat] * gauss.sample());
        double[] mu = prof.dyeLog[cat];
        double[] sd = prof.dyeLogSd[cat];
        for (int d = 0; d < DYES; d++) {
            if (!Double.isNaN(mu[d])) {
                dye[d] += stain * pow10(mu[d] + sd[d] * gauss.sample());
            }
        }
    }

    /** StrictMath, not Math: Math.exp may differ in the last bit between JVMs, and the files must not. */
    private static double pow10(double x) {
        return StrictMath.exp(LN10 * x);
    }

    private static double clamp(double v) {
        return v < 0 ? 0 : Math.min(v, MAX_VALUE);
    }
}
