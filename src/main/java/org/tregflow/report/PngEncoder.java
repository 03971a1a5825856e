package org.tregflow.report;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A minimal PNG writer (8-bit RGB, RGBA or indexed, one filter for every row, fast deflate) used for both the dots of the
 * SVG and the whole-sheet PNG. ImageIO's writer tries every filter on every row at a high deflate level and took
 * most of a sheet's time (and loading ImageIO costs every run a plug-in registry scan); plots are flat colour and
 * smooth densities, for which one fixed filter and a low level compress nearly as well at a fraction of the cost.
 * The output depends only on the pixels, so the same sheet is the same bytes on every run.
 */
final class PngEncoder {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** Filter type Sub: each byte minus the same channel of the pixel to its left. */
    static final int SUB = 1;
    /** Filter type Up: each byte minus the same byte of the row above. */
    static final int UP = 2;
    /** Filter type Paeth: minus the left, upper or upper-left byte, whichever predicts best. */
    static final int PAETH = 4;
    /**
     * Deflate level 2 with the Up filter: on a 1M-event sheet (1408 x 1156 RGB) 272 KB in ~17 ms, against 298 KB
     * with Sub at level 1 and 244 KB at level 6 in twice the time; ImageIO's writer took ~156 ms for the seven
     * 256 x 256 dot images alone (measured in one warm JVM, best of 15).
     */
    static final int LEVEL = 2;

    private PngEncoder() {
    }

    static byte[] encode(BufferedImage image, boolean alpha) {
        return encode(image, alpha, UP, LEVEL);
    }

    /**
     * The PNG of the image. Its loops are methods of their own ({@link #imageData}, {@link #unpack}, {@link #drain}):
     * as one method, its row loop was compiled again and again on the stack (six C2 compilations in a 48-file run).
     */
    static byte[] encode(BufferedImage image, boolean alpha, int filter, int level) {
        int w = image.getWidth();
        int h = image.getHeight();
        IndexColorModel palette = palette(image);
        Sink idat = imageData(image, palette, alpha, filter, level);
        Sink out = new Sink(idat.size() + 64);
        out.write(SIGNATURE, 0, SIGNATURE.length);
        byte[] ihdr = new byte[13];
        putInt(ihdr, 0, w);
        putInt(ihdr, 4, h);
        ihdr[8] = 8; // bit depth
        ihdr[9] = (byte) (palette != null ? 3 : alpha ? 6 : 2); // colour type: indexed, RGBA or RGB
        // [10] deflate, [11] adaptive filtering (a filter byte per row), [12] no interlace: all zero
        chunk(out, "IHDR", ihdr, ihdr.length);
        if (palette != null) {
            int n = palette.getMapSize();
            byte[] plte = new byte[3 * n];
            byte[] trns = new byte[n];
            int lastTranslucent = -1;
            for (int i = 0; i < n; i++) {
                plte[3 * i] = (byte) palette.getRed(i);
                plte[3 * i + 1] = (byte) palette.getGreen(i);
                plte[3 * i + 2] = (byte) palette.getBlue(i);
                trns[i] = (byte) palette.getAlpha(i);
                if (palette.getAlpha(i) != 0xFF) {
                    lastTranslucent = i;
                }
            }
            chunk(out, "PLTE", plte, plte.length);
            if (lastTranslucent >= 0) {
                chunk(out, "tRNS", trns, lastTranslucent + 1); // entries after it are opaque
            }
        }
        chunk(out, "IDAT", idat.buffer(), idat.size());
        chunk(out, "IEND", new byte[0], 0);
        return out.toByteArray();
    }

