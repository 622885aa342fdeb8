package mcsweep.executors.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every worker process of one sweep, so that stopping (halt now, an interrupt, the JVM's shutdown hook)
 * can kill them all: no process starts once killing began, and {@link #close()} returns only when every one
 * has exited. Thread-safe.
 */
final class WorkerProcesses implements AutoCloseable {

    /** Thrown by {@link #start} once the sweep is being killed. */
    static final class Cancelled extends Exception {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    private final Set<Process> live = new HashSet<>();
    private final Thread hook = new Thread(this::killAll, "mcsweep-process-reaper");
    private volatile boolean killing;

    /** Starts killing every process if this JVM exits (Ctrl-C with no handler of ours, System.exit). */
    WorkerProcesses() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Starts and registers a process, unless the sweep is being killed. */
    Process start(ProcessBuilder builder) throws IOException, Cancelled {
        synchronized (live) {
            if (killing) {
                throw new Cancelled();
            }
            Process p = builder.start();
            live.add(p);
            return p;
        }
    }

    /** Forgets a process that has exited. */
    void exited(Process p) {
        synchronized (live) {
            live.remove(p);
        }
    }

    /** Whether {@link #killAll()} was called: a process that died meanwhile was killed by us. */
    boolean killing() {
        return killing;
    }

    /** Kills {@code p} and whatever it started (an AOT-recording JVM forks one). Does not wait. */
    static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    /** Starts nothing new and kills every process. Does not wait. */
    void killAll() {
        synchronized (live) {
            killing = true;
            live.forEach(WorkerProcesses::kill);
        }
    }

    /** Kills and waits for whatever is still registered (normally nothing), and removes the shutdown hook. */
    @Override
    public void close() {
        List<Process> left;
        synchronized (live) {
            left = new ArrayList<>(live);
        }
        for (Process p : left) {
            kill(p);
            p.onExit().join();
            exited(p);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs or ran: it only kills what we have killed already
        }
    }

    /** "exited with code 3", "was killed (signal 9)". */
    static String exitDescription(int code) {
        return code > 128 && code < 160 ? "was killed (signal " + (code - 128) + ")" : "exited with code " + code;
    }
}
