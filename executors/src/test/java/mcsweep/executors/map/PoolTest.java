package mcsweep.executors.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Pathos-style map under each in-JVM executor. */
@Timeout(60)
class PoolTest {

    private static final List<Integer> XS = IntStream.range(0, 200).boxed().toList();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sequential", "threads", "forkjoin", "virtual"})
    void mapsThePathosExampleInOrder(String executor) {
        Pool pool = Pool.of(executor, 2);

        assertThat(pool.map(Math::pow, List.of(1.0, 2.0, 3.0, 4.0), List.of(5.0, 4.0, 3.0, 2.0)))
                .containsExactly(1.0, 16.0, 27.0, 16.0);
        assertThat(pool.map(x -> x * x, XS)).isEqualTo(XS.stream().map(x -> x * x).toList());
        assertThat(pool.mapAll(row -> (int) row.get(0) + (int) row.get(1) + (int) row.get(2), XS, XS, XS))
                .isEqualTo(XS.stream().map(x -> 3 * x).toList());
        assertThat(pool.map(x -> x % 2 == 0 ? null : x, List.of(0, 1))).containsExactly(null, 1);
        assertThat(pool.map(x -> x, List.of())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sequential", "threads", "forkjoin", "virtual"})
    void yieldsResultsInOrderWithImapAndAsCompletedWithUimap(String executor) throws Exception {
        Pool pool = Pool.of(executor, 3);
        List<Integer> ordered = new ArrayList<>();
        try (Pool.Results<Integer> it = pool.imap(x -> x + 1, XS)) {
            it.forEachRemaining(ordered::add);
        }
        assertThat(ordered).isEqualTo(XS.stream().map(x -> x + 1).toList());

        List<Pool.Indexed<Integer>> unordered = new ArrayList<>();
        try (Pool.Results<Pool.Indexed<Integer>> it = pool.uimap(x -> -x, XS)) {
            it.forEachRemaining(unordered::add);
        }
        assertThat(unordered).hasSize(XS.size());
        assertThat(unordered).allSatisfy(r -> assertThat(r.value()).isEqualTo(-r.index()));
        assertThat(unordered.stream().map(Pool.Indexed::index).sorted().toList()).isEqualTo(XS);

        Future<List<Integer>> future = pool.amap(x -> 2 * x, XS);
        assertThat(future.get(30, TimeUnit.SECONDS)).isEqualTo(XS.stream().map(x -> 2 * x).toList());
    }

    @Test
    void uimapGivesAFastElementBeforeASlowOne() throws Exception {
        CountDownLatch fastDone = new CountDownLatch(1);
        try (Pool.Results<Pool.Indexed<String>> it = Pool.of("threads", 2).uimap(x -> {
            if (x == 0) {
                await(fastDone); // element 0 finishes only after element 1 has been seen
                return "slow";
            }
            return "fast";
        }, List.of(0, 1))) {
            Pool.Indexed<String> first = it.next();
            fastDone.countDown();
            assertThat(first).isEqualTo(new Pool.Indexed<>(1, "fast"));
            assertThat(it.next()).isEqualTo(new Pool.Indexed<>(0, "slow"));
            assertThat(it.hasNext()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sequential", "threads", "forkjoin", "virtual"})
    void aFailingElementComesBackWithItsIndex(String executor) {
        Pool pool = Pool.of(executor, 2);
        IllegalStateException boom = new IllegalStateException("boom");

        assertThatThrownBy(() -> pool.map(x -> {
            if (x == 37) {
                throw boom;
            }
            return x;
        }, XS)).isInstanceOfSatisfying(MapException.class, e -> {
            assertThat(e.index()).isEqualTo(37);
            assertThat(e.getCause()).isSameAs(boom);
            assertThat(e.getMessage()).isEqualTo("element 37: java.lang.IllegalStateException: boom");
        });

        Pool.Results<Integer> it = pool.imap(x -> 10 / (x - 5), XS);
        assertThatThrownBy(() -> it.forEachRemaining(x -> { }))
                .isInstanceOfSatisfying(MapException.class, e -> assertThat(e.index()).isEqualTo(5))
                .hasCauseInstanceOf(ArithmeticException.class);
        Future<List<Integer>> f = pool.amap(x -> 10 / (x - 5), XS);
        assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class).cause()
                .isInstanceOfSatisfying(MapException.class, e -> assertThat(e.index()).isEqualTo(5));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"threads", "forkjoin", "virtual"})
    void cancellingTheFutureStartsNoNewElementAndInterruptsRunningOnes(String executor) throws Exception {
        AtomicInteger started = new AtomicInteger();
        CountDownLatch running = new CountDownLatch(2);
        Future<List<Integer>> f = Pool.of(executor, 2).amap(x -> {
            started.incrementAndGet();
            running.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            return x;
        }, XS);
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(f.cancel(true)).isTrue();
        assertThatThrownBy(f::get).isInstanceOf(CancellationException.class);
        Thread.sleep(200);
        assertThat(started.get()).isLessThan(XS.size());
    }

    @Test
    void listsOfDifferentLengthsAreAnError() {
        assertThatThrownBy(() -> Pool.of("sequential", 1).map(Math::pow, List.of(1.0, 2.0), List.of(1.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("lists differ in length (list 0 has 2 elements, list 1 has 1)");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"process", "pool"})
    void refusesExecutorsThatRunTasksInOtherJvms(String executor) {
        assertThatThrownBy(() -> Pool.of(executor, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + executor + "' runs tasks in other JVMs")
                .hasMessageContaining("sequential, threads, forkjoin, virtual");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
