package org.tregflow.gating.auto;

import org.tregflow.gating.Population;
import org.tregflow.transform.Selection;

/**
 * Quantiles by selection, never by a full sort. Small inputs use Hoare's quickselect (expected O(n)); large ones a
 * two-pass radix selection: a histogram of the top 16 bits of each value's order-preserving integer key (13 bits for
 * the medians of fewer events, {@link #FULL_BUCKETS_FROM}) locates the one or two buckets holding the wanted ranks,
 * then only the values of those buckets (a few hundred of a million, typically) go through quickselect. Medians of
 * many populations of the same events (a file's gates) share each column's bucket codes, nested gates' histograms
 * and one second pass ({@link #medians(float[][], java.util.List)}). Every route gives the same values: the wanted
 * order statistics are the same floats whichever way they are found. The methods may reorder the array they are
 * given; pass a copy when the order matters.
 */
public final class OrderStatistics {
    /** From this many values on, the radix selection beats quickselect (measured: OrderStatisticsBench). */
    static final int RADIX_MIN = 4096;
    /** Bits of a key that pick its bucket; also the shift that leaves them (32 - 16). */
    private static final int BUCKET_BITS = 16;
    private static final int NEGATIVE_ZERO = Float.floatToRawIntBits(-0f);

    private OrderStatistics() {
    }

    /** The k-th smallest (0-based) of the first n values; reorders them. */
    public static float select(float[] a, int n, int k) {
        return Selection.select(a, n, k);
    }

    /**
     * The p-quantile (0 <= p <= 1) of the first n values with linear interpolation between order statistics
     * (the "type 7" definition of R and numpy's default), NaN for n = 0; reorders the values.
     */
    public static double quantile(float[] a, int n, double p) {
        if (n == 0) {
            return Double.NaN;
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile " + p + " is not between 0 and 1");
        }
        if (n >= RADIX_MIN) {
            return radixQuantile(a, n, p);
        }
        return quickQuantile(a, n, p);
    }

    /**
     * Floats mapped to unsigned-ordered ints: flipping all bits of negatives and the sign bit of positives makes
     * integer order the numeric order (-0 just below +0, NaN above +Infinity).
     */
    private static int key(float v) {
        int bits = Float.floatToRawIntBits(v);
        return bits ^ ((bits >> 31) | 0x80000000);
    }

    /**
     * Histograms of 65,536 buckets (256 KB each) kept per thread instead of allocated, each use clearing what it
     * reads: a file's analysis takes about twenty quantiles (two per kernel density) and a dozen histograms for its
     * medians, 5 MB of the 25 MB of short-lived arrays a file otherwise left the collector whatever its size.
     */
    private static final ThreadLocal<int[][]> HISTOGRAMS = ThreadLocal.withInitial(() -> new int[0][]);

    /** {@code count} histograms of this thread, valid until its next call; their contents are left over. */
    private static int[][] histograms(int count) {
        int[][] kept = HISTOGRAMS.get();
        if (kept.length < count) {
            int[][] grown = java.util.Arrays.copyOf(kept, count);
            for (int i = kept.length; i < count; i++) {
                grown[i] = new int[1 << BUCKET_BITS];
            }
            HISTOGRAMS.set(grown);
            kept = grown;
        }
        return kept;
    }

    /** The radix quantile of the first n values of {@code a} (n >= 1, p checked). */
    private static double radixQuantile(float[] a, int n, double p) {
        int[] hist = histograms(1)[0];
        java.util.Arrays.fill(hist, 0);
        for (int i = 0; i < n; i++) {
            hist[key(a[i]) >>> BUCKET_BITS]++;
        }
        return fromHistogram(a, n, hist, p);
    }

    /**
     * From this many events in the union of the populations, {@link #medians} counts them in 65,536 radix buckets;
     * below, in 8,192 (the top 13 bits of the keys): clearing, summing and adding up a histogram per population and
     * column costs per bucket, however few the events. Measured (`AnalyzeCpuBench`, statistics stage, best and
     * median of 200 warm runs, 3 alternations): a 100,000-event file (72,000 in the union) 3 and 4 ms -> 2 and 3 ms,
     * its whole analysis best 44-48 -> 42-43 ms; 300,000 events best 6 -> 5-6 ms; 1,000,000 events 19 -> 21-23 ms
     * best with 8,192 buckets (2 alternations), so those keep 65,536.
     */
    static final int FULL_BUCKETS_FROM = 1 << 18;
    /** The shift of a key to its bucket among 8,192: the finite floats stay apart from the infinities there too. */
    private static final int COARSE_SHIFT = 19;

