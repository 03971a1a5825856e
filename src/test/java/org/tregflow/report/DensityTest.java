package org.tregflow.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.tregflow.gating.Population;

/** The density images reuse their working arrays per thread: what a panel drew before must not show in the next. */
class DensityTest {
    private static final int N = 50_000;
    private static final Axis UNIT = new Axis(null, "x", 0, 1, List.of());

    private static byte[] pixels(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    @Test
    void aPanelDrawnAfterAnotherIsTheSameAsDrawnAlone() throws Exception {
        SplittableRandom rng = new SplittableRandom(9);
        float[] xs = new float[N];
        float[] ys = new float[N];
        Population everywhere = Population.none(N);
        Population cluster = Population.none(N);
        for (int i = 0; i < N; i++) {
            boolean inCluster = i % 5 == 0;
            xs[i] = (float) (inCluster ? 0.3 + 0.02 * rng.nextGaussian() : rng.nextDouble());
            ys[i] = (float) (inCluster ? 0.6 + 0.01 * rng.nextGaussian() : rng.nextDouble());
            everywhere.add(i);
            if (inCluster) {
                cluster.add(i);
            }
        }
        // Alone: a thread that never drew a panel.
        AtomicReference<byte[]> alone = new AtomicReference<>();
        Thread fresh = new Thread(() -> alone.set(pixels(Density.pseudocolor(xs, ys, cluster, UNIT, UNIT, 256))));
        fresh.start();
        fresh.join();
        // After a panel whose dots fill every row and column.
        byte[] before = pixels(Density.pseudocolor(xs, ys, everywhere, UNIT, UNIT, 256));
        byte[] after = pixels(Density.pseudocolor(xs, ys, cluster, UNIT, UNIT, 256));
        assertArrayEquals(alone.get(), after);
        int drawnBefore = 0;
        int drawnAfter = 0;
        for (int k = 0; k < before.length; k++) {
            drawnBefore += before[k] != 0 ? 1 : 0;
            drawnAfter += after[k] != 0 ? 1 : 0;
        }
        assertTrue(drawnBefore > 25_000 && drawnAfter < 2_000, drawnBefore + " and " + drawnAfter + " pixels drawn");
    }
}
