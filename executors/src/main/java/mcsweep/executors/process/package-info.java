/**
 * The {@code process} and {@code pool} executors: tasks in worker JVMs ({@link
 * mcsweep.executors.process.WorkerMain}), started cheaply ({@code WorkerJvm}: flags and an AOT or AppCDS
 * archive built on first use), spoken to in a small protocol ({@code Protocol}: command line and reply line
 * for {@code process}, binary frames over stdin/stdout for {@code pool}).
 *
 * <p>One class per job: {@code ProcessWorkers} (a driver thread per slot, retries), {@code TaskQueue} (which
 * task next, tasks given back by a lost worker), {@code WorkerProcesses} (every process of the sweep, killed
 * at once when it stops), {@code TaskLogs} (workers' stderr per task), and a {@code Slot} per executor (one
 * JVM per attempt, or one long-lived JVM with flow-controlled frames). The consumer loop, halting, the
 * timeout's clock and cancellation are the shared ones of {@link mcsweep.executors.ParallelExecutor}.
 *
 * <p><b>Threading.</b> Each driver thread ({@code mcsweep-process-K}, {@code mcsweep-pool-K}) owns its slot
 * and its processes' stdin/stdout; a pool worker's stderr is read by a thread of its own. The watchdog thread
 * and the consumer only ever kill processes, through {@code WorkerProcesses}, which is thread-safe. A worker
 * writes its trace under a temporary name its driver chose; only the driver, having accepted the reply,
 * renames it into place, so a trace exists only for a task reported finished.
 */
package mcsweep.executors.process;
