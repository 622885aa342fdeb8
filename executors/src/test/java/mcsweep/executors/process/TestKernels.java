package mcsweep.executors.process;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.random.RandomGenerator;

import mcsweep.kernel.Column;
import mcsweep.kernel.Kernel;
import mcsweep.kernel.Parameter;
import mcsweep.kernel.Summary;
import mcsweep.kernel.TraceSink;

/** Misbehaving kernels for the process executors' tests, found by worker JVMs through the shared class path. */
public final class TestKernels {

    private TestKernels() {
    }

    private abstract static class Base implements Kernel {
        @Override
        public String description() {
            return "test only";
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(Parameter.finite("seconds", "how long to sleep"));
        }

        @Override
        public List<Column> columns() {
            return List.of(Column.f64("x"));
        }

        @Override
        public List<String> summaryNames() {
            return List.of("value");
        }

        Summary summary(double v) {
            return new Summary(summaryNames(), new double[] {v});
        }
    }

    /** Sleeps {@code seconds}, then returns them: a task that hangs, or one long enough to be killed mid-run. */
    public static final class Sleep extends Base {
        @Override
        public String name() {
            return "test-sleep";
        }

        @Override
        public Summary run(double[] params, long iterations, RandomGenerator rng, TraceSink sink)
                throws IOException, InterruptedException {
            sink.begin(columns());
            Thread.sleep((long) (params[0] * 1000));
            return summary(params[0]);
        }
    }

    /** Writes to the real stdout, bypassing System.out: what a native library or a careless launcher might do. */
    public static final class Garbage extends Base {
        @Override
        public String name() {
            return "test-garbage";
        }

        @Override
        @SuppressWarnings("resource") // closing it would close fd 1
        public Summary run(double[] params, long iterations, RandomGenerator rng, TraceSink sink) throws IOException {
            FileOutputStream out = new FileOutputStream(FileDescriptor.out);
            out.write("hello from the kernel\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            return summary(params[0]);
        }
    }

    /** Prints through System.out and System.err, which a worker must keep off its protocol stream. */
    public static final class Print extends Base {
        @Override
        public String name() {
            return "test-print";
        }

        @Override
        public Summary run(double[] params, long iterations, RandomGenerator rng, TraceSink sink) {
            System.out.println("printed to System.out");
            System.err.println("printed to System.err");
            return summary(params[0]);
        }
    }

    /** Throws: an ordinary task failure, reported with its message and never retried. */
    public static final class Fail extends Base {
        @Override
        public String name() {
            return "test-fail";
        }

        @Override
        public Summary run(double[] params, long iterations, RandomGenerator rng, TraceSink sink) {
            throw new IllegalStateException("failing on purpose with " + params[0]);
        }
    }
}
