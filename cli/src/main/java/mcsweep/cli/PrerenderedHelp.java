package mcsweep.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import picocli.CommandLine.Help.Ansi;

/**
 * {@code mcsweep sweep --help} at the default width, printed from a resource instead of laid out by picocli.
 * picocli's help layout ({@code TextTable}, {@code Ansi.Text}) runs interpreted in a JVM that has just
 * started, and made {@code sweep --help} cost about 4x a hello-world JVM (the AOT cache holds classes and
 * profiles, not compiled code). The resource is picocli's own rendering at width 80 without colours;
 * {@code PrerenderedHelpTest} renders it again with picocli and fails when the two differ, so editing an
 * option means copying picocli's new text into the resource (the test's message says how). Any other width,
 * colours, or help asked for among other arguments go to picocli as before.
 */
final class PrerenderedHelp {

    static final String RESOURCE = "sweep-help-80.txt";
    static final String WIDTH = "80";

    /** The argument lists that print sweep's help and nothing else. */
    private static final List<List<String>> ASKS = List.of(
            List.of("sweep", "--help"), List.of("sweep", "-h"), List.of("help", "sweep"));

    private PrerenderedHelp() {
    }

    /**
     * Prints sweep's help to {@code out} if {@code args} ask for it alone, at the default width (the system
     * property {@code picocli.usage.width} is {@value #WIDTH}) and without colours.
     *
     * @return whether it did
     */
    static boolean print(String[] args, PrintStream out) {
        if (args.length != 2 || !ASKS.contains(Arrays.asList(args))
                || !WIDTH.equals(System.getProperty("picocli.usage.width")) || Ansi.AUTO.enabled()) {
            return false;
        }
        byte[] text;
        try (InputStream in = PrerenderedHelp.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return false;
            }
            text = in.readAllBytes();
        } catch (IOException e) {
            return false; // picocli renders it
        }
        String s = new String(text, java.nio.charset.StandardCharsets.UTF_8);
        out.print("\n".equals(System.lineSeparator()) ? s : s.replace("\n", System.lineSeparator()));
        out.flush();
        return true;
    }
}
