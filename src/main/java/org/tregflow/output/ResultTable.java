package org.tregflow.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A result table in memory: a name and typed columns of equal length, in contract order. Four column types are
 * all the tables need, and the writers map them one to one: {@link TextColumn} (Arrow Utf8), {@link LongColumn}
 * (Int64), {@link DoubleColumn} (Float64), {@link BooleanColumn} (Bool); every column is nullable.
 *
 * <p>Deliberately tiny instead of Tablesaw: loading Tablesaw's {@code Table} scans the whole class path for its
 * readers and writers (ClassGraph), which cost a third of a second on every run, and its dependencies were three
 * quarters of the jar. The tables here are only assembled and written, never queried.
 */
public final class ResultTable {
    private final String name;
    private final List<Column> columns;

    private ResultTable(String name, List<Column> columns) {
        this.name = Objects.requireNonNull(name, "name");
        this.columns = List.copyOf(columns);
        for (Column c : this.columns) {
            if (c.size() != rowCount()) {
                throw new IllegalArgumentException("table " + name + ": column " + c.name() + " has " + c.size()
                        + " rows, column " + this.columns.get(0).name() + " " + rowCount());
            }
        }
    }

    public static ResultTable create(String name, Column... columns) {
        return new ResultTable(name, Arrays.asList(columns));
    }

    public static ResultTable create(String name, List<? extends Column> columns) {
        return new ResultTable(name, new ArrayList<>(columns));
    }

    public String name() {
        return name;
    }

    public List<Column> columns() {
        return columns;
    }

    public int columnCount() {
        return columns.size();
    }

    public Column column(int index) {
        return columns.get(index);
    }

    /** The column of that name; IllegalArgumentException naming the columns there are when it is absent. */
    public Column column(String columnName) {
        for (Column c : columns) {
            if (c.name().equals(columnName)) {
                return c;
            }
        }
        throw new IllegalArgumentException("table " + name + " has no column " + columnName + "; it has "
                + columns.stream().map(Column::name).toList());
    }

    public int rowCount() {
        return columns.isEmpty() ? 0 : columns.get(0).size();
    }

    /** A growable, nullable column of one type. */
    public abstract static sealed class Column permits TextColumn, LongColumn, DoubleColumn, BooleanColumn {
        private final String name;
        int size;

        Column(String name) {
            this.name = Objects.requireNonNull(name, "column name");
        }

        public final String name() {
            return name;
        }

        public final int size() {
            return size;
        }

        public abstract boolean isMissing(int row);

        final void check(int row) {
            Objects.checkIndex(row, size);
        }

        static int grown(int length) {
            return Math.max(16, length + (length >> 1));
        }
    }

    /** Text; null is missing. */
    public static final class TextColumn extends Column {
        private String[] values = new String[16];

        private TextColumn(String name) {
            super(name);
        }

        public static TextColumn create(String name) {
            return new TextColumn(name);
        }

        public TextColumn append(String value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, grown(size));
            }
            values[size++] = value;
            return this;
        }

        public TextColumn appendMissing() {
            return append(null);
        }

        public String get(int row) {
            check(row);
            return values[row];
        }

        @Override
        public boolean isMissing(int row) {
            return get(row) == null;
        }
    }

    /** 64-bit integers, each with a missing flag (every long value is a valid value). */
    public static final class LongColumn extends Column {
        private long[] values = new long[16];
        private boolean[] missing = new boolean[16];

        private LongColumn(String name) {
            super(name);
        }

        public static LongColumn create(String name) {
            return new LongColumn(name);
        }

        public LongColumn append(long value) {
            return add(value, false);
        }

        public LongColumn appendMissing() {
            return add(0, true);
        }

        private LongColumn add(long value, boolean isMissing) {
            if (size == values.length) {
                values = Arrays.copyOf(values, grown(size));
                missing = Arrays.copyOf(missing, values.length);
            }
            values[size] = value;
            missing[size++] = isMissing;
            return this;
        }

        /** The value; 0 for a missing cell (check {@link #isMissing} first). */
        public long getLong(int row) {
            check(row);
            return values[row];
        }

        @Override
        public boolean isMissing(int row) {
            check(row);
            return missing[row];
        }
    }

    /** Doubles; NaN is missing (the tables never hold NaN as a value: unknowns are nulls). */
    public static final class DoubleColumn extends Column {
        private double[] values = new double[16];

        private DoubleColumn(String name) {
            super(name);
        }

        public static DoubleColumn create(String name) {
            return new DoubleColumn(name);
        }

        public DoubleColumn append(double value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, grown(size));
            }
            values[size++] = value;
            return this;
        }

        public DoubleColumn appendMissing() {
            return append(Double.NaN);
        }

        public double getDouble(int row) {
            check(row);
            return values[row];
        }

        @Override
        public boolean isMissing(int row) {
            return Double.isNaN(getDouble(row));
        }
    }

    /** Booleans with a missing state. */
    public static final class BooleanColumn extends Column {
        private static final byte MISSING = -1;
        private byte[] values = new byte[16];

        private BooleanColumn(String name) {
            super(name);
        }

        public static BooleanColumn create(String name) {
            return new BooleanColumn(name);
        }

        public BooleanColumn append(boolean value) {
            return add(value ? (byte) 1 : 0);
        }

        public BooleanColumn appendMissing() {
            return add(MISSING);
        }

        private BooleanColumn add(byte value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, grown(size));
            }
            values[size++] = value;
            return this;
        }

        /** The value; false for a missing cell (check {@link #isMissing} first). */
        public boolean get(int row) {
            check(row);
            return values[row] == 1;
        }

        @Override
        public boolean isMissing(int row) {
            check(row);
            return values[row] == MISSING;
        }
    }
}
