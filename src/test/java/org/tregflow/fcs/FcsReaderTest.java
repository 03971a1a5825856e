package org.tregflow.fcs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tregflow.compensation.SpilloverMatrix;

/** Each data type, width, byte order and version on synthetic files whose values are worked out by hand. */
class FcsReaderTest {
    private static final Path NAME = Path.of("synthetic.fcs");
    private static final ReadOptions STORED = new ReadOptions(Stringency.LENIENT, false);
    private static final ReadOptions STRICT = new ReadOptions(Stringency.STRICT, true);

    static FcsDataset read(byte[] bytes, ReadOptions o) throws FcsException {
        return FcsReader.read(bytes, NAME, o).first();
    }

    static FcsDataset read(byte[] bytes) throws FcsException {
        return read(bytes, ReadOptions.DEFAULT);
    }

    @Test
    void fcs20BigEndian16BitIntegersWithGainAndLogAmplification() throws FcsException {
        ByteBuffer d = FcsBytes.buffer(2 * 2 * 2, ByteOrder.BIG_ENDIAN);
        d.putShort((short) 512).putShort((short) 256);
        d.putShort((short) 1023).putShort((short) 0);
        FcsBytes f = FcsBytes.of("FCS2.0").params(16, 1024, "FSC-H", "FL1-H").kw("$TOT", 2).kw("$DATATYPE", "I")
                .kw("$BYTEORD", "4,3,2,1").kw("$P1G", "4").kw("$P2E", "4,1").data(d.array());
        f.textDataOffsets = false;
        byte[] bytes = f.build();
        FcsDataset stored = read(bytes, STORED);
        assertArrayEquals(new float[] {512, 1023}, stored.events().column("FSC-H"));
        assertArrayEquals(new float[] {256, 0}, stored.events().column("FL1-H"));
        FcsDataset scaled = read(bytes);
        // linear: value / $PnG
        assertArrayEquals(new float[] {128f, 255.75f}, scaled.events().column("FSC-H"));
        // log: f2 * 10^(f1 * v / R) = 10^(4*256/1024) = 10 ; 10^0 = 1
        assertArrayEquals(new float[] {10f, 1f}, scaled.events().column("FL1-H"), 1e-5f);
        assertTrue(scaled.warnings().isEmpty(), scaled.warnings().toString());
        assertEquals(4.0, scaled.events().channel(1).logDecades());
    }

    /**
     * DATA larger than one read chunk (1 MiB) is decoded chunk by chunk into the columns: every event lands in its
     * place across chunk boundaries that fall mid-way between events of no round size, from a file as from bytes,
     * and a value above $PnR in the last chunk is still reported as masked.
     */
    @Test
    void dataLargerThanAReadChunkIsDecodedAcrossChunks(@TempDir Path dir) throws IOException {
        int events = 200_001;
        ByteBuffer d = FcsBytes.buffer(events * 3 * 2, ByteOrder.BIG_ENDIAN);
        for (int e = 0; e < events; e++) {
            d.putShort((short) (e % 1024)).putShort((short) ((e * 7) % 1024));
            d.putShort((short) (e == events - 1 ? 1024 + 5 : 1023 - e % 1024));
        }
        byte[] bytes = FcsBytes.of("FCS3.0").params(16, 1024, "FSC-A", "SSC-A", "FL1-A").kw("$TOT", events)
                .kw("$DATATYPE", "I").kw("$BYTEORD", "4,3,2,1").data(d.array()).build();
        Path file = dir.resolve("large.fcs");
        Files.write(file, bytes);
        for (FcsDataset ds : List.of(read(bytes, STORED), FcsReader.read(file, STORED).first())) {
            EventTable t = ds.events();
            assertEquals(events, t.eventCount());
            for (int e = 0; e < events; e++) {
                assertEquals(e % 1024, t.column(0)[e], "FSC-A of event " + e);
                assertEquals((e * 7) % 1024, t.column(1)[e], "SSC-A of event " + e);
                assertEquals(e == events - 1 ? 5 : 1023 - e % 1024, t.column(2)[e], "FL1-A of event " + e);
            }
            assertTrue(ds.warnings().stream().anyMatch(w -> w.contains("masked") && w.contains("FL1-A")),
                    ds.warnings().toString());
        }
    }

