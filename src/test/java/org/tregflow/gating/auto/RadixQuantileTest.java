package org.tregflow.gating.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tregflow.gating.Population;
import org.tregflow.gating.TestPopulations;

/** The radix selection (large inputs, populations) must give exactly what sorting and quickselect give. */
class RadixQuantileTest {
    private static final double[] PS = {0, 0.0005, 0.05, 0.25, 0.5, 0.75, 0.9995, 1};

    /** Type-7 quantile from a full sort: the independent reference. */
    private static double sorted(float[] values, double p) {
        float[] s = values.clone();
        Arrays.sort(s);
        double h = (s.length - 1) * p;
        int lo = (int) Math.floor(h);
        return lo + 1 >= s.length || h == lo ? s[lo] : s[lo] + (h - lo) * ((double) s[lo + 1] - s[lo]);
    }

    /** The median of the population's finite values of {@code column} by a full sort, NaN when there are none. */
    private static double sortedMedian(float[] column, Population p) {
        float[] finite = new float[(int) p.count()];
        int m = 0;
        for (float v : Gather.values(column, p)) {
            if (Float.isFinite(v)) {
                finite[m++] = v;
            }
        }
        return m == 0 ? Double.NaN : sorted(Arrays.copyOf(finite, m), 0.5);
    }

