package org.tregflow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The sheet's own number and name formatting gives what String.format and the regular expressions gave. */
class SheetTextTest {
    private static void fixedAsFormat(double v) {
        for (int decimals = 0; decimals <= 4; decimals++) {
            assertEquals(String.format(Locale.ROOT, "%." + decimals + "f", v), SheetText.fixed(v, decimals),
                    "%." + decimals + "f of " + v);
        }
    }

    @Test
    void fixedDecimalsAsTheFormatterRoundsThem() {
        double[] special = {0, -0.0, 0.5, 1.5, 2.5, 0.125, 0.375, 1.005, 2.675, 9.995, 9.9999, 99.95, 99.995, 0.00005,
            0.00015, 1e-5, 4.9999e-5, 5e-5, 123456.78945, 1e7, 1.2345e7, 1e22, 1e23, 12345678901234567890.0,
            Double.MIN_VALUE, Double.MAX_VALUE, 21.76268737583529, 3.834832775803916, 99.99319245891162, -1.25,
            -0.004, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double v : special) {
            fixedAsFormat(v);
        }
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 20_000; i++) {
            // Every magnitude a tick or a percentage takes, and ties at the decimals rounded to.
            fixedAsFormat(Math.scalb(rng.nextDouble(), rng.nextInt(-20, 40)));
            fixedAsFormat(rng.nextInt(100_000) / Math.pow(10, rng.nextInt(1, 7)));
            fixedAsFormat(rng.nextInt(1000) / 8.0);
        }
    }

    @Test
    void countsWithThousandsSeparators() {
        for (long n : new long[] {0, 7, 999, 1000, 12345, 999_999, 1_000_000, 1_040_256, Long.MAX_VALUE, -1,
            -1000, -123_456_789, Long.MIN_VALUE}) {
            assertEquals(String.format(Locale.ROOT, "%,d", n), SheetText.grouped(n), Long.toString(n));
        }
    }

    @Test
    void namesKeepOnlyWhatFileNamesAndElementIdsAllow() {
        for (String s : new String[] {"CD25hi Treg", "CD4+", "NK cells", "a/b\\c", "..hidden", "é ü ß", "x.y-z_1",
            "", "\t\n", " P01 V0 ",
            "P01 \uD83D\uDE00 V0", "\uD840\uDC0B.txt", "lone \uD83D surrogate"}) {
            assertEquals(s.replaceAll("[^A-Za-z0-9_-]", "_"), SheetPainter.idOf(s), s);
            String stem = s.strip().replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "_");
            assertEquals(stem.isEmpty() ? "sample" : stem, GatingSheet.fileStem(s), s);
        }
    }
}
