package org.tregflow.report;

import java.awt.image.BufferedImage;

/**
 * The raster a gating sheet's PNG is drawn on, kept from one sheet to the next by whoever draws them one after
 * another (a batch worker): a sheet of a 1M-event file is a 1408 x 1156 RGB image, 6.5 MB, which a worker otherwise
 * allocated anew for every file and which was often still being encoded when the young generation was collected,
 * so it went on to the old generation as garbage. Over a batch of 48 files (Java 17, 2 workers) kept canvases cut
 * the full collections by about a fifth (the figures are in the README's Performance section).
 *
 * <p>The PNG is drawn on a thread of its own: a sheet that failed half-way may leave it still drawing, so the
 * raster is lent and given back, and a sheet that finds it still lent draws on a new one.
 */
public final class SheetCanvas {
    private BufferedImage kept;
    private boolean lent;

    /** A canvas that keeps its raster for the next sheet of the same size. */
    public SheetCanvas() {
    }

    /** A {@code width x height} RGB image to draw on (its old pixels are not cleared); give it back when done. */
    synchronized BufferedImage lend(int width, int height) {
        if (lent) {
            return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        }
        if (kept == null || kept.getWidth() != width || kept.getHeight() != height) {
            kept = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        }
        lent = true;
        return kept;
    }

    /** Ends the loan of an image {@link #lend} gave. */
    synchronized void giveBack(BufferedImage image) {
        if (image == kept) {
            lent = false;
        }
    }
}