    @Test
    void oddBitWidthsPackedAsOneBitStream() throws FcsException {
        // Two events of a 10-bit and a 12-bit value: 22 bits per event, 44 bits -> 6 bytes, MSB first.
        long[][] values = {{1023, 4000}, {5, 2048}};
        int[] widths = {10, 12};
        byte[] packed = packMsbFirst(values, widths);
        assertEquals(6, packed.length);
        FcsBytes f = FcsBytes.of("FCS2.0").kw("$PAR", 2).kw("$TOT", 2).kw("$DATATYPE", "I").kw("$BYTEORD", "4,3,2,1")
                .kw("$P1N", "A").kw("$P1B", 10).kw("$P1R", 1024).kw("$P2N", "B").kw("$P2B", 12).kw("$P2R", 4096)
                .data(packed);
        FcsDataset ds = read(f.build());
        assertArrayEquals(new float[] {1023, 5}, ds.events().column("A"));
        assertArrayEquals(new float[] {4000, 2048}, ds.events().column("B"));
        assertEquals(10, ds.events().channel(0).bits());
    }

    @Test
    void oddBitWidthsStoredInWholeBytesAreRecognisedByLength() throws FcsException {
        ByteBuffer d = FcsBytes.buffer(8, ByteOrder.LITTLE_ENDIAN);
        d.putShort((short) 1000).putShort((short) 4000).putShort((short) 7).putShort((short) 9);
        FcsBytes f = FcsBytes.of("FCS2.0").kw("$PAR", 2).kw("$TOT", 2).kw("$DATATYPE", "I").kw("$BYTEORD", "1,2")
                .kw("$P1N", "A").kw("$P1B", 10).kw("$P1R", 1024).kw("$P2N", "B").kw("$P2B", 12).kw("$P2R", 4096)
                .data(d.array());
        FcsDataset ds = read(f.build());
        assertArrayEquals(new float[] {1000, 7}, ds.events().column("A"));
        assertArrayEquals(new float[] {4000, 9}, ds.events().column("B"));
        assertTrue(ds.warnings().stream().anyMatch(w -> w.contains("whole bytes")), ds.warnings().toString());
    }

    /** An independent bit writer: each value's bits, most significant first, filling bytes from their top bit. */
    private static byte[] packMsbFirst(long[][] values, int[] widths) {
        int totalBits = 0;
        for (long[] ev : values) {
            for (int w : widths) {
                totalBits += w;
            }
        }
        byte[] out = new byte[(totalBits + 7) / 8];
        int pos = 0;
        for (long[] ev : values) {
            for (int c = 0; c < widths.length; c++) {
                for (int b = widths[c] - 1; b >= 0; b--, pos++) {
                    if (((ev[c] >> b) & 1) != 0) {
                        out[pos / 8] |= (byte) (0x80 >>> (pos % 8));
                    }
                }
            }
        }
        return out;
    }

    @Test
    void mixedIntegerWidths16And32And8LittleEndian() throws FcsException {
        ByteBuffer d = FcsBytes.buffer(2 * 7, ByteOrder.LITTLE_ENDIAN);
        d.putShort((short) 65535).putInt(123456789).put((byte) 200);
        d.putShort((short) 1).putInt(0x7FFFFFFF).put((byte) 0);
        FcsBytes f = FcsBytes.of("FCS3.0").kw("$PAR", 3).kw("$TOT", 2).kw("$DATATYPE", "I").kw("$BYTEORD", "1,2,3,4")
                .kw("$P1N", "FSC").kw("$P1B", 16).kw("$P1R", 65536)
                .kw("$P2N", "TIME").kw("$P2B", 32).kw("$P2R", 2147483648L)
                .kw("$P3N", "DOUBLET").kw("$P3B", 8).kw("$P3R", 256).data(d.array());
        FcsDataset ds = read(f.build(), STORED);
        assertArrayEquals(new float[] {65535, 1}, ds.events().column("FSC"));
        assertArrayEquals(new float[] {123456789f, (float) 0x7FFFFFFF}, ds.events().column("TIME"));
        assertArrayEquals(new float[] {200, 0}, ds.events().column("DOUBLET"));
    }

