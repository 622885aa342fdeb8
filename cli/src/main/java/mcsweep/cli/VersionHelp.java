package mcsweep.cli;

import java.io.PrintStream;

/**
 * {@code mcsweep --version} (or {@code -V}) alone, printed without building picocli's model of the command line.
 * Building the top-level command (its options, the subcommands' placeholders, the converter registry) ran
 * interpreted in a JVM that has just started and was most of what {@code --version} cost beyond a hello world.
 * The text is what picocli prints for {@link Main#version()}: each line through {@code String.format} with no
 * arguments and picocli's markup parser, which leave a line unchanged unless it holds a {@code %} or picocli's
 * {@code @|} markup; such a line goes to picocli as before. {@code VersionHelpTest} compares the two.
 */
final class VersionHelp {

    private VersionHelp() {
    }

    /**
     * Prints the version to {@code out} if {@code args} is {@code --version} or {@code -V} and nothing else.
     *
     * @return whether it did
     */
    static boolean print(String[] args, PrintStream out) {
        if (args.length != 1 || !(args[0].equals("--version") || args[0].equals("-V"))) {
            return false;
        }
        String[] lines = Main.version();
        for (String line : lines) {
            if (line.indexOf('%') >= 0 || line.contains("@|")) {
                return false; // picocli would format or colour it
            }
        }
        for (String line : lines) {
            out.println(line);
        }
        out.flush();
        return true;
    }
}