    /** The shift of a key to its bucket in {@link #medians} of populations holding this many events together. */
    static int bucketShift(long unionEvents) {
        return unionEvents >= FULL_BUCKETS_FROM ? BUCKET_BITS : COARSE_SHIFT;
    }

    /**
     * Medians of several columns over several populations of the same events (a file's gates): {@code
     * result[p][c]} is the median of column c's finite values at population p's events (NaN when there are none),
     * exactly what sorting them gives. Each column's radix bucket of
     * every event is computed once, as a 2-byte code: a population's histogram then reads codes through its bit
     * set (no gathered copy, no key computed twice; a gating tree's events are counted once each, in the smallest
     * gate holding them, and added up the tree; overlapping gates subtract from a superset's), and one second
     * pass over the union of the populations collects the values of every population's median bucket. For the
     * statistics stage (5 markers x 10 nested gates) this replaces 50 runs of gather, histogram and second pass
     * over the values.
     */
    public static double[][] medians(float[][] columns, java.util.List<Population> populations) {
        double[][] out = new double[populations.size()][columns.length];
        if (populations.isEmpty() || columns.length == 0) {
            return out;
        }
        int n = populations.get(0).size();
        for (Population p : populations) {
            if (p.size() != n) {
                throw new IllegalArgumentException("populations over " + n + " and " + p.size() + " events");
            }
        }
        int count = out.length;
        long[] counts = new long[count];
        long total = 0;
        long most = 0;
        for (int p = 0; p < count; p++) {
            counts[p] = populations.get(p).count();
            total += counts[p];
            most = Math.max(most, counts[p]);
        }
        if (total < (long) SELECTION_MEAN_MAX * count) {
            return bySelection(columns, populations, most, out);
        }
        // Every event of any population, once: the events the shared second pass looks at.
        long[] union = new long[Population.wordCount(n)];
        for (Population p : populations) {
            long[] w = p.words();
            for (int i = 0; i < union.length; i++) {
                union[i] |= w[i];
            }
        }
        // A gating tree (every two populations nested or disjoint): each event is counted once, in the histogram
        // of the smallest population holding it, and a population's histogram is its own events' plus its
        // children's (the default pipeline: 0.70 million histogram updates per column instead of 1.26 million).
        Forest forest = Forest.of(populations, counts, union);
        int shift = bucketShift(Population.count(union));
        int buckets = 1 << (32 - shift);
        // Otherwise (overlapping gates): a population inside an earlier, slightly larger one gets its histogram as
        // that one's minus the events between them (Singlets are Lymphocytes less a few dozen events). The plan,
        // chosen once for all columns: for each population the earlier superset with the smallest excess, when that
        // excess is smaller than the population itself.
        int[] from = new int[count];
        long[][] excess = new long[count][];
        java.util.Arrays.fill(from, -1);
        for (int p = 0; p < count && forest == null; p++) {
            long best = counts[p];
            for (int q = 0; q < p; q++) {
                long extra = counts[q] - counts[p];
                if (extra >= 0 && extra < best && contains(populations.get(q), populations.get(p))) {
                    best = extra;
                    from[p] = q;
                }
            }
            if (from[p] >= 0) {
                excess[p] = populations.get(from[p]).andNot(populations.get(p)).words();
            }
        }
        // Words may reach past the last event; the codes there stay 0, a non-finite bucket, and are never read
        // as values.
        char[] codes = new char[union.length * 64];
        // The populations' histograms (each filled below before it is read) and the buckets' wanted bits: this
        // thread's (see HISTOGRAMS).
        int[][] scratch = histograms(count + 1);
        int[][] hists = java.util.Arrays.copyOf(scratch, count);
        // Per bucket, the populations (32 at a time, as bits) whose median lies in it.
        int[] wanted = scratch[count];
        java.util.Arrays.fill(wanted, 0, buckets, 0);
        Median[] medians = new Median[count];
        for (int c = 0; c < columns.length; c++) {
            float[] column = columns[c];
            for (int e = 0; e < n; e++) {
                codes[e] = (char) (key(column[e]) >>> shift);
            }
            for (int p = 0; p < count; p++) {
                // One histogram per population, reused column after column (50 of 256 KB a file otherwise).
                int[] hist = hists[p];
                if (forest != null) {
                    java.util.Arrays.fill(hist, 0, buckets, 0);
                    countCodes(codes, forest.own[p], hist, 1);
                } else if (from[p] >= 0) {
                    System.arraycopy(hists[from[p]], 0, hist, 0, buckets);
                    countCodes(codes, excess[p], hist, -1);
                } else {
                    java.util.Arrays.fill(hist, 0, buckets, 0);
                    countCodes(codes, populations.get(p).words(), hist, 1);
                }
            }
            if (forest != null) {
                forest.addChildrenToParents(hists, buckets);
            }
            for (int p = 0; p < count; p++) {
                medians[p] = Median.of(hists[p], shift);
            }
            // One second pass for all populations: an event of the union is looked at only when its bucket holds
            // some population's median, and kept for those populations it belongs to.
            for (int group = 0; group < count; group += 32) {
                int end = Math.min(count, group + 32);
                for (int p = group; p < end; p++) {
                    if (medians[p] != null) {
                        for (int b = medians[p].first; b <= medians[p].last; b++) {
                            wanted[b] |= 1 << (p - group);
                        }
                    }
                }
                for (int w = 0; w < union.length; w++) {
                    long bits = union[w];
                    int base = w << 6;
                    while (bits != 0) {
                        int e = base + Long.numberOfTrailingZeros(bits);
                        int who = wanted[codes[e]];
                        while (who != 0) {
                            int p = group + Integer.numberOfTrailingZeros(who);
                            if ((populations.get(p).words()[w] & (1L << e)) != 0) {
                                medians[p].add(column[e]);
                            }
                            who &= who - 1;
                        }
                        bits &= bits - 1;
                    }
                }
                for (int p = group; p < end; p++) {
                    if (medians[p] != null) {
                        for (int b = medians[p].first; b <= medians[p].last; b++) {
                            wanted[b] = 0;
                        }
                    }
                    out[p][c] = medians[p] == null ? Double.NaN : medians[p].value();
                }
            }
        }
        return out;
    }