    @Test
    void twentyFourBitBigEndianAndMaskingAboveRange() throws FcsException {
        byte[] d = {
            0x01, 0x02, 0x03, // 0x010203 = 66051, range 1048576 (20 bits): kept
            (byte) 0xFF, 0x00, 0x05, // 0xFF0005: bits above 20 masked away -> 0x0F0005 = 983045
        };
        FcsBytes f = FcsBytes.of("FCS3.0").params(24, 1048576, "X").kw("$TOT", 2).kw("$DATATYPE", "I")
                .kw("$BYTEORD", "4,3,2,1").data(d);
        FcsDataset ds = read(f.build(), STORED);
        assertArrayEquals(new float[] {66051, 983045}, ds.events().column("X"));
        assertTrue(ds.warnings().stream().anyMatch(w -> w.contains("masked")), ds.warnings().toString());
    }

    @Test
    void sixteenBitMaskedToTheBitsOfRange() throws FcsException {
        ByteBuffer d = FcsBytes.buffer(4, ByteOrder.LITTLE_ENDIAN);
        d.putShort((short) 0xFC05).putShort((short) 1023);
        FcsBytes f = FcsBytes.of("FCS2.0").params(16, 1024, "FL1").kw("$TOT", 2).kw("$DATATYPE", "I")
                .kw("$BYTEORD", "1,2").data(d.array());
        assertArrayEquals(new float[] {5, 1023}, read(f.build(), STORED).events().column("FL1"));
    }

    @Test
    void fcs32PerChannelDataTypesMixIntegerAndFloat() throws FcsException {
        ByteBuffer d = FcsBytes.buffer(2 * (2 + 4 + 8), ByteOrder.BIG_ENDIAN);
        d.putShort((short) 700).putFloat(-1.5f).putDouble(1e-3);
        d.putShort((short) 3).putFloat(3.25e6f).putDouble(-42.0);
        FcsBytes f = FcsBytes.of("FCS3.2").kw("$PAR", 3).kw("$TOT", 2).kw("$DATATYPE", "I").kw("$BYTEORD", "4,3,2,1")
                .kw("$P1N", "Time").kw("$P1B", 16).kw("$P1R", 1024)
                .kw("$P2N", "FL1-A").kw("$P2B", 32).kw("$P2R", 262144).kw("$P2DATATYPE", "F")
                .kw("$P3N", "FL2-A").kw("$P3B", 64).kw("$P3R", 262144).kw("$P3DATATYPE", "D")
                .kw("$TIMESTEP", "0.01").data(d.array());
        FcsDataset ds = read(f.build());
        assertArrayEquals(new float[] {7f, 0.03f}, ds.events().column("Time"), 1e-6f);
        assertArrayEquals(new float[] {-1.5f, 3.25e6f}, ds.events().column("FL1-A"));
        assertArrayEquals(new float[] {1e-3f, -42f}, ds.events().column("FL2-A"));
        assertEquals('F', ds.events().channel(1).dataType());
        assertEquals('D', ds.events().channel(2).dataType());
    }

    @Test
    void doublesBigEndian() throws FcsException {
        ByteBuffer d = FcsBytes.buffer(16, ByteOrder.BIG_ENDIAN).putDouble(Math.PI).putDouble(-2.5e10);
        FcsBytes f = FcsBytes.of("FCS3.1").params(64, 1, "V").kw("$TOT", 2).kw("$DATATYPE", "D")
                .kw("$BYTEORD", "4,3,2,1").data(d.array());
        assertArrayEquals(new float[] {(float) Math.PI, -2.5e10f}, read(f.build()).events().column("V"));
    }

