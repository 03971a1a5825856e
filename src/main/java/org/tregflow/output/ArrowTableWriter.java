package org.tregflow.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import org.tregflow.output.ResultTable.BooleanColumn;
import org.tregflow.output.ResultTable.Column;
import org.tregflow.output.ResultTable.DoubleColumn;
import org.tregflow.output.ResultTable.LongColumn;
import org.tregflow.output.ResultTable.TextColumn;

/**
 * Writes a result table as an Arrow IPC <em>file</em> (the random-access format with the ARROW1 magic that
 * pandas/polars/R arrow open with read_feather/read_ipc): one record batch, uncompressed so that any reader
 * opens it, every column nullable. STRING → Utf8, LONG → Int64, DOUBLE → Float64, BOOLEAN → Bool.
 */
public final class ArrowTableWriter {
    static final String JVM_OPTIONS = "Arrow cannot allocate memory in this JVM: start Java with "
            + "--add-opens=java.base/java.nio=ALL-UNNAMED (and -Dio.netty.noUnsafe=false on JDK 24 and later), "
            + "as scripts/tregflow does";

    static {
        // Netty, Arrow's allocator, disables Unsafe by default from JDK 24 on and Arrow cannot work without it.
        // Set here, before the first Arrow class loads, unless the user chose otherwise.
        if (System.getProperty("io.netty.noUnsafe") == null) {
            System.setProperty("io.netty.noUnsafe", "false");
        }
        // Netty 4.2 asks JFR whether it is available, which starts JFR's machinery (its annotations, proxies, the
        // management bean): about 0.1 s of the warm-up thread in every fresh JVM, for allocation events tregflow
        // never records.
        if (System.getProperty("io.netty.jfr.enabled") == null) {
            System.setProperty("io.netty.jfr.enabled", "false");
        }
    }

    private ArrowTableWriter() {
    }

    /**
     * Starts Arrow's memory layer (Netty's allocator, ~0.2 s in a fresh JVM) and its IPC writer by writing a
     * one-row table nowhere, so the batch runner can pay that on a background thread while files are analysed.
     * Once per JVM; a table being written waits for a warm-up under way. Never throws (a real problem shows when
     * the tables are written).
     */
    public static void warmUp() {
        WarmUp.done();
    }

    /** Class initialisation runs the warm-up once and makes every other caller wait until it is over. */
    private static final class WarmUp {
        static {
            try {
                ResultTable t = ResultTable.create("warm-up", TextColumn.create("s").append("x"),
                        LongColumn.create("n").append(1), DoubleColumn.create("d").append(0.5),
                        BooleanColumn.create("b").appendMissing());
                writeBatch(t, OutputStream.nullOutputStream());
            } catch (IOException | RuntimeException | LinkageError e) {
                // write() reports it, with the JVM options to fix it
            }
        }

        static void done() {
        }
    }

    /**
     * Writes the table; fails with an IOException saying which JVM options are missing when Arrow's memory layer
     * cannot start (it needs reflective access to java.nio).
     */
    public static void write(ResultTable table, OutputStream out) throws IOException {
        warmUp();
        try {
            writeBatch(table, out);
        } catch (UnsupportedOperationException | ExceptionInInitializerError | NoClassDefFoundError e) {
            throw new IOException(JVM_OPTIONS + " (" + e + ")", e);
        }
    }

    private static void writeBatch(ResultTable table, OutputStream out) throws IOException {
        List<Field> fields = new ArrayList<>(table.columnCount());
        for (Column c : table.columns()) {
            fields.add(new Field(c.name(), FieldType.nullable(arrowType(c)), null));
        }
        try (BufferAllocator allocator = new RootAllocator();
             VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator)) {
            int rows = table.rowCount();
            for (int i = 0; i < table.columnCount(); i++) {
                fill(table.column(i), root.getVector(i), rows);
            }
            root.setRowCount(rows);
            // the channel is not closed by the writer's close(): the caller owns the stream
            try (ArrowFileWriter writer = new ArrowFileWriter(root, null, Channels.newChannel(out))) {
                writer.start();
                writer.writeBatch();
                writer.end();
            }
        }
    }

    private static ArrowType arrowType(Column c) {
        if (c instanceof TextColumn) {
            return ArrowType.Utf8.INSTANCE;
        }
        if (c instanceof LongColumn) {
            return new ArrowType.Int(64, true);
        }
        if (c instanceof DoubleColumn) {
            return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
        }
        return ArrowType.Bool.INSTANCE;
    }

    private static void fill(Column column, FieldVector vector, int rows) {
        vector.setInitialCapacity(rows);
        vector.allocateNew();
        if (vector instanceof VarCharVector v) {
            TextColumn c = (TextColumn) column;
            for (int i = 0; i < rows; i++) {
                if (c.isMissing(i)) {
                    v.setNull(i);
                } else {
                    v.setSafe(i, c.get(i).getBytes(StandardCharsets.UTF_8));
                }
            }
        } else if (vector instanceof BigIntVector v) {
            LongColumn c = (LongColumn) column;
            for (int i = 0; i < rows; i++) {
                if (c.isMissing(i)) {
                    v.setNull(i);
                } else {
                    v.setSafe(i, c.getLong(i));
                }
            }
        } else if (vector instanceof Float8Vector v) {
            DoubleColumn c = (DoubleColumn) column;
            for (int i = 0; i < rows; i++) {
                if (c.isMissing(i)) {
                    v.setNull(i);
                } else {
                    v.setSafe(i, c.getDouble(i));
                }
            }
        } else if (vector instanceof BitVector v) {
            BooleanColumn c = (BooleanColumn) column;
            for (int i = 0; i < rows; i++) {
                if (c.isMissing(i)) {
                    v.setNull(i);
                } else {
                    v.setSafe(i, c.get(i) ? 1 : 0);
                }
            }
        } else {
            throw new IllegalStateException("no Arrow writer for vector " + vector.getClass().getSimpleName());
        }
        vector.setValueCount(rows);
    }
}