    /**
     * Below this mean population size {@link #medians} selects each population's values instead of counting
     * histograms, which cost two passes over 65,536 buckets per population and column however few the events.
     * Measured (AnalyzeCpuBench, statistics stage, 5 markers x 10 gates): a 16,000-event file 2 -> 1 ms (C2) and
     * 8 -> 3 ms (C1, a small run's compiler); at 50,000 events the histograms win, 2 ms against 3.
     */
    static final int SELECTION_MEAN_MAX = 8192;

    /**
     * {@link #medians} population by population: each one's finite values gathered and selected, the same
     * values as the histogram route, signed zeros included (see {@code Bracket.signedZero}).
     */
    static double[][] bySelection(float[][] columns, java.util.List<Population> populations, long most,
                                  double[][] out) {
        float[] values = new float[(int) most];
        for (int c = 0; c < columns.length; c++) {
            float[] column = columns[c];
            for (int p = 0; p < out.length; p++) {
                out[p][c] = quantile(values, Gather.into(column, populations.get(p), values), 0.5);
            }
        }
        return out;
    }

    /**
     * Populations that nest or are disjoint, as a forest: each one's parent is the smallest population holding it
     * (of equal sets, the one listed first), and {@code own} holds the events of a population in none of its
     * children, so every event of the union is in exactly one {@code own}.
     */
    static final class Forest {
        final int[] parent;
        final long[][] own;
        /** Populations from the largest to the smallest (children after their parents). */
        private final int[] order;

        private Forest(int[] parent, long[][] own, int[] order) {
            this.parent = parent;
            this.own = own;
            this.order = order;
        }

