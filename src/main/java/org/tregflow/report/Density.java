package org.tregflow.report;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import org.tregflow.gating.Population;

/**
 * Binned views of a population: a pseudocolour image (one pixel per bin, coloured by the smoothed density around
 * it) and a smoothed 1-D histogram. Binning is one pass over the parent's bits, so a million events cost
 * milliseconds and the picture does not depend on drawing order. Events beyond the axis range are piled on the
 * edge bins, as cytometry software shows off-scale events, rather than hidden.
 */
final class Density {
    /** Gaussian smoothing, in bins: enough to read a density, small enough to keep a gap between populations. */
    static final double SIGMA = 1.5;
    /** The darkest end of turbo is near black; start the scale where it is a clear blue. */
    private static final double COLOUR_FLOOR = 0.12;
    /** Colour levels of the density scale: 255 steps of turbo are finer than the eye (or a screen) tells apart. */
    static final int LEVELS = 255;
    /**
     * Index 0 transparent (no event), 1..255 the density scale from sparse to dense. An indexed image is a quarter
     * of the bytes of ARGB to encode and embed: the dots of a sheet compress to about a third.
     */
    static final IndexColorModel PALETTE = palette();

    private Density() {
    }

    /**
     * A {@code bins x bins} image indexed in {@link #PALETTE}: transparent where there is no event; row 0 is the top
     * of the y axis.
     */
    static BufferedImage pseudocolor(float[] xs, float[] ys, Population parent, Axis ax, Axis ay, int bins) {
        Scratch scratch = Scratch.of(bins * bins);
        int[] counts = scratch.counts;
        java.util.Arrays.fill(counts, 0);
        double sx = bins / (ax.hi() - ax.lo());
        double sy = bins / (ay.hi() - ay.lo());
        double xlo = ax.lo();
        double ylo = ay.lo();
        long[] words = parent.words();
        for (int w = 0; w < words.length; w++) {
            long bits = words[w];
            while (bits != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                double fx = (xs[i] - xlo) * sx;
                double fy = (ys[i] - ylo) * sy;
                if (fx != fx || fy != fy) {
                    continue; // NaN: undefined (e.g. log of a negative value), nowhere to draw it
                }
                counts[(bins - 1 - bin(fy, bins)) * bins + bin(fx, bins)]++;
            }
        }
        double[] density = smooth2d(counts, bins, scratch);
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > 0) {
                max = Math.max(max, density[k]);
                min = Math.min(min, density[k]);
            }
        }
        byte[] index = scratch.index;
        java.util.Arrays.fill(index, (byte) 0);
        // Log scale: cytometry densities span four or five orders of magnitude between rare and dense clusters.
        double logMin = Math.log(min);
        double logSpan = Math.max(1e-9, Math.log(max) - logMin);
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > 0) {
                double t = (Math.log(density[k]) - logMin) / logSpan;
                index[k] = (byte) (1 + (int) Math.round(Math.max(0, Math.min(1, t)) * (LEVELS - 1)));
            }
        }
        BufferedImage img = new BufferedImage(bins, bins, BufferedImage.TYPE_BYTE_INDEXED, PALETTE);
        img.getRaster().setDataElements(0, 0, bins, bins, index);
        return img;
    }

    private static IndexColorModel palette() {
        byte[] r = new byte[LEVELS + 1];
        byte[] g = new byte[LEVELS + 1];
        byte[] b = new byte[LEVELS + 1];
        byte[] a = new byte[LEVELS + 1];
        for (int k = 1; k <= LEVELS; k++) {
            int rgb = Colormap.turbo(COLOUR_FLOOR + (1 - COLOUR_FLOOR) * (k - 1) / (LEVELS - 1));
            r[k] = (byte) (rgb >>> 16);
            g[k] = (byte) (rgb >>> 8);
            b[k] = (byte) rgb;
            a[k] = (byte) 0xFF;
        }
        return new IndexColorModel(8, LEVELS + 1, r, g, b, a);
    }

    /** Counts of the parent's values in {@code bins} equal bins over the axis, lightly smoothed. */
    static double[] histogram(float[] xs, Population parent, Axis ax, int bins) {
        int[] counts = new int[bins];
        double sx = bins / (ax.hi() - ax.lo());
        double xlo = ax.lo();
        long[] words = parent.words();
        for (int w = 0; w < words.length; w++) {
            long bits = words[w];
            while (bits != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                double fx = (xs[i] - xlo) * sx;
                if (fx == fx) {
                    counts[bin(fx, bins)]++;
                }
            }
        }
        double[] out = new double[bins];
        convolveRow(counts, 0, bins, kernel(), out);
        return out;
    }

    /**
     * The bin of a position {@code f} in bin units (not NaN), off-scale values on the edge bins. The same as
     * clamping {@code floor(f)}, without the floor: a cast truncates, which is the floor for the positive values
     * that reach it. Per event, so it matters: binning is most of a sheet's layout time.
     */
    private static int bin(double f, int bins) {
        return Math.max(0, Math.min(bins - 1, (int) f));
    }

    private static double[] kernel() {
        int r = (int) Math.ceil(3 * SIGMA);
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-i * i / (2 * SIGMA * SIGMA));
            sum += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        return k;
    }

    /**
     * A pseudocolour image's working arrays (bins² cells each), kept per thread and reused panel after panel: 1.6 MB
     * a 2-D panel, 10 MB a sheet, that the collector otherwise took back at every file whatever its size.
     */
    private static final class Scratch {
        private static final ThreadLocal<Scratch> KEPT = new ThreadLocal<>();
        final int[] counts;
        final byte[] index;
        final double[] rows;
        final double[] density;

        private Scratch(int cells) {
            counts = new int[cells];
            index = new byte[cells];
            rows = new double[cells];
            density = new double[cells];
        }

        static Scratch of(int cells) {
            Scratch s = KEPT.get();
            if (s == null || s.counts.length != cells) {
                s = new Scratch(cells);
                KEPT.set(s);
            }
            return s;
        }
    }

    /**
     * Separable Gaussian blur: rows then columns, O(bins² · kernel). Only the rows holding an event are computed
     * (a plot's dots fill a part of it), and only they are read: rows without one blur to zeros, and adding zeros
     * changes no sum, so each computed value is the whole blur's, bit for bit.
     */
    private static double[] smooth2d(int[] counts, int bins, Scratch scratch) {
        double[] k = kernel();
        double[] tmp = scratch.rows;
        boolean[] filled = new boolean[bins];
        for (int row = 0; row < bins; row++) {
            for (int c = row * bins, end = c + bins; c < end && !filled[row]; c++) {
                filled[row] = counts[c] != 0;
            }
            if (filled[row]) {
                java.util.Arrays.fill(tmp, row * bins, (row + 1) * bins, 0);
                convolveRow(counts, row * bins, bins, k, tmp);
            }
        }
        return convolveColumns(tmp, filled, bins, k, scratch.density);
    }

    /**
     * The {@code n} counts from {@code offset} convolved with {@code k}, added into {@code out} at the same offset
     * (zeros there), tap by tap: each tap is a contiguous, vectorisable pass over the row, and every output still
     * gets the products of its neighbours in increasing order from 0, the sums of a walk over each output's
     * neighbours bit for bit. The counts are read as they are (an int times a double is the double product of its
     * exact double value: no widened copy).
     */
    private static void convolveRow(int[] counts, int offset, int n, double[] k, double[] out) {
        int r = k.length / 2;
        for (int t = 0; t < k.length; t++) {
            double w = k[t];
            int shift = t - r;
            int from = Math.max(0, -shift);
            int to = Math.min(n, n - shift);
            for (int i = from; i < to; i++) {
                out[offset + i] += counts[offset + i + shift] * w;
            }
        }
    }

    /**
     * {@link #convolveRow} down every column at once: output row i gathers the input rows around it, whole rows at a
     * time (contiguous, vectorisable) instead of one strided walk per column. Each value gets the same products
     * added in the same order as the column-by-column walk, so the result is bit for bit the same. Only the
     * {@code filled} rows of {@code out} are written (the only ones read); the others keep what they held.
     */
    private static double[] convolveColumns(double[] src, boolean[] filled, int bins, double[] k, double[] out) {
        int r = k.length / 2;
        for (int i = 0; i < bins; i++) {
            if (!filled[i]) {
                continue;
            }
            int row = i * bins;
            java.util.Arrays.fill(out, row, row + bins, 0);
            for (int j = Math.max(0, i - r); j <= Math.min(bins - 1, i + r); j++) {
                if (!filled[j]) {
                    continue;
                }
                double w = k[j - i + r];
                int from = j * bins;
                for (int c = 0; c < bins; c++) {
                    out[row + c] += src[from + c] * w;
                }
            }
        }
        return out;
    }
}
