package io.camelgewe.gewe.client;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deadlines of the calls in flight, checked by one sweep every {@value #TICK_MILLIS} ms while there are any.
 * <p>
 * Why not a task per call on the scheduler: a call that starts with no other deadline waiting puts its task at the
 * head of the scheduler's queue, which wakes the scheduler's thread, once per call. At one call at a time that is a
 * thread wake-up and two context switches for every send, on a machine whose cores the route and HttpClient's I/O
 * threads need. Deadlines are seconds long and almost never reached, so checking them a few times a tenth of a
 * second is precise enough: a call ends at most one tick after its deadline. The sweep stops after a second with no
 * call in flight, so an idle component wakes no thread.
 */
final class CallDeadlines {

    /** How often the calls in flight are checked. */
    static final long TICK_MILLIS = 10;
    /** Sweeps with nothing in flight before the sweep stops. */
    private static final int IDLE_TICKS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(CallDeadlines.class);

    /**
     * What has a deadline: a call in flight, which is its own entry here (the set of deadlines is also the set of
     * calls in flight, so a call costs one entry, not two).
     */
    abstract static class Deadline {
        private long dueNanos;

        /** The deadline passed before the call ended; runs on the scheduler's thread, and must not block. */
        abstract void expire();
    }

    private final ScheduledExecutorService scheduler;
    private final Set<Deadline> waiting = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private volatile ScheduledFuture<?> sweep;
    private int idleTicks;

    /** @param scheduler where the sweep runs (and so where an expired call completes): nothing may block there */
    CallDeadlines(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Starts a deadline: {@link Deadline#expire} runs when it passes, unless it was cancelled first.
     *
     * @param d      what has the deadline, not started yet
     * @param millis from now
     * @throws RejectedExecutionException when the scheduler is shut down (the component is stopping)
     */
    void start(Deadline d, long millis) {
        d.dueNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        waiting.add(d);
        if (!sweeping.get() && sweeping.compareAndSet(false, true)) {
            try {
                schedule();
            } catch (RejectedExecutionException e) {
                waiting.remove(d);
                sweeping.set(false);
                throw e;
            }
        }
    }

    /** Forgets a deadline: what had it ended first. */
    void cancel(Deadline d) {
        waiting.remove(d);
    }

    /** Each deadline waiting now, and so each call in flight. */
    void forEach(java.util.function.Consumer<Deadline> action) {
        waiting.forEach(action);
    }

    /** How many deadlines are waiting; for tests. */
    int waiting() {
        return waiting.size();
    }

    /** Whether the sweep is on; for tests. */
    boolean sweeping() {
        return sweeping.get();
    }

    private void schedule() {
        idleTicks = 0;
        sweep = scheduler.scheduleWithFixedDelay(this::sweep, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        if (waiting.isEmpty()) {
            if (++idleTicks < IDLE_TICKS) {
                return;
            }
            sweep.cancel(false);
            sweeping.set(false);
            // a call that started while this decided to stop saw the sweep still on and did not start one
            if (!waiting.isEmpty() && sweeping.compareAndSet(false, true)) {
                schedule();
            }
            return;
        }
        idleTicks = 0;
        long now = System.nanoTime();
        for (Deadline d : waiting) {
            if (now - d.dueNanos >= 0 && waiting.remove(d)) {
                try {
                    d.expire();
                } catch (RuntimeException e) {
                    // one call's failure must not end the sweep, which every other call's deadline depends on
                    LOG.warn("GeWe HTTP client: ending a call at its deadline failed: {}", e.toString());
                }
            }
        }
    }
}
