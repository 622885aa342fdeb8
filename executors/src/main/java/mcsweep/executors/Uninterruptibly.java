package mcsweep.executors;

/** Waiting that an interrupt cannot cut short: the one place the "wait, remember the interrupt" loop lives. */
public final class Uninterruptibly {

    /** A wait that may be interrupted. */
    @FunctionalInterface
    public interface Wait {
        void await() throws InterruptedException;
    }

    private Uninterruptibly() {
    }

    /**
     * Waits until {@code wait} returns, calling {@code onInterrupt} and waiting again each time it is
     * interrupted.
     *
     * @return whether the thread was interrupted meanwhile; the caller restores the status when it should
     */
    public static boolean await(Wait wait, Runnable onInterrupt) {
        boolean interrupted = false;
        while (true) {
            try {
                wait.await();
                return interrupted;
            } catch (InterruptedException e) {
                interrupted = true;
                onInterrupt.run();
            }
        }
    }

    /** Waits until {@code wait} returns, then restores the interrupt status if it was interrupted meanwhile. */
    public static void await(Wait wait) {
        if (await(wait, () -> { })) {
            Thread.currentThread().interrupt();
        }
    }

    /** Joins {@code t}, then restores the interrupt status if it was interrupted meanwhile. */
    public static void join(Thread t) {
        await(t::join);
    }
}
