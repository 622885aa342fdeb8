package mcsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class VersionHelpTest {

    /** What picocli itself prints for {@code arg} (its own parse and version help, no fast path). */
    private static String picocli(String arg) {
        CommandLine cl = Main.commandLine(arg);
        StringWriter text = new StringWriter();
        cl.setOut(new PrintWriter(text, true));
        assertThat(cl.execute(arg)).isZero();
        return text.toString();
    }

    private static String fastPath(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(VersionHelp.print(args, new PrintStream(out, true, StandardCharsets.UTF_8))).as("served").isTrue();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsWhatPicocliPrintsForVersionAlone() {
        for (String arg : new String[] {"--version", "-V"}) {
            String expected = picocli(arg);
            assertThat(expected).startsWith("mcsweep ").contains("Java " + Runtime.version());
            assertThat(fastPath(arg)).as(arg).isEqualTo(expected);
        }
    }

    @Test
    void leavesEveryOtherCommandLineToPicocli() {
        for (String[] args : new String[][] {{}, {"--version", "--help"}, {"-V", "sweep"}, {"sweep", "--version"},
            {"--kernel-path", "x.jar", "--version"}, {"-hV"}, {"--VERSION"}, {"version"}}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(VersionHelp.print(args, new PrintStream(out))).as("%s", (Object) args).isFalse();
            assertThat(out.size()).isZero();
        }
    }

    @Test
    void theCommandLinePrintsItThroughTheFastPathWithExitCodeZero() {
        Cli v = Cli.run("-V");

        assertThat(v.exitCode()).isZero();
        assertThat(v.err()).isEmpty();
        assertThat(v.out()).isEqualTo(fastPath("-V")).isEqualTo(picocli("-V"));
    }
}
