package mcsweep.kernel;

import java.math.BigDecimal;

/** Number spelling shared by file names, messages and tables. */
public final class Numbers {

    private Numbers() {
    }

    /**
     * Spells a double the way Python's {@code str(float)} does for the values sweeps use ({@code 0.5},
     * {@code 1.0}, {@code 0.0001}, {@code 1e-05}), so file names match the lesson program's. The result
     * always parses back to {@code v}.
     */
    public static String format(double v) {
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e7) {
            // Here Java's shortest repr is plain decimal with a ".0" for integers, exactly as Python's is; the
            // BigDecimal path below costs ~1 us, and summaries spell millions of values.
            return Double.toString(v);
        }
        return slowFormat(v);
    }

    static String slowFormat(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (v == 0.0) {
            return (1 / v < 0) ? "-0.0" : "0.0";
        }
        double a = Math.abs(v);
        String shortest = Double.toString(v); // shortest repr that round-trips (JDK 19+)
        if (a >= 1e-4 && a < 1e16) {
            String plain = new BigDecimal(shortest).stripTrailingZeros().toPlainString();
            return plain.indexOf('.') < 0 ? plain + ".0" : plain;
        }
        // Python: 1e-05, 1.5e+16; Java: 1.0E-5, 1.5E16
        BigDecimal d = new BigDecimal(shortest);
        String mantissa = d.unscaledValue().abs().toString();
        int exponent = mantissa.length() - 1 - d.scale();
        String digits = mantissa.replaceAll("0+$", "");
        if (digits.isEmpty()) {
            digits = "0";
        }
        String m = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String e = String.format("%s%02d", exponent < 0 ? "-" : "+", Math.abs(exponent));
        return (v < 0 ? "-" : "") + m + "e" + e;
    }
}