    @Test
    void floatsInMixedLegacyByteOrder() throws FcsException {
        // $BYTEORD 3,4,1,2: stored bytes are the value's bytes of significance 3,4,1,2 (1 = least significant).
        float[] v = {1.0f, -123.456f, 7.5e8f};
        byte[] d = new byte[12];
        for (int i = 0; i < v.length; i++) {
            int bits = Float.floatToRawIntBits(v[i]);
            int[] order = {3, 4, 1, 2};
            for (int k = 0; k < 4; k++) {
                d[4 * i + k] = (byte) (bits >>> (8 * (order[k] - 1)));
            }
        }
        FcsBytes f = FcsBytes.of("FCS3.0").params(32, 262144, "X").kw("$TOT", 3).kw("$DATATYPE", "F")
                .kw("$BYTEORD", "3,4,1,2").data(d);
        assertArrayEquals(v, read(f.build()).events().column("X"));
    }

    @Test
    void integersInMixedLegacyByteOrder() throws FcsException {
        long value = 0x01020304L;
        byte[] d = {0x03, 0x04, 0x01, 0x02}; // $BYTEORD 2,1,4,3
        FcsBytes f = FcsBytes.of("FCS2.0").params(32, 4294967296L, "X").kw("$TOT", 1).kw("$DATATYPE", "I")
                .kw("$BYTEORD", "2,1,4,3").data(d);
        assertArrayEquals(new float[] {value}, read(f.build()).events().column("X"));
    }

    @Test
    void asciiFixedWidthAndDelimited() throws FcsException {
        byte[] fixed = "  123.5  -7  0".getBytes(StandardCharsets.US_ASCII);
        FcsBytes f = FcsBytes.of("FCS2.0").kw("$PAR", 2).kw("$TOT", 2).kw("$DATATYPE", "A")
                .kw("$P1N", "A").kw("$P1B", 4).kw("$P1R", 1024).kw("$P2N", "B").kw("$P2B", 3).kw("$P2R", 1024)
                .data(fixed);
        FcsDataset ds = read(f.build());
        assertArrayEquals(new float[] {12, -7}, ds.events().column("A"));
        assertArrayEquals(new float[] {3.5f, 0}, ds.events().column("B"));

        byte[] delimited = "1,2.25\r\n300 4e2\t".getBytes(StandardCharsets.US_ASCII);
        FcsBytes g = FcsBytes.of("FCS3.0").kw("$PAR", 2).kw("$TOT", 2).kw("$DATATYPE", "A")
                .kw("$P1N", "A").kw("$P1B", "*").kw("$P1R", 1024).kw("$P2N", "B").kw("$P2B", "*").kw("$P2R", 1024)
                .data(delimited);
        FcsDataset dg = read(g.build());
        assertArrayEquals(new float[] {1, 300}, dg.events().column("A"));
        assertArrayEquals(new float[] {2.25f, 400}, dg.events().column("B"));
    }

    @Test
    void multipleDataSetsChainedByNextData() throws FcsException {
        FcsBytes a = floats("FCS3.0", new float[] {1, 2, 3}, "A");
        FcsBytes b = floats("FCS3.0", new float[] {9, 8}, "B");
        FcsBytes c = floats("FCS3.0", new float[] {5}, "C");
        FcsFile file = FcsReader.read(FcsBytes.chain(a, b, c), NAME, ReadOptions.DEFAULT);
        assertEquals(3, file.datasets().size());
        assertArrayEquals(new float[] {1, 2, 3}, file.datasets().get(0).events().column("A"));
        assertArrayEquals(new float[] {9, 8}, file.datasets().get(1).events().column("B"));
        assertArrayEquals(new float[] {5}, file.datasets().get(2).events().column("C"));
        assertEquals("FCS3.0", file.version());
    }

    static FcsBytes floats(String version, float[] values, String name) {
        ByteBuffer d = FcsBytes.buffer(4 * values.length, ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            d.putFloat(v);
        }
        return FcsBytes.of(version).params(32, 262144, name).kw("$TOT", values.length).kw("$DATATYPE", "F")
                .kw("$BYTEORD", "1,2,3,4").data(d.array());
    }