    private static float[] data(SplittableRandom rng, int n, int kind) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = switch (kind) {
                // Compensated intensities: mostly positive log-normal, a negative spread around zero.
                case 0 -> i % 4 == 0 ? (float) (rng.nextGaussian() * 120) : (float) Math.exp(4 + 2 * rng.nextGaussian());
                // Heavy ties: every value in one radix bucket or a few.
                case 1 -> rng.nextInt(7);
                // Values in [0, 1] (transformed scale), finely spread.
                case 2 -> (float) rng.nextDouble();
                // Signed zeros among a few other values: medians that are zeros, of either sign.
                case 3 -> new float[] {-0f, 0f, -0f, 0f, -1f, 1f}[rng.nextInt(6)];
                default -> 1000f;
            };
        }
        return a;
    }

    @Test
    void largeArraysGiveTheSortedQuantileExactly() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int kind = 0; kind < 5; kind++) {
            for (int n : new int[] {OrderStatistics.RADIX_MIN, 10_000, 100_001, 262_144}) {
                float[] a = data(rng, n, kind);
                for (double p : PS) {
                    double expected = sorted(a, p);
                    assertEquals(expected, OrderStatistics.quantile(a.clone(), n, p), "kind " + kind + " n " + n + " p " + p);
                    assertEquals(expected, OrderStatistics.quickQuantile(a.clone(), n, p), "quickselect, kind " + kind);
                }
            }
        }
    }

    @Test
    void populationMediansEqualMediansOfGatheredValues() {
        SplittableRandom rng = new SplittableRandom(5);
        int n = 300_007;
        float[] column = data(rng, n, 0);
        column[17] = Float.NaN;
        column[18] = Float.POSITIVE_INFINITY;
        column[19] = Float.NEGATIVE_INFINITY;
        for (double fraction : new double[] {1, 0.6, 0.01, 0.00002, 0}) {
            Population within = Population.none(n);
            for (int i = 0; i < n; i++) {
                if (rng.nextDouble() < fraction || (fraction > 0 && i >= 17 && i <= 19)) {
                    within.add(i);
                }
            }
            float[] gathered = Gather.values(column, within);
            double quick = gathered.length == 0 ? Double.NaN : OrderStatistics.quickQuantile(gathered, gathered.length, 0.5);
            float[] other = data(rng, n, 2);
            double[] both = OrderStatistics.medians(new float[][] {column, other}, java.util.List.of(within))[0];
            assertEquals(quick, both[0], "fraction " + fraction);
            float[] gatheredOther = Gather.values(other, within);
            assertEquals(gatheredOther.length == 0 ? Double.NaN : sorted(gatheredOther, 0.5), both[1]);
        }
    }

    /**
     * The shared-codes route for many populations must give, bit for bit, what sorting each population's finite
     * values gives: nested gates (taking the histogram from a superset), overlapping but not nested ones, an
     * empty one, a tiny one, and columns with NaN, infinities, ties and -0.
     */
    @ParameterizedTest(name = "{0} events")
    @ValueSource(ints = {200_003, 400_009})
    void mediansOfManyPopulationsEqualSortedMedians(int n) {
        SplittableRandom rng = new SplittableRandom(23);
        float[][] columns = {data(rng, n, 0), data(rng, n, 1), data(rng, n, 2), data(rng, n, 3)};
        columns[0][3] = Float.NaN;
        columns[0][4] = Float.NEGATIVE_INFINITY;
        columns[1][5] = Float.POSITIVE_INFINITY;
        columns[2][6] = -0f;
        Population outer = Population.none(n);
        for (int i = 0; i < n; i++) {
            if (rng.nextDouble() < 0.7 || i < 8) {
                outer.add(i);
            }
        }
        java.util.List<Population> pops = new java.util.ArrayList<>();
        pops.add(outer);
        pops.add(TestPopulations.thin(outer, 0.9995, rng));       // nearly all of its parent: histogram by subtraction
        pops.add(TestPopulations.thin(pops.get(1), 0.6, rng));    // nested, larger than its excess
        pops.add(TestPopulations.thin(pops.get(2), 0.3, rng));    // nested, smaller than its excess: counted directly
        pops.add(TestPopulations.thin(Population.all(n), 0.5, rng)); // overlaps the others, inside none
        pops.add(TestPopulations.thin(pops.get(3), 0.0005, rng)); // a handful of events
        pops.add(Population.none(n));
        // The smaller file's union is counted in 8,192 buckets, the larger one's in 65,536.
        Population union = Population.none(n);
        for (Population p : pops) {
            union = union.or(p);
        }
        assertEquals(n < 300_000 ? 19 : 16, OrderStatistics.bucketShift(union.count()), "buckets for " + n);
        double[][] got = OrderStatistics.medians(columns, pops);
        for (int p = 0; p < pops.size(); p++) {
            double[] alone = OrderStatistics.medians(columns, java.util.List.of(pops.get(p)))[0];
            for (int c = 0; c < columns.length; c++) {
                assertEquals(sortedMedian(columns[c], pops.get(p)), got[p][c], "population " + p + " column " + c);
                assertEquals(alone[c], got[p][c], "population " + p + " column " + c + ", measured alone");
            }
        }
    }

    /**
     * A gating tree (nested or disjoint, as the default pipeline's gates are) is counted as a forest, each event
     * once: the medians are still those of sorting, with siblings that split their parent, a gate keeping all of
     * its parent (two equal populations), an empty gate and a second root. A gate overlapping another without
     * nesting takes the general plan.
     */
    @Test
    void gatingTreeCountedOnceAsAForest() {
        SplittableRandom rng = new SplittableRandom(31);
        int n = 100_003;
        float[][] columns = {data(rng, n, 0), data(rng, n, 1)};
        Population lymphocytes = TestPopulations.thin(Population.all(n), 0.7, rng);
        Population singlets = lymphocytes.and(lymphocytes);                   // every lymphocyte a singlet
        Population tCells = TestPopulations.thin(singlets, 0.65, rng);
        Population others = singlets.andNot(tCells);
        Population nk = TestPopulations.thin(others, 0.4, rng);               // a sibling of T cells, disjoint
        Population cd4 = TestPopulations.thin(tCells, 0.6, rng);
        Population treg = TestPopulations.thin(cd4, 0.05, rng);
        Population debris = Population.all(n).andNot(lymphocytes);            // a second root
        java.util.List<Population> tree = java.util.List.of(lymphocytes, singlets, tCells, cd4, treg, nk,
                Population.none(n), debris);
        long[] counts = tree.stream().mapToLong(Population::count).toArray();
        long[] union = Population.all(n).words();
        OrderStatistics.Forest forest = OrderStatistics.Forest.of(tree, counts, union);
        assertNotNull(forest, "a gating tree is a forest");
        assertEquals(0, forest.parent[1], "Singlets (equal to Lymphocytes, listed after it) under Lymphocytes");
        assertEquals(1, forest.parent[2]);
        assertEquals(1, forest.parent[5], "NK cells beside T cells");
        assertEquals(-1, forest.parent[7], "debris is a root");
        assertEquals(0, Population.count(forest.own[0]), "Lymphocytes' events all belong to Singlets");
        double[][] got = OrderStatistics.medians(columns, tree);
        for (int p = 0; p < tree.size(); p++) {
            for (int c = 0; c < columns.length; c++) {
                assertEquals(sortedMedian(columns[c], tree.get(p)), got[p][c], "population " + p + " column " + c);
            }
        }
        java.util.List<Population> overlapping = java.util.List.of(lymphocytes, tCells,
                TestPopulations.thin(lymphocytes, 0.5, rng));
        assertNull(OrderStatistics.Forest.of(overlapping,
                overlapping.stream().mapToLong(Population::count).toArray(), lymphocytes.words()));
    }

    /** Quickselect on small arrays orders -0 before +0 as sorting does, whatever order the zeros come in. */
    @Test
    void smallArraysGiveSignedZerosAsSortingDoes() {
        SplittableRandom rng = new SplittableRandom(13);
        for (int n = 1; n < 200; n++) {
            float[] a = data(rng, n, 3);
            for (double p : PS) {
                assertEquals(sorted(a, p), OrderStatistics.quantile(a.clone(), n, p), "n " + n + " p " + p);
            }
        }
    }

    /**
     * Populations too small for histograms to pay (a 16,000-event file) are selected one by one, and give what
     * sorting gives; on larger ones both routes give the same bits, signed zeros, ties, NaN and infinities
     * included.
     */
    @Test
    void selectedPopulationsGiveTheHistogramsMedians() {
        SplittableRandom rng = new SplittableRandom(37);
        for (int n : new int[] {16_001, 120_007}) {
            float[][] columns = {data(rng, n, 0), data(rng, n, 1), data(rng, n, 3)};
            columns[0][1] = Float.NaN;
            columns[1][2] = Float.NEGATIVE_INFINITY;
            columns[2][3] = Float.POSITIVE_INFINITY;
            Population lymphocytes = TestPopulations.thin(Population.all(n), 0.75, rng);
            Population tCells = TestPopulations.thin(lymphocytes, 0.6, rng);
            Population cd4 = TestPopulations.thin(tCells, 0.6, rng);
            Population treg = TestPopulations.thin(cd4, 0.04, rng);
            Population nk = TestPopulations.thin(lymphocytes.andNot(tCells), 0.3, rng);
            java.util.List<Population> tree = java.util.List.of(lymphocytes, tCells, cd4, treg, nk,
                    TestPopulations.thin(treg, 0.02, rng), Population.none(n));
            long total = tree.stream().mapToLong(Population::count).sum();
            long most = tree.stream().mapToLong(Population::count).max().orElseThrow();
            boolean small = total < (long) OrderStatistics.SELECTION_MEAN_MAX * tree.size();
            assertEquals(n < 50_000, small, "the route taken for " + n + " events");
            double[][] got = OrderStatistics.medians(columns, tree);
            // On the larger file medians() took the histograms: selection must give their bits.
            double[][] selected = small ? null
                    : OrderStatistics.bySelection(columns, tree, most, new double[tree.size()][columns.length]);
            for (int p = 0; p < tree.size(); p++) {
                for (int c = 0; c < columns.length; c++) {
                    String where = n + " events, population " + p + " column " + c;
                    assertEquals(sortedMedian(columns[c], tree.get(p)), got[p][c], where);
                    if (selected != null) {
                        assertEquals(got[p][c], selected[p][c], where + ", selected");
                    }
                }
            }
        }
    }

    /** More populations than one pass handles at a time (32), some sharing median buckets. */
    @Test
    void mediansOfFortyPopulationsEqualSortedMedians() {
        SplittableRandom rng = new SplittableRandom(29);
        int n = 30_011;
        float[][] columns = {data(rng, n, 0), data(rng, n, 1)};
        java.util.List<Population> pops = new java.util.ArrayList<>();
        Population parent = Population.all(n);
        for (int p = 0; p < 40; p++) {
            Population next = TestPopulations.thin(p % 5 == 0 ? Population.all(n) : parent, 0.3 + 0.7 * rng.nextDouble(), rng);
            pops.add(next);
            parent = next;
        }
        double[][] got = OrderStatistics.medians(columns, pops);
        for (int p = 0; p < pops.size(); p++) {
            for (int c = 0; c < columns.length; c++) {
                assertEquals(sortedMedian(columns[c], pops.get(p)), got[p][c], "population " + p + " column " + c);
            }
        }
    }

}
