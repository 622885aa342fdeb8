package mcsweep.executors;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

import mcsweep.kernel.Block;
import mcsweep.kernel.Column;
import mcsweep.kernel.Kernel;
import mcsweep.kernel.Parameter;
import mcsweep.kernel.Summary;
import mcsweep.kernel.TraceSink;

/**
 * A kernel for the executor contract suite, found through the test class path's
 * {@code META-INF/services/mcsweep.kernel.Kernel}: it remembers which threads ran it (so a test can check
 * that none is alive after a sweep, virtual threads included) and throws when asked to.
 *
 * <p>Parameters {@code x} and {@code fail}: a task with {@code fail != 0} throws; the trace is
 * {@code x + i} for step {@code i}; the summary is the sum of the trace.
 */
public final class ContractTestKernel implements Kernel {

    public static final String NAME = "contract-test";

    /** Every thread that ran a task in this JVM since the last {@link #forgetThreads()}. */
    public static final Set<Thread> THREADS = ConcurrentHashMap.newKeySet();

    public static void forgetThreads() {
        THREADS.clear();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "test kernel: remembers its threads, fails when fail != 0";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.finite("x", "start"), Parameter.finite("fail", "non-zero: throw"));
    }

    @Override
    public List<Column> columns() {
        return List.of(Column.f64("y"));
    }

    @Override
    public List<String> summaryNames() {
        return List.of("sum");
    }

    @Override
    public Summary run(double[] params, long iterations, RandomGenerator rng, TraceSink sink)
            throws IOException, InterruptedException {
        THREADS.add(Thread.currentThread());
        if (params[1] != 0) {
            throw new IllegalStateException("asked to fail at x=" + params[0]);
        }
        Block block = new Block(columns(), 1024);
        double[] y = block.f64(0);
        double sum = 0;
        sink.begin(columns());
        for (long done = 0; done < iterations; ) {
            int n = (int) Math.min(y.length, iterations - done);
            for (int i = 0; i < n; i++) {
                y[i] = params[0] + done + i;
                sum += y[i];
            }
            block.length(n);
            sink.write(block);
            done += n;
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        return new Summary(summaryNames(), new double[] {sum});
    }
}