        /**
         * The forest, or null when two of the populations overlap without one holding the other. The test: with
         * each population's parent its smallest superset, the {@code own} sets count every event once exactly when
         * the populations holding it form a chain; an event of two overlapping ones is counted twice.
         */
        static Forest of(java.util.List<Population> populations, long[] counts, long[] union) {
            int k = populations.size();
            Integer[] byCount = new Integer[k];
            for (int p = 0; p < k; p++) {
                byCount[p] = p;
            }
            java.util.Arrays.sort(byCount, (a, b) -> counts[a] != counts[b] ? Long.compare(counts[b], counts[a])
                    : Integer.compare(a, b));
            int[] order = new int[k];
            int[] parent = new int[k];
            for (int i = 0; i < k; i++) {
                int p = byCount[i];
                order[i] = p;
                parent[p] = -1;
                // Supersets come earlier; in a forest they form a chain, whose last member is the smallest.
                for (int j = i - 1; j >= 0; j--) {
                    if (contains(populations.get(order[j]), populations.get(p))) {
                        parent[p] = order[j];
                        break;
                    }
                }
            }
            long[][] own = new long[k][];
            for (int p = 0; p < k; p++) {
                own[p] = populations.get(p).words().clone();
            }
            for (int p = 0; p < k; p++) {
                if (parent[p] >= 0) {
                    long[] w = populations.get(p).words();
                    long[] up = own[parent[p]];
                    for (int i = 0; i < w.length; i++) {
                        up[i] &= ~w[i];
                    }
                }
            }
            long owned = 0;
            for (long[] o : own) {
                owned += Population.count(o);
            }
            return owned == Population.count(union) ? new Forest(parent, own, order) : null;
        }

        /**
         * Adds each population's histogram (its first {@code buckets}) to its parent's, children first: then each
         * holds all its events.
         */
        void addChildrenToParents(int[][] hists, int buckets) {
            for (int i = order.length - 1; i >= 0; i--) {
                int p = order[i];
                if (parent[p] >= 0) {
                    int[] from = hists[p];
                    int[] to = hists[parent[p]];
                    for (int b = 0; b < buckets; b++) {
                        to[b] += from[b];
                    }
                }
            }
        }
    }

    /**
     * Where quantile p of m histogrammed values lies: ranks lo and lo + 1 (h = (m - 1) p between them), in buckets
     * first..last (the next non-empty bucket when rank lo ends its bucket), which hold {@code size} values, the
     * {@code below} smaller ones lying in earlier buckets.
     */
    private record Bracket(int m, double h, int lo, int below, int first, int last, int size) {
        /** Buckets summed at a time while looking for the bracket. */
        private static final int SKIP = 256;

        /** Buckets are searched from {@code start} (the first bucket that counts toward m). */
        static Bracket of(int[] hist, int start, int m, double p) {
            double h = (m - 1) * p;
            int lo = (int) Math.floor(h);
            int hiRank = Math.min(lo + 1, m - 1);
            int below = 0;
            int first = start;
            // Whole blocks of buckets that end below rank lo first (a vectorised sum each): the bucket-by-bucket
            // walk to a median in the upper half of a 65,536-bucket table was a chain of 40,000 dependent adds.
            for (int end = (first | (SKIP - 1)) + 1; end <= hist.length; end += SKIP) {
                int inBlock = 0;
                for (int b = first; b < end; b++) {
                    inBlock += hist[b];
                }
                if (below + inBlock > lo) {
                    break;
                }
                below += inBlock;
                first = end;
            }
            while (below + hist[first] <= lo) {
                below += hist[first++];
            }
            int last = first;
            int upTo = below + hist[first];
            while (upTo <= hiRank) {
                upTo += hist[++last];
            }
            return new Bracket(m, h, lo, below, first, last, upTo - below);
        }

        /** The quantile, from the {@code k} values of the bracket's buckets (reordered). */
        double value(float[] values, int k) {
            // Ranks lo and lo + 1 of all values are ranks lo - below and lo + 1 - below of the bucket's values.
            int r = lo - below;
            float lower = select(values, k, r);
            if (lower == 0) {
                lower = signedZero(values, k, r);
            }
            if (lo + 1 >= m || h == lo) {
                return lower;
            }
            float upper = Float.POSITIVE_INFINITY;
            for (int i = r + 1; i < k; i++) {
                if (values[i] < upper) {
                    upper = values[i];
                }
            }
            if (upper == 0) {
                upper = signedZero(values, k, r + 1);
            }
            return lower + (h - lo) * ((double) upper - lower);
        }

