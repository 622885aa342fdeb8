package mcsweep.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which executor options each built-in executor uses, so that an option given to an executor that ignores
 * it is not silent: one warning line per such option (the sweep still runs).
 */
final class OptionEffects {

    /** Option -> the built-in executors that use it. Executors not named here (plugins) get no warnings. */
    private static final Map<String, Set<String>> USED_BY = Map.of(
            "--workers", Set.of("threads", "forkjoin", "virtual", "process", "pool"),
            "--chunk", Set.of("threads", "forkjoin", "virtual", "pool"),
            "--timeout", Set.of("sequential", "threads", "forkjoin", "virtual", "process", "pool"),
            "--retries", Set.of("process", "pool"));
    private static final Set<String> BUILT_IN = Set.of("sequential", "threads", "forkjoin", "virtual", "process", "pool");

    private OptionEffects() {
    }

    /**
     * One line for each given option that {@code executor} ignores, e.g. {@code "--workers has no effect on
     * executor sequential; it is used by forkjoin, pool, process, threads, virtual"}.
     */
    static List<String> warnings(String executor, boolean workers, boolean chunk, boolean timeout, boolean retries) {
        List<String> out = new ArrayList<>();
        if (!BUILT_IN.contains(executor)) {
            return out;
        }
        warn(out, executor, "--workers", workers);
        warn(out, executor, "--chunk", chunk);
        warn(out, executor, "--timeout", timeout);
        warn(out, executor, "--retries", retries);
        return out;
    }

    private static void warn(List<String> out, String executor, String option, boolean given) {
        Set<String> users = USED_BY.get(option);
        if (given && !users.contains(executor)) {
            out.add(option + " has no effect on executor " + executor + "; it is used by "
                    + String.join(", ", new TreeSet<>(users)));
        }
    }
}
