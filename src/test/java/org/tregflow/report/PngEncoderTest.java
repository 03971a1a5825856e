package org.tregflow.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Our PNG bytes decoded by an independent decoder (ImageIO's) give back exactly the pixels encoded. */
class PngEncoderTest {
    private static BufferedImage image(int type, int w, int h, boolean transparentHoles) {
        BufferedImage img = new BufferedImage(w, h, type);
        SplittableRandom rnd = new SplittableRandom(42);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // smooth areas, hard edges and noise: every filter branch (a, b, c predictors) gets exercised
                int smooth = ((x * 255 / w) << 16) | ((y * 255 / h) << 8) | ((x + y) & 0xFF);
                int v = (x / 7 + y / 5) % 3 == 0 ? rnd.nextInt(1 << 24) : smooth;
                int alpha = transparentHoles && (x * y) % 11 == 0 ? 0 : 0xFF;
                img.setRGB(x, y, (alpha << 24) | v);
            }
        }
        return img;
    }

    private static void assertRoundTrip(BufferedImage img, boolean alpha, int filter, int level) throws IOException {
        byte[] png = PngEncoder.encode(img, alpha, filter, level);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(back, "decodes");
        assertEquals(img.getWidth(), back.getWidth());
        assertEquals(img.getHeight(), back.getHeight());
        int[] want = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        int[] got = back.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        if (!alpha) {
            for (int i = 0; i < want.length; i++) {
                want[i] |= 0xFF000000;
            }
        } else {
            for (int i = 0; i < want.length; i++) {
                // a fully transparent pixel's colour is irrelevant; compare what a viewer shows
                if ((want[i] >>> 24) == 0) {
                    want[i] = 0;
                    got[i] = (got[i] >>> 24) == 0 ? 0 : got[i];
                }
            }
        }
        assertArrayEquals(want, got, "filter " + filter + " level " + level + (alpha ? " RGBA" : " RGB"));
    }

    @Test
    void everyFilterRoundTripsRgbAndRgba() throws IOException {
        for (int filter : new int[] {PngEncoder.SUB, PngEncoder.UP, PngEncoder.PAETH}) {
            assertRoundTrip(image(BufferedImage.TYPE_INT_RGB, 97, 61, false), false, filter, 1);
            assertRoundTrip(image(BufferedImage.TYPE_INT_ARGB, 64, 64, true), true, filter, 6);
        }
    }

    @Test
    void indexedImagesKeepTheirPaletteAndTransparency() throws IOException {
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        byte[] a = new byte[256];
        for (int i = 1; i < 256; i++) {
            r[i] = (byte) i;
            g[i] = (byte) (255 - i);
            b[i] = (byte) (i * 7);
            a[i] = (byte) 0xFF;
        }
        BufferedImage img = new BufferedImage(70, 40, BufferedImage.TYPE_BYTE_INDEXED,
                new java.awt.image.IndexColorModel(8, 256, r, g, b, a));
        byte[] idx = new byte[70 * 40];
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < idx.length; i++) {
            idx[i] = (byte) (i % 13 == 0 ? 0 : (i / 70 + i % 70) % 2 == 0 ? rnd.nextInt(256) : i % 256);
        }
        img.getRaster().setDataElements(0, 0, 70, 40, idx);
        for (int filter : new int[] {PngEncoder.SUB, PngEncoder.UP, PngEncoder.PAETH}) {
            assertRoundTrip(img, true, filter, 2);
        }
        byte[] png = PngEncoder.encode(img, true);
        assertEquals(3, png[8 + 8 + 9], "IHDR colour type 3 (indexed)");
    }

    @Test
    void imagesNotBackedByAnIntArrayToo() throws IOException {
        // TYPE_3BYTE_BGR takes the getRGB path instead of the pixel array
        assertRoundTrip(image(BufferedImage.TYPE_3BYTE_BGR, 33, 17, false), false, PngEncoder.UP, 2);
    }

    @Test
    void defaultEncodingRoundTripsAndIsDeterministic() throws IOException {
        BufferedImage img = image(BufferedImage.TYPE_INT_ARGB, 256, 256, true);
        byte[] a = PngEncoder.encode(img, true);
        assertArrayEquals(a, PngEncoder.encode(img, true));
        assertRoundTrip(img, true, PngEncoder.UP, PngEncoder.LEVEL);
    }
}
