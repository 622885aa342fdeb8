package mcsweep.executors;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How an executor should run a sweep. Executors ignore what does not apply to them (a sequential executor
 * has one worker whatever {@code workers} says).
 *
 * @param workers  how many tasks may run at once, {@code >= 1}
 * @param chunk    tasks per submission, or {@code 0} to let the executor choose
 * @param halt     what to do when a task fails
 * @param timeout  per-task limit, or {@code null} for none: a task still running then is interrupted at its
 *                 next block boundary (or its worker process killed) and fails as timed out
 * @param retries  extra attempts for a task whose worker process died or timed out (a timed-out task in
 *                 this JVM is not retried: it would time out again)
 * @param logDir   where executors may keep per-task logs (such as worker stderr), or {@code null}
 */
public record ExecutionOptions(int workers, int chunk, HaltPolicy halt, Duration timeout, int retries, Path logDir) {

    public ExecutionOptions {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1: " + workers);
        }
        if (chunk < 0) {
            throw new IllegalArgumentException("chunk must be >= 0: " + chunk);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be >= 0: " + retries);
        }
        if (halt == null) {
            halt = HaltPolicy.NEVER;
        }
    }

    /** Tasks per submission: {@link #chunk()}, or {@code executorDefault} when it is 0 (the executor's choice). */
    public int chunkOr(int executorDefault) {
        return chunk == 0 ? executorDefault : chunk;
    }

    /** One worker per available processor, executor's own chunking, never halt, no timeout or retries. */
    public static ExecutionOptions defaults() {
        return new ExecutionOptions(Runtime.getRuntime().availableProcessors(), 0, HaltPolicy.NEVER, null, 0, null);
    }

    public ExecutionOptions withWorkers(int workers) {
        return new ExecutionOptions(workers, chunk, halt, timeout, retries, logDir);
    }

    public ExecutionOptions withChunk(int chunk) {
        return new ExecutionOptions(workers, chunk, halt, timeout, retries, logDir);
    }

    public ExecutionOptions withHalt(HaltPolicy halt) {
        return new ExecutionOptions(workers, chunk, halt, timeout, retries, logDir);
    }

    public ExecutionOptions withTimeout(Duration timeout) {
        return new ExecutionOptions(workers, chunk, halt, timeout, retries, logDir);
    }

    public ExecutionOptions withRetries(int retries) {
        return new ExecutionOptions(workers, chunk, halt, timeout, retries, logDir);
    }

    public ExecutionOptions withLogDir(Path logDir) {
        return new ExecutionOptions(workers, chunk, halt, timeout, retries, logDir);
    }
}
