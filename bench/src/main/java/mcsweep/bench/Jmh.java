package mcsweep.bench;

import java.io.PrintStream;
import java.util.Collection;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs JMH with its progress written to a stream of ours (the log file, and the terminal with {@code -v}). */
final class Jmh {

    private Jmh() {
    }

    static Collection<RunResult> run(Options options, PrintStream progress) throws RunnerException {
        return new Runner(options, OutputFormatFactory.createFormatInstance(progress,
                options.verbosity().orElse(VerboseMode.NORMAL))).run();
    }

    /** A stream that writes to both, for {@code -v}. */
    static PrintStream tee(PrintStream a, PrintStream b) {
        return new PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int c) {
                a.write(c);
                b.write(c);
            }

            @Override
            public void write(byte[] buf, int off, int len) {
                a.write(buf, off, len);
                b.write(buf, off, len);
            }

            @Override
            public void flush() {
                a.flush();
                b.flush();
            }
        }, true, java.nio.charset.StandardCharsets.UTF_8);
    }
}
