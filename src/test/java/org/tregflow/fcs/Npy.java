package org.tregflow.fcs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A minimal reader of numpy .npy files (2-D, C order, little-endian f8/f4/i2/i4), for truth arrays in tests. */
final class Npy {
    final int rows;
    final int cols;
    final double[][] values;

    private Npy(int rows, int cols, double[][] values) {
        this.rows = rows;
        this.cols = cols;
        this.values = values;
    }

    static Npy read(Path p) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
        if ((b.get(0) & 0xFF) != 0x93 || !new String(new byte[] {b.get(1), b.get(2), b.get(3), b.get(4), b.get(5)},
                StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw new IOException(p + " is not a .npy file");
        }
        int major = b.get(6);
        int headerLen;
        int start;
        if (major == 1) {
            headerLen = b.getShort(8) & 0xFFFF;
            start = 10;
        } else {
            headerLen = b.getInt(8);
            start = 12;
        }
        String header = new String(b.array(), start, headerLen, StandardCharsets.ISO_8859_1);
        Matcher d = Pattern.compile("'descr':\\s*'([<>|])(\\w\\d)'").matcher(header);
        Matcher s = Pattern.compile("'shape':\\s*\\((\\d+),\\s*(\\d+)\\)").matcher(header);
        if (!d.find() || !s.find() || header.contains("'fortran_order': True")) {
            throw new IOException(p + ": unsupported .npy header " + header);
        }
        if (d.group(1).equals(">")) {
            throw new IOException(p + ": big-endian .npy not supported");
        }
        String dtype = d.group(2);
        int rows = Integer.parseInt(s.group(1));
        int cols = Integer.parseInt(s.group(2));
        double[][] v = new double[rows][cols];
        int pos = start + headerLen;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                switch (dtype) {
                    case "f8" -> { v[r][c] = b.getDouble(pos); pos += 8; }
                    case "f4" -> { v[r][c] = b.getFloat(pos); pos += 4; }
                    case "i4" -> { v[r][c] = b.getInt(pos); pos += 4; }
                    case "i2" -> { v[r][c] = b.getShort(pos); pos += 2; }
                    default -> throw new IOException(p + ": dtype " + dtype + " not supported");
                }
            }
        }
        return new Npy(rows, cols, v);
    }
}
