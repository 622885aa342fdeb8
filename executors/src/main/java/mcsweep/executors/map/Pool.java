package mcsweep.executors.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

import mcsweep.executors.ExecutionOptions;
import mcsweep.executors.HaltPolicy;
import mcsweep.executors.SweepExecutor;
import mcsweep.executors.SweepExecutors;
import mcsweep.executors.SweepListener;
import mcsweep.executors.SweepOutcome;
import mcsweep.executors.Task;
import mcsweep.executors.TaskFailure;
import mcsweep.executors.TaskResult;
import mcsweep.kernel.Seeds;

/**
 * Pathos-style {@code map} for plain Java functions, on any in-JVM executor:
 * <pre>{@code
 *   Pool pool = Pool.of("forkjoin", 2);
 *   pool.map(Math::pow, List.of(1.0, 2.0, 3.0, 4.0), List.of(5.0, 4.0, 3.0, 2.0));   // [1.0, 16.0, 27.0, 16.0]
 * }</pre>
 * Each element is a task of the executor, so it gets the executor's scheduling, halting and cancellation.
 *
 * <ul>
 * <li>Several lists are taken element by element, like Pathos' {@code map(f, *lists)}; lists of different
 *     lengths are an error ({@link IllegalArgumentException}), not silently cut to the shortest as Python's
 *     {@code map} does: a missing element is almost always a bug.</li>
 * <li>{@link #map} returns results in input order; {@link #imap} yields them in input order as they become
 *     available; {@link #uimap} yields them as they complete, with their index; {@link #amap} returns at once
 *     with a {@link Future}.</li>
 * <li>When the function throws, the map stops (running elements finish, no new one starts) and throws a
 *     {@link MapException} carrying the index of the failing element (the lowest, if several failed) and the
 *     exception as its cause.</li>
 * <li>Cancelling (interrupting the calling thread, {@code Future.cancel(true)}, closing an iterator) starts no
 *     new element and interrupts running ones; a function that never looks at its interrupt status runs to its
 *     end.</li>
 * <li>Only the in-JVM executors ({@value #IN_JVM_NAMES}) run functions: {@code process} and {@code pool} run
 *     tasks in other JVMs, which can run a kernel by name ({@code mcsweep sweep}), not a lambda of this one.</li>
 * </ul>
 * A pool holds no threads between calls (the executor starts and ends them per call), so it needs no closing.
 */
public final class Pool {

    static final String IN_JVM_NAMES = "sequential, threads, forkjoin, virtual";
    private static final List<String> IN_JVM = List.of(IN_JVM_NAMES.split(", "));
    private static final AtomicInteger DRIVERS = new AtomicInteger();

    private final SweepExecutor executor;
    private final int workers;

    private Pool(SweepExecutor executor, int workers) {
        this.executor = executor;
        this.workers = workers;
    }

