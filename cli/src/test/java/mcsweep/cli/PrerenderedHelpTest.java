package mcsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class PrerenderedHelpTest {

    /** What picocli itself prints for {@code sweep --help} at {@code width} columns, without colours. */
    private static String picocli(String width) {
        String before = System.getProperty("picocli.usage.width");
        System.setProperty("picocli.usage.width", width);
        try {
            CommandLine sweep = Main.commandLine("sweep", "--help").getSubcommands().get("sweep");
            StringWriter text = new StringWriter();
            sweep.usage(new PrintWriter(text, true), CommandLine.Help.Ansi.OFF);
            return text.toString().replace(System.lineSeparator(), "\n");
        } finally {
            if (before == null) {
                System.clearProperty("picocli.usage.width");
            } else {
                System.setProperty("picocli.usage.width", before);
            }
        }
    }

    /**
     * {@link PrerenderedHelp#TEXT} is the one copy of sweep's help text: it began as the annotated {@code SweepCommand}'s output
     * (commit bd46c5b), and picocli's rendering of the model {@link SweepCommand#spec} builds must equal it,
     * option order and wrapping included.
     */
    @Test
    void theTextIsPicocliNowRenderingOfSweepHelpAtTheDefaultWidth() {
        assertThat(PrerenderedHelp.TEXT)
                .as("sweep's options changed: copy picocli's rendering (the 'actual' below) into"
                        + " PrerenderedHelp.TEXT (cli/src/main/java/mcsweep/cli/PrerenderedHelp.java)")
                .isEqualTo(picocli(PrerenderedHelp.WIDTH));
    }

    @Test
    void printsTheTextOnlyForHelpAloneAtTheDefaultWidth() {
        String before = System.getProperty("picocli.usage.width");
        System.setProperty("picocli.usage.width", PrerenderedHelp.WIDTH);
        try {
            for (String[] args : new String[][] {{"sweep", "--help"}, {"sweep", "-h"}, {"help", "sweep"}}) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                assertThat(PrerenderedHelp.print(args, new PrintStream(out, true, StandardCharsets.UTF_8))).isTrue();
                assertThat(out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n")).isEqualTo(PrerenderedHelp.TEXT);
            }
            for (String[] args : new String[][] {{"sweep", "--help", "--beta", "1"}, {"run", "--help"}, {"--help"},
                {"sweep", "--beta"}}) {
                assertThat(PrerenderedHelp.print(args, new PrintStream(new ByteArrayOutputStream()))).as("%s", (Object) args).isFalse();
            }
            System.setProperty("picocli.usage.width", "100");
            assertThat(PrerenderedHelp.print(new String[] {"sweep", "--help"}, new PrintStream(new ByteArrayOutputStream()))).isFalse();
        } finally {
            if (before == null) {
                System.clearProperty("picocli.usage.width");
            } else {
                System.setProperty("picocli.usage.width", before);
            }
        }
        assertThat(picocli("100")).isNotEqualTo(PrerenderedHelp.TEXT).contains("Usage: mcsweep sweep");
    }
}
