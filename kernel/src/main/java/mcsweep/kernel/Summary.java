package mcsweep.kernel;

import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A task's summary statistics: an ordered list of named doubles. Kept this plain so that it crosses a
 * process boundary as numbers and fits any kernel's results.
 */
public final class Summary {

    private final List<String> names;
    private final double[] values;

    public Summary(List<String> names, double[] values) {
        if (names.size() != values.length) {
            throw new IllegalArgumentException(names.size() + " names for " + values.length + " values");
        }
        this.names = List.copyOf(names);
        this.values = values.clone();
    }

    public List<String> names() {
        return names;
    }

    /** A copy of the values, in the order of {@link #names()}. */
    public double[] values() {
        return values.clone();
    }

    public double value(int i) {
        return values[i];
    }

    /** The value named {@code name}. */
    public double get(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new NoSuchElementException("no summary value named " + name + "; have " + names);
        }
        return values[i];
    }

    @Override
    public boolean equals(Object o) {
        // Bitwise on purpose: determinism tests compare summaries across executors, NaN included.
        if (!(o instanceof Summary s) || !names.equals(s.names) || values.length != s.values.length) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            if (Double.doubleToLongBits(values[i]) != Double.doubleToLongBits(s.values[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return names.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Summary{");
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ", ").append(names.get(i)).append('=').append(values[i]);
        }
        return s.append('}').toString();
    }
}
