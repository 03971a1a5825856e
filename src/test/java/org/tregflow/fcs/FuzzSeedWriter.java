package org.tregflow.fcs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the fuzz seeds: small synthetic FCS files covering each reader path (versions, data types, widths, byte
 * orders, supplemental TEXT, chained data sets, spillover keywords). Run once from the project root:
 * {@code java -cp target/test-classes:target/classes org.tregflow.fcs.FuzzSeedWriter}.
 */
final class FuzzSeedWriter {
    private FuzzSeedWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of("src/test/resources/org/tregflow/fcs/FcsReaderFuzzTestInputs/readAnyBytes");
        Files.createDirectories(dir);
        Files.write(dir.resolve("float31"), FcsReaderTest.floats("FCS3.1", new float[] {1, -2, 3.5f}, "FSC-A")
                .kw("$SPILLOVER", "1,FSC-A,1").build());
        ByteBuffer s = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putShort((short) 512).putShort((short) 3)
                .putShort((short) 0xFC05).putShort((short) 1);
        Files.write(dir.resolve("int16-fcs20-log"), FcsBytes.of("FCS2.0").params(16, 1024, "FSC-H", "FL1-H")
                .kw("$TOT", 2).kw("$DATATYPE", "I").kw("$BYTEORD", "4,3,2,1").kw("$P2E", "4,0").kw("$P1G", 2)
                .kw("$DFC1TO2", "12.5").data(s.array()).build());
        Files.write(dir.resolve("packed-10-12"), FcsBytes.of("FCS2.0").kw("$PAR", 2).kw("$TOT", 2)
                .kw("$DATATYPE", "I").kw("$BYTEORD", "1,2").kw("$P1N", "A").kw("$P1B", 10).kw("$P1R", 1024)
                .kw("$P2N", "B").kw("$P2B", 12).kw("$P2R", 4096).data(new byte[] {1, 2, 3, 4, 5, 6}).build());
        ByteBuffer m = ByteBuffer.allocate(14).order(ByteOrder.BIG_ENDIAN).putShort((short) 7).putFloat(1.5f)
                .putDouble(-3);
        Files.write(dir.resolve("fcs32-mixed-types"), FcsBytes.of("FCS3.2").kw("$PAR", 3).kw("$TOT", 1)
                .kw("$DATATYPE", "I").kw("$BYTEORD", "4,3,2,1").kw("$P1N", "Time").kw("$P1B", 16).kw("$P1R", 1024)
                .kw("$P2N", "F").kw("$P2B", 32).kw("$P2R", 1).kw("$P2DATATYPE", "F").kw("$P3N", "D").kw("$P3B", 64)
                .kw("$P3R", 1).kw("$P3DATATYPE", "D").kw("$TIMESTEP", "0.01").data(m.array()).build());
        Files.write(dir.resolve("ascii-delimited"), FcsBytes.of("FCS3.0").kw("$PAR", 2).kw("$TOT", 2)
                .kw("$DATATYPE", "A").kw("$P1N", "A").kw("$P1B", "*").kw("$P1R", 1).kw("$P2N", "B").kw("$P2B", "*")
                .kw("$P2R", 1).data("1,2 3\t4".getBytes(StandardCharsets.US_ASCII)).build());
        Files.write(dir.resolve("ascii-fixed"), FcsBytes.of("FCS2.0").kw("$PAR", 1).kw("$TOT", 2)
                .kw("$DATATYPE", "A").kw("$P1N", "A").kw("$P1B", 3).kw("$P1R", 1)
                .data(" 12-34".getBytes(StandardCharsets.US_ASCII)).build());
        FcsBytes st = FcsReaderTest.floats("FCS3.1", new float[] {1}, "X");
        st.supplemental.put("$SRC", "seed");
        st.kw("SPILL", "1,1,1.0");
        Files.write(dir.resolve("supplemental-text"), st.build());
        Files.write(dir.resolve("chained"), FcsBytes.chain(FcsReaderTest.floats("FCS3.0", new float[] {1, 2}, "A"),
                FcsReaderTest.floats("FCS3.0", new float[] {3}, "B")));
        byte[] mixed = {3, 4, 1, 2, 3, 4, 1, 2};
        Files.write(dir.resolve("byteord-3412"), FcsBytes.of("FCS3.0").params(32, 4096, "X").kw("$TOT", 2)
                .kw("$DATATYPE", "I").kw("$BYTEORD", "3,4,1,2").data(mixed).build());
        FcsBytes blank = FcsReaderTest.floats("FCS3.0", new float[] {5, 6}, "X");
        blank.headerDataOffsets = false;
        Files.write(dir.resolve("blank-header-offsets"), blank.build());
    }
}