    @Test
    void supplementalTextEscapingAndCaseInsensitiveKeywords() throws FcsException {
        FcsBytes f = floats("FCS3.1", new float[] {1}, "FSC-A");
        f.kw("$p1s", "CD4/CD8 ratio");       // the delimiter inside a value is doubled by the builder
        f.kw("$cyt", "Test/Cytometer");
        f.supplemental.put("$SRC", "patient 7");
        f.supplemental.put("$CYT", "ignored: TEXT wins");
        FcsDataset ds = read(f.build());
        assertEquals("CD4/CD8 ratio", ds.events().channel(0).marker());
        assertEquals("Test/Cytometer", ds.keywords().value("$CYT"));
        assertEquals("patient 7", ds.keywords().value("$src"));
        assertTrue(ds.warnings().stream().anyMatch(w -> w.contains("$CYT")), ds.warnings().toString());
    }

    @Test
    void utf8AndLatin1Text() throws FcsException {
        FcsBytes utf = floats("FCS3.1", new float[] {1}, "FSC-A").kw("$P1S", "Alexa Fluor\u2122 405");
        assertEquals("Alexa Fluor\u2122 405", read(utf.build()).events().channel(0).marker());
        FcsBytes latin = floats("FCS2.0", new float[] {1}, "FSC-A").kw("CREATOR", "CELLQuest\u00aa 3.3");
        latin.charset = StandardCharsets.ISO_8859_1;
        assertEquals("CELLQuest\u00aa 3.3", read(latin.build()).keywords().value("CREATOR"));
    }

    @Test
    void duplicateChannelNamesMadeUnique() throws FcsException {
        ByteBuffer d = FcsBytes.buffer(12, ByteOrder.LITTLE_ENDIAN).putFloat(1).putFloat(2).putFloat(3);
        FcsBytes f = FcsBytes.of("FCS3.1").params(32, 1024, "FL1", "FL1", "fl1").kw("$TOT", 1).kw("$DATATYPE", "F")
                .kw("$BYTEORD", "1,2,3,4").data(d.array());
        FcsDataset ds = read(f.build());
        assertEquals(List.of("FL1", "FL1_2", "fl1_3"), ds.events().names());
        assertEquals(3f, ds.events().column("fl1_3")[0]);
        assertTrue(ds.warnings().stream().anyMatch(w -> w.contains("duplicate $PnN")));
        assertThrows(FcsException.class, () -> read(f.build(), STRICT));
    }

    @Test
    void spilloverKeywordsInTheirVariants() throws FcsException {
        FcsBytes named = floats("FCS3.1", new float[] {1, 2}, "FL1-A").kw("$SPILLOVER", "1,FL1-A,1.0");
        SpilloverMatrix m = read(named.build()).spillover();
        assertEquals(List.of("FL1-A"), m.channels());

        ByteBuffer d = FcsBytes.buffer(8, ByteOrder.LITTLE_ENDIAN).putFloat(1).putFloat(2);
        FcsBytes two = FcsBytes.of("FCS3.0").params(32, 1024, "FITC-A", "PE-A").kw("$TOT", 1).kw("$DATATYPE", "F")
                .kw("$BYTEORD", "1,2,3,4").data(d.array());
        two.kw("SPILL", "2,1,2,1,0.25,0.1,1");
        FcsDataset ds = read(two.build());
        assertEquals(List.of("FITC-A", "PE-A"), ds.spillover().channels());
        assertEquals(0.25, ds.spillover().get(0, 1));
        assertEquals(0.1, ds.spillover().get(1, 0));

        two.keywords.remove("SPILL");
        // comma decimals (1,0 / 0,123 / 0,045 / 1,0): 2n^2 number fields instead of n^2, detected by count
        two.kw("spillover", "2,FITC-A,PE-A,1,0,0,123,0,045,1,0");
        SpilloverMatrix c = read(two.build()).spillover();
        assertEquals(0.123, c.get(0, 1), 1e-12);
        assertEquals(0.045, c.get(1, 0), 1e-12);
        assertEquals(1.0, c.get(1, 1), 1e-12);
    }

