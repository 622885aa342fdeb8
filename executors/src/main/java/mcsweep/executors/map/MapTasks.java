package mcsweep.executors.map;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

import mcsweep.executors.Task;
import mcsweep.kernel.Summary;

/**
 * The hook that lets plain Java functions run as tasks of any in-JVM executor: a map's elements become tasks
 * of a kernel named {@code map:ID}, and {@link mcsweep.executors.TaskRunner} hands such a task here, which
 * applies the function registered under that id to the element at the task's index. Functions live only in
 * this JVM, which is why a worker JVM cannot run them.
 */
public final class MapTasks {

    /** Start of the kernel name of map tasks. */
    public static final String PREFIX = "map:";

    private static final Summary NONE = new Summary(List.of(), new double[0]);
    private static final AtomicLong IDS = new AtomicLong();
    private static final Map<String, IntConsumer> JOBS = new ConcurrentHashMap<>();

    private MapTasks() {
    }

    /** Whether {@code kernelName} names a map task. */
    public static boolean isMap(String kernelName) {
        return kernelName.startsWith(PREFIX);
    }

    /** Registers {@code body} (applies the function to element {@code i} and keeps the result); returns the kernel name. */
    static String register(IntConsumer body) {
        String name = PREFIX + IDS.incrementAndGet();
        JOBS.put(name, body);
        return name;
    }

    static void unregister(String name) {
        JOBS.remove(name);
    }

    /**
     * Runs element {@code task.index()} of the map named by the task's kernel.
     *
     * @throws IllegalStateException if the map is not registered in this JVM (a worker JVM, say)
     */
    public static Summary run(Task task) {
        IntConsumer body = JOBS.get(task.kernel());
        if (body == null) {
            throw new IllegalStateException("the function of " + task.kernel() + " lives in another JVM;"
                    + " map runs on in-JVM executors only");
        }
        body.accept(task.index());
        return NONE;
    }
}
