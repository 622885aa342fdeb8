package mcsweep.kernel;

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
            // Here Java's shortest repr is plain decimal with a ".0" for integers, exactly as Python's is.
            return Double.toString(v);
        }
        return slowFormat(v);
    }

    /**
     * The general case: Java's shortest digits ({@code Double.toString}, JDK 19+), laid out as Python's
     * repr lays them out: plain decimal for decimal exponents -4 to 15, otherwise {@code d.ddde-05} /
     * {@code e+16}. Rearranges the characters only: a {@code BigDecimal} here cost a 30 ms class
     * initialisation and about 1 us a value on a sweep's first job-log lines (small means and errors).
     */
    static String slowFormat(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (v == 0.0) {
            return (1 / v < 0) ? "-0.0" : "0.0";
        }
        String s = Double.toString(v);
        // Digits without sign, point and trailing zeros, and the decimal exponent of the first one.
        char[] digits = new char[s.length()];
        int n = 0;
        int exponent;
        int e = s.indexOf('E');
        int first = v < 0 ? 1 : 0;
        int end;
        if (e < 0) {
            // plain "123.45" or "0.00123" (only for 1e-3 <= |v| < 1e7): the digits start at the first non-zero
            int point = s.indexOf('.');
            while (first < s.length() && (s.charAt(first) == '0' || s.charAt(first) == '.')) {
                first++;
            }
            exponent = first < point ? point - first - 1 : point - first;
            end = s.length();
        } else {
            // "d.dddE-n": one digit before the point, never zero
            exponent = Integer.parseInt(s, e + 1, s.length(), 10);
            end = e;
        }
        for (int i = first; i < end; i++) {
            if (s.charAt(i) != '.') {
                digits[n++] = s.charAt(i);
            }
        }
        while (n > 1 && digits[n - 1] == '0') {
            n--;
        }
        StringBuilder out = new StringBuilder(n + 24);
        if (v < 0) {
            out.append('-');
        }
        if (exponent >= -4 && exponent < 16) {
            if (exponent < 0) {
                out.append("0.");
                out.repeat('0', -exponent - 1);
                out.append(digits, 0, n);
            } else if (n <= exponent + 1) {
                out.append(digits, 0, n).repeat('0', exponent + 1 - n).append(".0");
            } else {
                out.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, n - exponent - 1);
            }
            return out.toString();
        }
        out.append(digits[0]);
        if (n > 1) {
            out.append('.').append(digits, 1, n - 1);
        }
        out.append(exponent < 0 ? "e-" : "e+");
        int m = Math.abs(exponent);
        if (m < 10) {
            out.append('0');
        }
        return out.append(m).toString();
    }
}