        /**
         * The zero of rank {@code rank} among the values: -0 or +0 as sorting orders them (-0 first). Selection
         * compares the two as equal, so which one it returned depended on the order the values came in, which
         * differs between routes; a zero order statistic is rare, and one count settles it.
         */
        private static float signedZero(float[] values, int k, int rank) {
            int belowPositiveZero = 0;
            for (int i = 0; i < k; i++) {
                belowPositiveZero += values[i] < 0 || Float.floatToRawIntBits(values[i]) == NEGATIVE_ZERO ? 1 : 0;
            }
            return rank < belowPositiveZero ? -0f : 0f;
        }
    }

    /** A population's median located by its histogram: the bucket(s) holding it and, after the pass, their values. */
    private static final class Median {
        final Bracket bracket;
        final int first;
        final int last;
        final float[] values;
        int k;

        private Median(Bracket bracket) {
            this.bracket = bracket;
            this.first = bracket.first();
            this.last = bracket.last();
            this.values = new float[bracket.size()];
        }

        /**
         * From a histogram of keys shifted right by {@code shift} (entries past its buckets may be left over from
         * other calls: the bracket lies before them); null when the population has no finite value.
         */
        static Median of(int[] hist, int shift) {
            int first = key(-Float.MAX_VALUE) >>> shift;
            int last = key(Float.MAX_VALUE) >>> shift;
            int m = 0;
            for (int b = first; b <= last; b++) {
                m += hist[b];
            }
            return m == 0 ? null : new Median(Bracket.of(hist, first, m, 0.5));
        }

        void add(float v) {
            values[k++] = v;
        }

        double value() {
            return bracket.value(values, k);
        }
    }

    /** Whether every event of {@code inner} is in {@code outer}. */
    private static boolean contains(Population outer, Population inner) {
        long[] o = outer.words();
        long[] i = inner.words();
        for (int w = 0; w < i.length; w++) {
            if ((i[w] & ~o[w]) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Adds {@code delta} to the histogram bucket of every event set in {@code words}. */
    private static void countCodes(char[] codes, long[] words, int[] hist, int delta) {
        for (int w = 0; w < words.length; w++) {
            long bits = words[w];
            int base = w << 6;
            while (bits != 0) {
                hist[codes[base + Long.numberOfTrailingZeros(bits)]] += delta;
                bits &= bits - 1;
            }
        }
    }

    /** Second pass: the values of the bucket(s) holding ranks lo and lo + 1, then quickselect among them. */
    private static double fromHistogram(float[] a, int m, int[] hist, double p) {
        Bracket bracket = Bracket.of(hist, 0, m, p);
        int first = bracket.first();
        float[] bucket = new float[bracket.size()];
        int k = 0;
        // One unsigned comparison tests first <= b <= last; written as a signed one of sign-flipped values, as
        // Integer.compareUnsigned's three-way result costs this loop extra branches on JDK 17.
        int width = (bracket.last() - first) ^ Integer.MIN_VALUE;
        for (int i = 0; i < m; i++) {
            float v = a[i];
            if ((((key(v) >>> BUCKET_BITS) - first) ^ Integer.MIN_VALUE) <= width) {
                bucket[k++] = v;
            }
        }
        return bracket.value(bucket, k);
    }

    /** Quickselect form of {@link #quantile(float[], int, double)} (n >= 1, p checked). */
    static double quickQuantile(float[] a, int n, double p) {
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        // All n values as one bracket: nothing below it, ranks lo and lo + 1 selected among them.
        return new Bracket(n, h, lo, 0, 0, 0, n).value(a, n);
    }

    /** The median of the first n values (mean of the middle two for even n), NaN for n = 0; reorders them. */
    public static double median(float[] a, int n) {
        return quantile(a, n, 0.5);
    }


    /**
     * {median, spread} of the first n values (n >= 1): the spread is their median absolute deviation from the
     * median, times 1.4826 so that it estimates sigma for normal data. Overwrites the values (with the deviations).
     */
    public static double[] medianAndSpread(float[] values, int n) {
        double median = median(values, n);
        for (int i = 0; i < n; i++) {
            values[i] = (float) Math.abs(values[i] - median);
        }
        return new double[] {median, 1.4826 * median(values, n)};
    }
}
