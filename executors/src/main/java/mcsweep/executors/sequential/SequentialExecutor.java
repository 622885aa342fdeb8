package mcsweep.executors.sequential;

import mcsweep.executors.ParallelExecutor;
import mcsweep.executors.SweepRun;

/**
 * Runs tasks one after another in the calling thread: the reference every other executor must match. It
 * has no worker of its own: the shared consumer loop runs the next task itself whenever it has nothing to
 * report ({@link ParallelExecutor.Workers#help()}), so halting, the timeout and cancellation behave exactly
 * as in every other executor.
 */
public final class SequentialExecutor extends ParallelExecutor {

    @Override
    public String name() {
        return "sequential";
    }

    @Override
    public String description() {
        return "one task after another in the calling thread; the reference, and the baseline for overhead";
    }

    @Override
    protected Workers start(SweepRun run, int workers) {
        return new Workers() {
            private int next;

            @Override
            public boolean help() {
                int n = run.size();
                if (next >= n) {
                    return false;
                }
                if (run.stopping()) {
                    run.skip(n - next);
                    next = n;
                } else {
                    run.runRange(next, ++next);
                }
                return true;
            }

            @Override
            public void cancel() {
                // the only task runs on the calling thread: the interrupt that cancels reached it already
            }

            @Override
            public void awaitTermination() {
            }
        };
    }
}
