package mcsweep.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import mcsweep.kernel.Kernel;
import mcsweep.kernel.Kernels;
import mcsweep.kernel.MetropolisKernel;
import mcsweep.kernel.Parameter;

/**
 * The kernel a bench run measures and the parameter values of its tasks: the lesson's Metropolis kernel
 * by default, or any kernel on the class path ({@code --kernel NAME -P name=value ...}), so that the
 * executors are measured on the user's own work.
 *
 * <p>It travels to JMH's forks as two {@code @Param} strings, the kernel's name and {@link #encoded()}
 * ({@code name=value;name=value}, or {@value #DEFAULTS}).
 *
 * @param kernel the kernel's name, as {@link Kernels#byName} knows it
 * @param values every parameter's value, in the kernel's declared order
 */
record KernelSpec(String kernel, double[] values) {

    /** The JMH parameter value meaning "the kernel's default values" (see {@link #defaultValue}). */
    static final String DEFAULTS = "defaults";

    /** The lesson's task: x0 = 0.5, h = 1, beta = 1. */
    static final KernelSpec LESSON = parse(MetropolisKernel.NAME, List.of("x0=0.5", "h=1", "beta=1"));

    KernelSpec {
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** Whether this is the lesson's kernel at the lesson's values, whose lesson-specific benchmarks then apply. */
    boolean isLesson() {
        return equals(LESSON);
    }

    /**
     * The kernel {@code name} with the values of {@code assignments} ({@code name=value}); parameters not
     * given take {@link #defaultValue}.
     *
     * @throws IllegalArgumentException one line naming the kernel, parameter or value at fault
     */
    static KernelSpec parse(String name, List<String> assignments) {
        Kernel k = Kernels.byName(name);
        Map<String, Double> given = new LinkedHashMap<>();
        List<String> names = k.parameters().stream().map(Parameter::name).toList();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("-P: '" + a + "' is not name=value; " + name
                        + " takes " + String.join(", ", names));
            }
            String p = a.substring(0, eq).trim();
            if (!names.contains(p)) {
                throw new IllegalArgumentException("-P: kernel " + name + " has no parameter '" + p + "'; it takes "
                        + String.join(", ", names));
            }
            String v = a.substring(eq + 1).trim();
            double d;
            try {
                d = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-P " + p + ": '" + v + "' is not a number; " + p + " must be "
                        + k.parameters().get(names.indexOf(p)).range());
            }
            if (!k.parameters().get(names.indexOf(p)).accepts(d)) {
                throw new IllegalArgumentException("-P " + p + ": " + v + " is out of range; " + p + " must be "
                        + k.parameters().get(names.indexOf(p)).range());
            }
            given.put(p, d);
        }
        double[] values = new double[names.size()];
        for (int i = 0; i < values.length; i++) {
            Double v = given.get(names.get(i));
            values[i] = v != null ? v : defaultValue(k.parameters().get(i));
        }
        return new KernelSpec(k.name(), values);
    }

    /** Reads {@link #encoded()} back, as a JMH fork does. */
    static KernelSpec decode(String kernel, String encoded) {
        return parse(kernel, encoded.equals(DEFAULTS) ? List.of() : List.of(encoded.split(";")));
    }

    /** {@code x0=0.5;h=1.0;beta=1.0}: the values as a JMH parameter (JMH splits its command line on commas). */
    String encoded() {
        List<Parameter> ps = Kernels.byName(kernel).parameters();
        if (ps.isEmpty()) {
            return DEFAULTS;
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < ps.size(); i++) {
            parts.add(ps.get(i).name() + "=" + values[i]);
        }
        return String.join(";", parts);
    }

    /** For people: {@code metropolis (x0=0.5, h=1.0, beta=1.0)}. */
    String describe() {
        String e = encoded();
        return kernel + (e.equals(DEFAULTS) ? "" : " (" + e.replace(";", ", ") + ")");
    }

    /** A value the parameter accepts when the user gave none: 1 if allowed, else next to a bound. */
    static double defaultValue(Parameter p) {
        if (p.accepts(1.0)) {
            return 1.0;
        }
        double v = p.min() == Double.NEGATIVE_INFINITY ? p.max() : p.min() + (p.minInclusive() ? 0 : Math.ulp(p.min()) + 1e-9);
        if (p.accepts(v)) {
            return v;
        }
        throw new IllegalArgumentException("kernel parameter " + p.name() + " needs a value: give -P " + p.name()
                + "=VALUE (" + p.range() + ")");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KernelSpec s && s.kernel.equals(kernel) && java.util.Arrays.equals(s.values, values);
    }

    @Override
    public int hashCode() {
        return kernel.hashCode() * 31 + java.util.Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "KernelSpec[%s]", describe());
    }
}
