package org.tregflow.gating.auto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A 1-D Gaussian kernel density estimated on a binned histogram: the values are counted into {@code bins} equal
 * bins once, then the counts are smoothed by direct convolution with a Gaussian truncated at 4 sigma. For the
 * 512 bins used here this is exact enough for locating peaks and valleys and costs one pass over the data plus
 * a few hundred thousand multiply-adds, with no sort of the values.
 */
public final class KernelDensity {
    /** Bins of the grid the density is evaluated on. */
    public static final int DEFAULT_BINS = 512;

    private final double lo;
    private final double width;
    private final double[] density;
    private final double bandwidth;
    private final int n;

    private KernelDensity(double lo, double width, double[] density, double bandwidth, int n) {
        this.lo = lo;
        this.width = width;
        this.density = density;
        this.bandwidth = bandwidth;
        this.n = n;
    }

    /**
     * Estimates the density of the first n values.
     *
     * @param bandwidthFraction the kernel's sigma as a fraction of the grid's span, or null for Silverman's rule
     *                          (0.9 * min(sd, IQR / 1.34) * n^-1/5)
     */
    public static KernelDensity estimate(float[] values, int n, int bins, Double bandwidthFraction) {
        if (n < 2) {
            throw new IllegalArgumentException("a density needs at least 2 values, got " + n);
        }
        double[] range = robustRange(values, n);
        double lo = range[0];
        double hi = range[1];
        if (!(hi > lo)) {
            hi = lo + 1e-6;
        }
        double width = (hi - lo) / bins;
        double[] counts = new double[bins];
        double sum = 0;
        double sumSq = 0;
        int inRange = 0;
        for (int i = 0; i < n; i++) {
            double v = values[i];
            sum += v;
            sumSq += v * v;
            int b = (int) ((v - lo) / width);
            if (b >= 0 && b < bins) {
                counts[b]++;
                inRange++;
            } else if (v == hi) {
                counts[bins - 1]++;
                inRange++;
            }
        }
        double bw;
        if (bandwidthFraction != null) {
            if (!(bandwidthFraction > 0)) {
                throw new IllegalArgumentException("bandwidth must be a positive fraction of the range, got " + bandwidthFraction);
            }
            bw = bandwidthFraction * (hi - lo);
        } else {
            double mean = sum / n;
            double sd = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
            double iqr = quantileOfCounts(counts, inRange, lo, width, 0.75) - quantileOfCounts(counts, inRange, lo, width, 0.25);
            double spread = iqr > 0 ? Math.min(sd, iqr / 1.34) : sd;
            bw = 0.9 * spread * Math.pow(n, -0.2);
            if (!(bw > 0)) {
                bw = width;
            }
        }
        double[] smooth = smooth(counts, bw / width);
        for (int i = 0; i < bins; i++) {
            smooth[i] /= (n * width);
        }
        return new KernelDensity(lo, width, smooth, bw, n);
    }

    /**
     * The span to grid: the 0.05th to 99.95th percentiles of a bounded stride sample, widened by 10%, so that a
     * few wild values cannot squeeze the populations into a handful of bins.
     */
    static double[] robustRange(float[] values, int n) {
        int m = Math.min(n, 20_000);
        float[] sample = new float[m];
        double stride = (double) n / m;
        for (int i = 0; i < m; i++) {
            sample[i] = values[(int) (i * stride)];
        }
        double q0 = OrderStatistics.quantile(sample, m, 0.0005);
        double q1 = OrderStatistics.quantile(sample, m, 0.9995);
        double pad = 0.1 * (q1 - q0);
        return new double[] {q0 - pad, q1 + pad};
    }

    private static double quantileOfCounts(double[] counts, int total, double lo, double width, double p) {
        double target = p * total;
        double cum = 0;
        for (int i = 0; i < counts.length; i++) {
            if (cum + counts[i] >= target && counts[i] > 0) {
                return lo + (i + (target - cum) / counts[i]) * width;
            }
            cum += counts[i];
        }
        return lo + counts.length * width;
    }

    /** Gaussian smoothing of binned counts, sigma in bins, truncated at 4 sigma (mass renormalised at the edges). */
    static double[] smooth(double[] counts, double sigmaBins) {
        int bins = counts.length;
        if (sigmaBins < 0.3) {
            return counts.clone();
        }
        int radius = (int) Math.ceil(4 * sigmaBins);
        double[] kernel = new double[2 * radius + 1];
        for (int j = -radius; j <= radius; j++) {
            kernel[j + radius] = Math.exp(-0.5 * (j / sigmaBins) * (j / sigmaBins));
        }
        double norm = 0;
        for (double k : kernel) {
            norm += k;
        }
        double[] out = new double[bins];
        for (int i = 0; i < bins; i++) {
            double c = counts[i];
            if (c == 0) {
                continue;
            }
            int from = Math.max(0, i - radius);
            int to = Math.min(bins - 1, i + radius);
            for (int t = from; t <= to; t++) {
                out[t] += c * kernel[t - i + radius] / norm;
            }
        }
        return out;
    }

    /** The grid point (bin centre) of bin i. */
    public double x(int i) {
        return lo + (i + 0.5) * width;
    }

    public double density(int i) {
        return density[i];
    }

    public double bandwidth() {
        return bandwidth;
    }

    public int n() {
        return n;
    }

    /** The bin whose centre is nearest to x, clamped to the grid. */
    public int binOf(double x) {
        int b = (int) Math.floor((x - lo) / width);
        return Math.max(0, Math.min(density.length - 1, b));
    }

    /**
     * Local maxima of the density at least {@code minRelativeHeight} of the highest one, highest first. A plateau
     * counts once, at its middle.
     */
    public List<Integer> peaks(double minRelativeHeight) {
        double max = Arrays.stream(density).max().orElse(0);
        List<Integer> out = new ArrayList<>();
        int i = 0;
        int bins = density.length;
        while (i < bins) {
            int j = i;
            while (j + 1 < bins && density[j + 1] == density[i]) {
                j++;
            }
            boolean leftLower = i == 0 || density[i - 1] < density[i];
            boolean rightLower = j == bins - 1 || density[j + 1] < density[i];
            if (leftLower && rightLower && density[i] > 0 && density[i] >= minRelativeHeight * max) {
                out.add((i + j) >>> 1);
            }
            i = j + 1;
        }
        out.sort((a, b) -> Double.compare(density[b], density[a]));
        return out;
    }

    /** The lowest point of the density between bins a and b (inclusive); the middle of a flat minimum. */
    public int valley(int a, int b) {
        int from = Math.min(a, b);
        int to = Math.max(a, b);
        double min = Double.POSITIVE_INFINITY;
        for (int i = from; i <= to; i++) {
            min = Math.min(min, density[i]);
        }
        // A gap with no events is flat at (near) zero: cut in its middle, not at its first bin.
        double tol = min + 1e-12 * Math.max(1, min);
        int first = -1;
        int last = -1;
        for (int i = from; i <= to; i++) {
            if (density[i] <= tol) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            } else if (first >= 0) {
                break;
            }
        }
        return (first + last) >>> 1;
    }
}
