package mcsweep.executors.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import mcsweep.executors.ParallelExecutor;
import mcsweep.executors.SweepRun;
import mcsweep.executors.Task;
import mcsweep.executors.TaskFailure;
import mcsweep.executors.Uninterruptibly;
import mcsweep.executors.WorkerThreads;

/**
 * The workers of a {@code process} or {@code pool} sweep: one driver thread per slot takes tasks from the
 * {@link TaskQueue}, runs attempts in its {@link Slot}'s processes, retries attempts whose process was lost
 * ({@link mcsweep.executors.ExecutionOptions#retries()}), and reports every task to the {@link SweepRun},
 * like any in-JVM worker; the consumer loop, halt and cancellation are {@link ParallelExecutor}'s.
 * Cancelling kills every process ({@link WorkerProcesses}); the drivers then report their tasks cancelled.
 */
final class ProcessWorkers implements ParallelExecutor.Workers {

    private final SweepRun run;
    private final TaskQueue queue;
    private final WorkerProcesses processes;
    private final TaskLogs logs;
    private final WorkerThreads threads;
    private final List<Thread> drivers = new ArrayList<>();

    /**
     * Starts {@code n} drivers, each with the slot {@code slots} makes for its index.
     *
     * @param name the executor's name, for the driver threads' names
     */
    ProcessWorkers(String name, SweepRun run, TaskQueue queue, WorkerProcesses processes, TaskLogs logs,
                   int n, IntFunction<Slot> slots) {
        this.run = run;
        this.queue = queue;
        this.processes = processes;
        this.logs = logs;
        this.threads = new WorkerThreads(name);
        try {
            for (int i = 0; i < n; i++) {
                int slot = i;
                Thread t = threads.newThread(() -> drive(slots, slot));
                drivers.add(t);
                t.start();
            }
        } catch (RuntimeException | Error e) {
            processes.killAll();
            drivers.forEach(Uninterruptibly::join);
            throw e;
        }
    }

    @Override
    public void cancel() {
        processes.killAll();
    }

    @Override
    public void awaitTermination() throws InterruptedException {
        threads.join();
        processes.close();
        logs.close();
    }

    private void drive(IntFunction<Slot> slots, int index) {
        Task task = null;
        try (Slot slot = slots.apply(index)) {
            // Once processes are being killed (a signal's shutdown hook may get there before the consumer marks
            // the run stopping), take no new task: those are not started, not cancelled (skipRest below).
            while ((task = slot.handedOver()) != null || (!processes.killing() && (task = queue.next()) != null)) {
                runWithRetries(slot, task);
                task = null;
            }
        } catch (RuntimeException | Error e) {
            // A bug in a slot must not hang the sweep: the task it held fails, the rest are skipped.
            if (task != null) {
                run.failed(new TaskFailure(task, "internal error: " + e, e, 1));
            }
            System.getLogger(ProcessWorkers.class.getName()).log(System.Logger.Level.ERROR, "driver failed", e);
        } finally {
            queue.skipRest();
        }
    }

    private void runWithRetries(Slot slot, Task task) {
        int attempts = 0;
        while (true) {
            attempts++;
            Slot.Attempt a;
            try {
                a = slot.attempt(task);
            } catch (WorkerProcesses.Cancelled c) {
                run.cancelled(task, null, attempts);
                return;
            } catch (IOException | RuntimeException e) {
                a = Slot.Attempt.lost("cannot run a worker: " + e.getMessage());
            }
            if (a.result() != null) {
                run.succeeded(a.result());
                return;
            }
            if (processes.killing()) {
                run.cancelled(task, null, attempts);
                return;
            }
            if (!a.retryable() || run.stopping() || attempts > run.options().retries()) {
                String tries = attempts > 1 ? " (after " + attempts + " attempts)" : "";
                run.failed(new TaskFailure(task, a.error() + tries, null, attempts));
                return;
            }
        }
    }
}