    @Test
    void headerDataOffsetsBlankOrZeroDeferToText() throws FcsException {
        FcsBytes f = floats("FCS3.1", new float[] {4, 5, 6}, "X");
        f.headerDataOffsets = false;
        FcsDataset ds = read(f.build(), STRICT);
        assertArrayEquals(new float[] {4, 5, 6}, ds.events().column("X"));
        assertTrue(ds.warnings().isEmpty());
    }

    @Test
    void missingBeginDataInFcs3IsRepairedLenientlyRefusedStrictly() throws FcsException {
        FcsBytes f = floats("FCS3.1", new float[] {4, 5}, "X");
        f.textDataOffsets = false;
        byte[] bytes = f.build();
        FcsDataset ds = read(bytes);
        assertArrayEquals(new float[] {4, 5}, ds.events().column("X"));
        assertTrue(ds.warnings().stream().anyMatch(w -> w.contains("$BEGINDATA")), ds.warnings().toString());
        FcsException e = assertThrows(FcsException.class, () -> read(bytes, STRICT));
        assertTrue(e.getMessage().contains("$BEGINDATA"), e.getMessage());
    }

    @Test
    void offByOneEndDataRepairedLenientlyRefusedStrictly() throws FcsException {
        FcsBytes f = floats("FCS3.1", new float[] {4, 5}, "X");
        f.data = java.util.Arrays.copyOf(f.data, f.data.length + 1); // one stray byte, and $ENDDATA includes it
        byte[] bytes = f.build();
        FcsDataset ds = read(bytes);
        assertArrayEquals(new float[] {4, 5}, ds.events().column("X"));
        assertTrue(ds.warnings().stream().anyMatch(w -> w.contains("off-by-one")), ds.warnings().toString());
        assertThrows(FcsException.class, () -> read(bytes, STRICT));
    }

    @Test
    void logWithZeroOffsetRepairedLenientlyRefusedStrictly() throws FcsException {
        ByteBuffer d = FcsBytes.buffer(2, ByteOrder.LITTLE_ENDIAN).putShort((short) 512);
        FcsBytes f = FcsBytes.of("FCS3.0").params(16, 1024, "FL1").kw("$P1E", "4,0").kw("$TOT", 1)
                .kw("$DATATYPE", "I").kw("$BYTEORD", "1,2").data(d.array());
        byte[] bytes = f.build();
        FcsDataset ds = read(bytes);
        assertEquals(100f, ds.events().column("FL1")[0], 1e-4f); // 1 * 10^(4*512/1024)
        assertTrue(ds.warnings().stream().anyMatch(w -> w.contains("f2 = 0")));
        FcsException e = assertThrows(FcsException.class, () -> read(bytes, STRICT));
        assertEquals("$P1E", e.where());
    }

    @Test
    void strictReadsAStandardFileWithoutWarnings() throws FcsException {
        FcsDataset ds = read(floats("FCS3.1", new float[] {1, 2}, "X").build(), STRICT);
        assertTrue(ds.warnings().isEmpty());
        assertNull(ds.spillover());
    }

    @Test
    void readTextSkipsDataAndLooksLikeFcsChecksTheHeader(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("x.lmd");
        Files.write(p, floats("FCS3.2", new float[] {1, 2}, "X").kw("$CYT", "Aurora").build());
        assertEquals("Aurora", FcsReader.readText(p).value("$CYT"));
        assertTrue(FcsReader.looksLikeFcs(p));
        Path csv = dir.resolve("x.fcs");
        Files.writeString(csv, "a,b\n1,2\n");
        assertTrue(!FcsReader.looksLikeFcs(csv));
        assertTrue(!FcsReader.looksLikeFcs(dir.resolve("missing.fcs")));
        assertEquals(2, FcsReader.read(p).first().events().eventCount());
    }
}
