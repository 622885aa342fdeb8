package mcsweep.kernel;

import java.util.List;

/**
 * A fixed-capacity block of trace rows, stored column by column in primitive arrays. A kernel fills one
 * block, hands it to its {@link TraceSink}, and refills the same arrays: memory stays bounded whatever the
 * iteration count, and the hot loop allocates nothing.
 */
public final class Block {

    /** Rows per block: big enough to amortise a sink call, small enough to stay in L2 cache. */
    public static final int DEFAULT_CAPACITY = 8192;

    private final double[][] f64;
    private final byte[][] i8;
    private final int capacity;
    private int length;

    public Block(List<Column> columns, int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be > 0: " + capacity);
        }
        this.capacity = capacity;
        this.f64 = new double[columns.size()][];
        this.i8 = new byte[columns.size()][];
        for (int c = 0; c < columns.size(); c++) {
            switch (columns.get(c).type()) {
                case F64 -> f64[c] = new double[capacity];
                case I8 -> i8[c] = new byte[capacity];
            }
        }
    }

    public int capacity() {
        return capacity;
    }

    /** Number of valid rows, {@code 0 <= length <= capacity}. */
    public int length() {
        return length;
    }

    public void length(int length) {
        if (length < 0 || length > capacity) {
            throw new IllegalArgumentException("length " + length + " outside [0, " + capacity + "]");
        }
        this.length = length;
    }

    /** The backing array of an {@link Column.Type#F64} column; valid up to {@link #length()}. */
    public double[] f64(int column) {
        double[] a = f64[column];
        if (a == null) {
            throw new IllegalArgumentException("column " + column + " is not F64");
        }
        return a;
    }

    /** The backing array of an {@link Column.Type#I8} column; valid up to {@link #length()}. */
    public byte[] i8(int column) {
        byte[] a = i8[column];
        if (a == null) {
            throw new IllegalArgumentException("column " + column + " is not I8");
        }
        return a;
    }
}
