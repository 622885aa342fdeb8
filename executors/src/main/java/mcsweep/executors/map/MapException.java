package mcsweep.executors.map;

/**
 * The function of a {@link Pool} map threw for one element. {@link #getCause()} is what it threw;
 * {@link #index()} is the element's position in the input lists.
 */
public final class MapException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int index;

    MapException(int index, String message, Throwable cause) {
        super("element " + index + ": " + message, cause);
        this.index = index;
    }

    /** Position of the failing element, {@code 0..n-1}. */
    public int index() {
        return index;
    }
}
