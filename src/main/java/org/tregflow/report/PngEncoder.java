package org.tregflow.report;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A minimal PNG writer (8-bit RGB or RGBA, "Sub" filter on every row, fast deflate). ImageIO's writer tries
 * every filter on every row at a high deflate level and took most of a sheet's time; plots are flat colour, for
 * which Sub + level 1 compresses nearly as well at a fraction of the cost.
 */
final class PngEncoder {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PngEncoder() {
    }

    static byte[] encode(BufferedImage image, boolean alpha) throws IOException {
        int w = image.getWidth();
        int h = image.getHeight();
        int bpp = alpha ? 4 : 3;
        ByteArrayOutputStream idat = new ByteArrayOutputStream(w * h / 4 + 1024);
        Deflater deflater = new Deflater(1);
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, 1 << 16)) {
            int[] argb = new int[w];
            byte[] raw = new byte[w * bpp];
            byte[] row = new byte[1 + w * bpp];
            row[0] = 1; // filter type Sub: each byte minus the same channel of the pixel to its left
            int[] pixels = direct(image);
            for (int y = 0; y < h; y++) {
                int offset = 0;
                if (pixels == null) {
                    image.getRGB(0, y, w, 1, argb, 0, w);
                } else {
                    offset = y * w;
                }
                int[] src = pixels == null ? argb : pixels;
                for (int x = 0, k = 0; x < w; x++) {
                    int p = src[offset + x];
                    raw[k++] = (byte) (p >>> 16);
                    raw[k++] = (byte) (p >>> 8);
                    raw[k++] = (byte) p;
                    if (alpha) {
                        raw[k++] = (byte) (p >>> 24);
                    }
                }
                for (int k = 0; k < raw.length; k++) {
                    row[1 + k] = (byte) (raw[k] - (k >= bpp ? raw[k - bpp] : 0));
                }
                z.write(row);
            }
        } finally {
            deflater.end();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(idat.size() + 128);
        out.write(SIGNATURE);
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream(13);
        DataOutputStream d = new DataOutputStream(ihdr);
        d.writeInt(w);
        d.writeInt(h);
        d.writeByte(8); // bit depth
        d.writeByte(alpha ? 6 : 2); // colour type: RGBA or RGB
        d.writeByte(0); // deflate
        d.writeByte(0); // adaptive filtering (per-row filter byte)
        d.writeByte(0); // no interlace
        chunk(out, "IHDR", ihdr.toByteArray());
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
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

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        d.writeInt(data.length);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }
}
