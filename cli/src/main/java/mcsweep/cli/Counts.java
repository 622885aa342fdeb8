package mcsweep.cli;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Parses large counts the way people write them: {@code 100000000000}, {@code 10^11}, {@code 1e11}, {@code 2.5e9}. */
final class Counts {

    private Counts() {
    }

    /**
     * A whole number {@code >= 1} that fits in a {@code long}.
     *
     * @param option the option's name, for the error message
     * @throws UserError naming the option and what is allowed
     */
    static long parse(String option, String text) {
        String t = text.trim().replace("_", "");
        BigDecimal value;
        try {
            int caret = t.indexOf('^');
            if (caret >= 0) {
                BigInteger base = new BigInteger(t.substring(0, caret));
                int exponent = Integer.parseInt(t.substring(caret + 1));
                if (exponent < 0 || exponent > 64) {
                    throw new NumberFormatException();
                }
                value = new BigDecimal(base.pow(exponent));
            } else {
                value = new BigDecimal(t);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new UserError(option + ": '" + text + "' is not a count; write e.g. 1000000, 10^11 or 1e11");
        }
        if (value.signum() <= 0 || value.stripTrailingZeros().scale() > 0
                || value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new UserError(option + ": '" + text + "' is out of range; it must be a whole number >= 1 and <= "
                    + Long.MAX_VALUE);
        }
        return value.longValueExact();
    }
}
