package mcsweep.kernel;

import java.math.BigDecimal;

/**
 * The BigDecimal spelling that {@link Numbers#format} used until its character-only rewrite, kept as the
 * reference the new one must match character for character: file names are part of resume.
 */
final class PythonReprReference {

    private PythonReprReference() {
    }

    static String format(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (v == 0.0) {
            return (1 / v < 0) ? "-0.0" : "0.0";
        }
        double a = Math.abs(v);
        String shortest = Double.toString(v);
        if (a >= 1e-4 && a < 1e16) {
            String plain = new BigDecimal(shortest).stripTrailingZeros().toPlainString();
            return plain.indexOf('.') < 0 ? plain + ".0" : plain;
        }
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
