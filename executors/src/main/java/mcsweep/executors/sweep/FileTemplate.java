package mcsweep.executors.sweep;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mcsweep.kernel.Numbers;

/**
 * Trace file names from a template such as {@code b{beta}_m{x0}_h{h}.csv}. Placeholders: each parameter's
 * name, {@code {iterations}}, {@code {replica}}, {@code {index}} and {@code {seed}}. Parameter values are
 * spelled as Python spells floats ({@code 0.5}, {@code 1.0}), so names match the lesson program's.
 *
 * <p>A template is refused when it is not a plain file name, or when any name it can produce is one the
 * sweep uses itself ({@link ReservedNames}): this is decided from the template alone, before any task exists.
 */
public final class FileTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final List<String> BUILT_IN = List.of("iterations", "replica", "index", "seed");
    // What each kind of placeholder can render to: Numbers.format of a finite double, a decimal integer,
    // a hexadecimal seed.
    private static final String NUMBER_CHARS = "[-+.e0-9]+";
    private static final String INTEGER_CHARS = "[0-9]+";
    private static final String HEX_CHARS = "[0-9a-f]+";

    private static final int UNKNOWN = -1; // what List.indexOf says
    private static final int INDEX = -2;
    private static final int REPLICA = -3;
    private static final int ITERATIONS = -4;
    private static final int SEED = -5;

    private final String template;
    /** Literal text, then a placeholder, alternately: literals.size() == slots.length + 1. */
    private final List<String> literals = new ArrayList<>();
    /** Each placeholder: a parameter position, or one of INDEX, REPLICA, ITERATIONS, SEED. */
    private final int[] slots;
    // Spellings already made, per parameter slot: a grid has few distinct values per parameter, and spelling each
    // value of each task again (interpreted, at start-up) cost the lesson's scan 2.6 ms of its planning; reusing
    // only the previous task's spellings still spelled the fastest-changing parameter 324 times. Direct-mapped by
    // the value's bits, so a collision only costs a spelling. One template serves one planning thread (SweepPlan
    // makes its own).
    private static final int CACHE_BITS = 6;
    private final long[][] cachedBits;
    private final String[][] cachedText;

    /**
     * @param template the template
     * @param params   the kernel's parameter names, in declared order
     * @throws InvalidSweepException if it is not a plain file name, names an unknown placeholder, or can name
     *                               a file the sweep uses itself
     */
    public FileTemplate(String template, List<String> params) {
        this.template = template;
        if (template.isBlank()) {
            throw new InvalidSweepException("--template: empty file name template");
        }
        if (template.indexOf('/') >= 0 || template.indexOf('\\') >= 0 || template.startsWith(".")) {
            throw new InvalidSweepException("--template: '" + template
                    + "' must be a plain file name inside --out (no '/', not starting with '.')");
        }
        if (hasControlCharacter(template)) {
            throw new InvalidSweepException("--template: '" + template.replaceAll("\\p{Cntrl}", "?")
                    + "' contains a control character (such as a newline); file names must not");
        }
        Matcher m = PLACEHOLDER.matcher(template);
        List<Integer> slotList = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        int end = 0;
        while (m.find()) {
            String name = m.group(1);
            int slot = switch (name) {
                case "index" -> INDEX;
                case "replica" -> REPLICA;
                case "iterations" -> ITERATIONS;
                case "seed" -> SEED;
                default -> params.indexOf(name);
            };
            if (slot == UNKNOWN) {
                List<String> known = new ArrayList<>(params);
                known.addAll(BUILT_IN);
                throw new InvalidSweepException("--template: unknown placeholder {" + name + "}; use any of {"
                        + String.join("}, {", known) + "}");
            }
            String literal = template.substring(end, m.start());
            literals.add(literal);
            regex.append(Pattern.quote(literal)).append(slot >= 0 ? NUMBER_CHARS : slot == SEED ? HEX_CHARS
                    : INTEGER_CHARS);
            slotList.add(slot);
            end = m.end();
        }
        String tail = template.substring(end);
        literals.add(tail);
        regex.append(Pattern.quote(tail));
        slots = new int[slotList.size()]; // a loop, not a stream: see SweepPlan.names
        for (int i = 0; i < slots.length; i++) {
            slots[i] = slotList.get(i);
        }
        cachedBits = new long[slots.length][1 << CACHE_BITS];
        cachedText = new String[slots.length][1 << CACHE_BITS];
        String reserved = ReservedNames.reservedMatch(Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE));
        if (reserved != null) {
            throw new InvalidSweepException("--template: '" + template + "' can name a trace " + reserved
                    + ", a name the sweep uses itself; reserved names: " + String.join(", ", ReservedNames.RESERVED)
                    + " and names starting with '.'");
        }
    }

    /**
     * The file name template used when the user gives none, built from the kernel's own parameters:
     * {@code name=VALUE} joined by {@code _} ({@code theta={theta}_sigma={sigma}.csv}), or the kernel's name for
     * one without parameters ({@code pi.csv}); {@code _r{replica}} is added when there are replicas. A kernel
     * with the lesson's parameters {@code x0}, {@code h}, {@code beta} gets the lesson's names,
     * {@code b{beta}_m{x0}_h{h}.csv}.
     */
    public static String defaultFor(String kernel, List<String> params, boolean replicas) {
        String base;
        if (params.size() == 3 && params.containsAll(List.of("x0", "h", "beta"))) {
            base = "b{beta}_m{x0}_h{h}";
        } else if (params.isEmpty()) {
            base = kernel.matches("[A-Za-z0-9_+-][A-Za-z0-9._+-]*") ? kernel : "task{index}";
        } else {
            StringBuilder b = new StringBuilder();
            for (String p : params) {
                b.append(b.isEmpty() ? "" : "_").append(p).append("={").append(p).append('}');
            }
            base = b.toString();
        }
        return base + (replicas ? "_r{replica}" : "") + ".csv";
    }

    /** @return the template as given */
    public String template() {
        return template;
    }

    /** Longest file name most file systems take (ext4, XFS, APFS, NTFS: 255 bytes or UTF-16 units). */
    public static final int MAX_NAME_BYTES = 255;

    /** Whether {@code s} has a control character. A loop, not a stream: see {@link SweepPlan#names}. */
    private static boolean hasControlCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /**
     * The file name of one task.
     *
     * @throws InvalidSweepException if it is longer than {@link #MAX_NAME_BYTES}
     */
    public String render(int index, double[] values, long iterations, int replica, long seed) {
        String name = format(index, values, iterations, replica, seed);
        // Only long names can be too long; counting UTF-8 bytes costs a copy.
        if (name.length() > MAX_NAME_BYTES / 3 && name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw new InvalidSweepException("--template: file name '" + name.substring(0, 40) + "...' is "
                    + name.getBytes(StandardCharsets.UTF_8).length + " bytes long; file names can have at most "
                    + MAX_NAME_BYTES);
        }
        return name;
    }

    private String format(int index, double[] values, long iterations, int replica, long seed) {
        StringBuilder out = new StringBuilder(template.length() + 16);
        for (int i = 0; i < slots.length; i++) {
            out.append(literals.get(i));
            switch (slots[i]) {
                case INDEX -> out.append(index);
                case REPLICA -> out.append(replica);
                case ITERATIONS -> out.append(iterations);
                case SEED -> out.append(Long.toUnsignedString(seed, 16));
                default -> out.append(spell(i, values[slots[i]]));
            }
        }
        return out.append(literals.get(slots.length)).toString();
    }

    /** {@link Numbers#format} of {@code v} for placeholder {@code i}, reused when it was spelled before. */
    private String spell(int i, double v) {
        long bits = Double.doubleToRawLongBits(v);
        int at = (int) ((bits ^ bits >>> 32) * 0x9E37_79B9_7F4A_7C15L >>> (64 - CACHE_BITS));
        String text = cachedText[i][at];
        if (text == null || cachedBits[i][at] != bits) {
            text = Numbers.format(v);
            cachedText[i][at] = text;
            cachedBits[i][at] = bits;
        }
        return text;
    }
}