    /** The image's rows, each filtered, deflated: the content of the IDAT chunk. */
    private static Sink imageData(BufferedImage image, IndexColorModel palette, boolean alpha, int filter, int level) {
        int w = image.getWidth();
        int h = image.getHeight();
        int bpp = palette != null ? 1 : alpha ? 4 : 3;
        int stride = w * bpp;
        byte[] raw = new byte[stride];
        byte[] prior = new byte[stride]; // the row above, unfiltered (zeros above the first row)
        byte[] row = new byte[1 + stride];
        row[0] = (byte) filter;
        int[] argb = new int[w];
        int[] pixels = direct(image);
        Deflater deflater = new Deflater(level);
        Sink idat = new Sink(stride * h / 4 + 1024);
        try {
            byte[] buf = new byte[1 << 16];
            for (int y = 0; y < h; y++) {
                if (palette != null) {
                    image.getRaster().getDataElements(0, y, w, 1, raw); // the palette indices of the row
                } else if (pixels == null) {
                    image.getRGB(0, y, w, 1, argb, 0, w);
                    unpack(argb, 0, w, alpha, raw);
                } else {
                    unpack(pixels, y * w, w, alpha, raw);
                }
                filter(filter, raw, prior, row, bpp);
                deflater.setInput(row);
                drain(deflater, buf, idat, false);
                byte[] t = prior;
                prior = raw;
                raw = t;
            }
            deflater.finish();
            drain(deflater, buf, idat, true);
        } finally {
            deflater.end();
        }
        return idat;
    }

    /** A row of packed ARGB pixels as RGB or RGBA bytes. */
    private static void unpack(int[] src, int offset, int w, boolean alpha, byte[] raw) {
        for (int x = 0, k = 0; x < w; x++) {
            int p = src[offset + x];
            raw[k++] = (byte) (p >>> 16);
            raw[k++] = (byte) (p >>> 8);
            raw[k++] = (byte) p;
            if (alpha) {
                raw[k++] = (byte) (p >>> 24);
            }
        }
    }

    /** Deflates the input the deflater holds into the sink; once {@code finished}, everything it has left. */
    private static void drain(Deflater deflater, byte[] buf, Sink idat, boolean finished) {
        while (finished ? !deflater.finished() : !deflater.needsInput()) {
            idat.write(buf, 0, deflater.deflate(buf));
        }
    }

    private static void filter(int filter, byte[] raw, byte[] prior, byte[] row, int bpp) {
        int n = raw.length;
        switch (filter) {
            case SUB -> {
                for (int k = 0; k < n; k++) {
                    row[1 + k] = (byte) (raw[k] - (k >= bpp ? raw[k - bpp] : 0));
                }
            }
            case UP -> {
                for (int k = 0; k < n; k++) {
                    row[1 + k] = (byte) (raw[k] - prior[k]);
                }
            }
            case PAETH -> {
                for (int k = 0; k < n; k++) {
                    int a = k >= bpp ? raw[k - bpp] & 0xFF : 0;
                    int b = prior[k] & 0xFF;
                    int c = k >= bpp ? prior[k - bpp] & 0xFF : 0;
                    int p = a + b - c;
                    int pa = Math.abs(p - a);
                    int pb = Math.abs(p - b);
                    int pc = Math.abs(p - c);
                    int pred = pa <= pb && pa <= pc ? a : (pb <= pc ? b : c);
                    row[1 + k] = (byte) (raw[k] - pred);
                }
            }
            default -> throw new IllegalArgumentException("PNG filter " + filter + " is not one of Sub, Up, Paeth");
        }
    }

    /** The palette of an 8-bit indexed image (written as PNG colour type 3, one byte per pixel), else null. */
    private static IndexColorModel palette(BufferedImage image) {
        return image.getType() == BufferedImage.TYPE_BYTE_INDEXED && image.getColorModel() instanceof IndexColorModel icm
                && icm.getPixelSize() == 8 ? icm : null;
    }

    /** The pixel array of an INT_RGB/INT_ARGB image we made ourselves (no copy), else null. */
    private static int[] direct(BufferedImage image) {
        int type = image.getType();
        if ((type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB)
                && image.getRaster().getDataBuffer() instanceof DataBufferInt db
                && image.getRaster().getSampleModelTranslateX() == 0 && image.getRaster().getSampleModelTranslateY() == 0
                && db.getSize() == image.getWidth() * image.getHeight()) {
            return db.getData();
        }
        return null;
    }

    private static void chunk(Sink out, String type, byte[] data, int length) {
        byte[] head = new byte[8];
        putInt(head, 0, length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, head, 4, 4);
        out.write(head, 0, 8);
        out.write(data, 0, length);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data, 0, length);
        byte[] tail = new byte[4];
        putInt(tail, 0, (int) crc.getValue());
        out.write(tail, 0, 4);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    /** A byte buffer whose array can be read without a copy. */
    private static final class Sink extends ByteArrayOutputStream {
        Sink(int size) {
            super(size);
        }

        byte[] buffer() {
            return buf;
        }
    }
}
