package mcsweep.executors.process;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import mcsweep.executors.SweepRun;
import mcsweep.executors.Task;

/**
 * Which task a driver runs next: tasks in order from a shared cursor, and first any task given back by a
 * driver whose worker died before starting it. Thread-safe.
 */
final class TaskQueue {

    private final SweepRun run;
    private final AtomicInteger cursor = new AtomicInteger();
    private final Queue<Task> givenBack = new ConcurrentLinkedQueue<>();

    TaskQueue(SweepRun run) {
        this.run = run;
    }

    /** The next task, or {@code null} when none is left or the sweep is stopping. */
    Task next() {
        if (run.stopping()) {
            return null;
        }
        Task t = givenBack.poll();
        if (t != null) {
            return t;
        }
        int i = cursor.getAndIncrement();
        if (i < run.size()) {
            return run.task(i);
        }
        cursor.set(run.size()); // keep it from overflowing, whoever asks how often
        return null;
    }

    /**
     * A task to send to a worker ahead of time, so that it starts the moment the worker's current task ends,
     * without a round trip; {@code null} if none. Only when the sweep never halts: a task sent ahead cannot
     * be called back if an earlier one fails.
     */
    Task prefetch() {
        return run.options().halt() == mcsweep.executors.HaltPolicy.NEVER ? next() : null;
    }

    /** A task taken but never started (its worker died first): it runs later, or is skipped. */
    void giveBack(Task t) {
        givenBack.add(t);
    }

    /**
     * Accounts for every task not taken yet as not started. Called by each driver as it leaves: a task given
     * back meanwhile is skipped by the driver that gave it back, which calls this too afterwards.
     */
    void skipRest() {
        int skipped = 0;
        while (givenBack.poll() != null) {
            skipped++;
        }
        int from = cursor.getAndSet(run.size());
        skipped += Math.max(0, run.size() - from);
        run.skip(skipped);
    }
}