    /**
     * A pool on the executor called {@code executor} with {@code workers} workers.
     *
     * @throws IllegalArgumentException for an unknown executor, one that runs tasks outside this JVM, or
     *                                  {@code workers < 1}
     */
    public static Pool of(String executor, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1: " + workers);
        }
        SweepExecutor e = SweepExecutors.byName(executor);
        if (!IN_JVM.contains(e.name())) {
            throw new IllegalArgumentException("map runs Java functions of this JVM, so it needs an in-JVM executor ("
                    + IN_JVM_NAMES + "); '" + executor + "' runs tasks in other JVMs, which can run a kernel by name"
                    + " (mcsweep sweep --kernel NAME), not a function");
        }
        return new Pool(e, workers);
    }

    /** A pool on {@code executor} with one worker per available processor. */
    public static Pool of(String executor) {
        return of(executor, Runtime.getRuntime().availableProcessors());
    }

    /** {@code [f(xs[0]), f(xs[1]), ...]}, in input order. */
    public <A, R> List<R> map(Function<? super A, ? extends R> f, List<? extends A> xs) {
        return collect(xs.size(), i -> f.apply(xs.get(i)));
    }

    /** {@code [f(xs[0], ys[0]), f(xs[1], ys[1]), ...]}, in input order; the lists must be equally long. */
    public <A, B, R> List<R> map(BiFunction<? super A, ? super B, ? extends R> f, List<? extends A> xs,
                                 List<? extends B> ys) {
        return collect(length(xs, ys), i -> f.apply(xs.get(i), ys.get(i)));
    }

    /**
     * Any number of lists, element by element: {@code f} gets the i-th element of each list, in list order
     * (Pathos' {@code map(f, *lists)}). The lists must be equally long.
     */
    public <R> List<R> mapAll(Function<? super List<Object>, ? extends R> f, List<?>... lists) {
        return collect(length(lists), i -> f.apply(row(lists, i)));
    }

    /** Like {@link #map(Function, List)}, but returns at once; {@code cancel(true)} cancels the map. */
    public <A, R> Future<List<R>> amap(Function<? super A, ? extends R> f, List<? extends A> xs) {
        FutureTask<List<R>> task = new FutureTask<>(() -> map(f, xs));
        driver(task).start();
        return task;
    }

    /** Results in input order, each as soon as it and all before it are done (Pathos' {@code imap}). */
    public <A, R> Results<R> imap(Function<? super A, ? extends R> f, List<? extends A> xs) {
        return stream(xs.size(), i -> f.apply(xs.get(i)), true);
    }

    /** Results as they complete, each with its index (Pathos' {@code uimap}, plus the index). */
    public <A, R> Results<Indexed<R>> uimap(Function<? super A, ? extends R> f, List<? extends A> xs) {
        return stream(xs.size(), i -> f.apply(xs.get(i)), false);
    }

    /** A result and the position of its element. */
    public record Indexed<R>(int index, R value) {
    }

    /** Results of {@link #imap} or {@link #uimap}; closing it before the end cancels the rest of the map. */
    public static final class Results<T> implements Iterator<T>, AutoCloseable {
        private static final Object END = new Object();
        /** A null result travels as this, so that the queue can hold it. */
        private static final Object NULL = new Object();
        private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        private Thread driver;
        private Object next;

        @Override
        public boolean hasNext() {
            if (next == null) {
                try {
                    next = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    close();
                    throw new CancellationException("interrupted while waiting for a result");
                }
            }
            if (next instanceof RuntimeException e) {
                throw e; // stays next: every later call says the same
            }
            return next != END;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Object r = next;
            next = null;
            return r == NULL ? null : (T) r;
        }

        /** Cancels what has not run yet; results already made are dropped. */
        @Override
        public void close() {
            driver.interrupt();
        }
    }

    private <T, R> Results<T> stream(int n, IntFunction<? extends R> apply, boolean ordered) {
        Results<T> results = new Results<>();
        results.driver = driver(() -> {
            try {
                if (ordered) {
                    Object[] done = new Object[n];
                    boolean[] ready = new boolean[n];
                    int[] nextIndex = {0};
                    execute(n, apply, (i, r) -> {
                        done[i] = r;
                        ready[i] = true;
                        while (nextIndex[0] < n && ready[nextIndex[0]]) {
                            results.queue.add(box(done[nextIndex[0]]));
                            done[nextIndex[0]++] = null;
                        }
                    });
                } else {
                    execute(n, apply, (i, r) -> results.queue.add(new Indexed<>(i, r)));
                }
                results.queue.add(Results.END);
            } catch (RuntimeException e) {
                results.queue.add(e);
            }
        });
        results.driver.start();
        return results;
    }

    private static Object box(Object r) {
        return r == null ? Results.NULL : r;
    }

    private static Thread driver(Runnable r) {
        // Not "mcsweep-...": that prefix marks executors' worker threads, which tests check are all gone.
        Thread t = new Thread(r, "pool-map-" + DRIVERS.incrementAndGet());
        t.setDaemon(true);
        return t;
    }

    private <R> List<R> collect(int n, IntFunction<? extends R> apply) {
        Object[] out = new Object[n];
        execute(n, apply, (i, r) -> out[i] = r);
        @SuppressWarnings("unchecked")
        List<R> list = (List<R>) Collections.unmodifiableList(Arrays.asList(out));
        return list;
    }

    @FunctionalInterface
    private interface Sink {
        void accept(int index, Object result);
    }

    /**
     * Runs {@code apply} for {@code 0..n-1} as tasks of the executor; {@code sink} gets each result on this
     * thread as it completes.
     */
    private <R> void execute(int n, IntFunction<? extends R> apply, Sink sink) {
        Object[] results = new Object[n];
        // Written by a worker before it reports the task; the result pipeline's hand-off publishes it to us.
        String kernel = MapTasks.register(i -> results[i] = apply.apply(i));
        try {
            List<Task> tasks = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                tasks.add(new Task(i, kernel, new double[0], 0, 0, 0, Seeds.DEFAULT_ALGORITHM, null));
            }
            TaskFailure[] first = new TaskFailure[1];
            SweepOutcome outcome = executor.execute(tasks, ExecutionOptions.defaults().withWorkers(workers)
                    .withHalt(HaltPolicy.NOW), new SweepListener() {
                        @Override
                        public void onResult(TaskResult r) {
                            int i = r.task().index();
                            Object v = results[i];
                            results[i] = null;
                            sink.accept(i, v);
                        }

                        @Override
                        public void onFailure(TaskFailure f) {
                            boolean cancelled = f.cause() instanceof InterruptedException;
                            if (!cancelled && (first[0] == null || f.task().index() < first[0].task().index())) {
                                first[0] = f;
                            }
                        }
                    });
            if (first[0] != null) {
                Throwable cause = first[0].cause();
                throw new MapException(first[0].task().index(),
                        cause == null ? first[0].error() : String.valueOf(cause), cause);
            }
            if (outcome.interrupted() || outcome.completed() < n) {
                throw new CancellationException("map cancelled: " + outcome.completed() + " of " + n + " elements done");
            }
        } finally {
            MapTasks.unregister(kernel);
        }
    }

    private static int length(List<?>... lists) {
        if (lists.length == 0) {
            throw new IllegalArgumentException("map needs at least one list");
        }
        int n = lists[0].size();
        for (int k = 1; k < lists.length; k++) {
            if (lists[k].size() != n) {
                throw new IllegalArgumentException("lists differ in length (list 0 has " + n + " elements, list "
                        + k + " has " + lists[k].size() + "); map takes them element by element, so give lists of"
                        + " equal length (it does not cut them to the shortest as Python's map does)");
            }
        }
        return n;
    }

    private static List<Object> row(List<?>[] lists, int i) {
        List<Object> r = new ArrayList<>(lists.length);
        for (List<?> l : lists) {
            r.add(l.get(i));
        }
        return Collections.unmodifiableList(r);
    }
}
