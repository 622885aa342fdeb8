package mcsweep.kernel;

/**
 * One column of a trace.
 *
 * @param name header name, e.g. {@code x}
 * @param type how values are stored in a {@link Block} and written
 */
public record Column(String name, Type type) {

    /** Storage type of a column. */
    public enum Type {
        /** A {@code double}, written so that it parses back to the identical value. */
        F64,
        /** A small integer (a flag), stored as a {@code byte}, written in decimal. */
        I8
    }

    public static Column f64(String name) {
        return new Column(name, Type.F64);
    }

    public static Column i8(String name) {
        return new Column(name, Type.I8);
    }
}
