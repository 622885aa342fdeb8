package mcsweep.executors;

/**
 * Receives each task's outcome as it happens. An executor calls these methods from the thread that called
 * {@link SweepExecutor#execute}, one at a time, never concurrently, so implementations need no locking;
 * they should be quick, as workers' results queue up behind them.
 */
public interface SweepListener {

    /** A task finished. Called exactly once per finished task. */
    void onResult(TaskResult result);

    /** A task failed after its last attempt, or was cancelled. Called at most once per task. */
    void onFailure(TaskFailure failure);

    /** A listener that ignores everything. */
    SweepListener NONE = new SweepListener() {
        @Override
        public void onResult(TaskResult result) {
        }

        @Override
        public void onFailure(TaskFailure failure) {
        }
    };
}
