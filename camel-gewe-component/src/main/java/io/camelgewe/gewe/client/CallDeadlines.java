package io.camelgewe.gewe.client;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * <p>
 * Why not a concurrent set: a call's start and end come from different threads (the caller's, an I/O thread's), and
 * a concurrent set pays a hash, a bin lock and a shared counter update for each, which the profile at 64 calls in
 * flight showed as 2% of the component's CPU. Here a start is one lock-free append and an end one volatile write;
 * the sweep, the only reader, moves what started into its own list and drops what ended there, so an ended call is
 * held at most one tick longer.
 */
final class CallDeadlines {

    /** How often the calls in flight are checked. */
    static final long TICK_MILLIS = 10;
    /** Sweeps with nothing in flight before the sweep stops. */
    private static final int IDLE_TICKS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(CallDeadlines.class);

    /**
     * What has a deadline: a call in flight, which is its own entry here (the deadlines are also the calls in flight,
     * so a call costs one entry, not two). Each is started once.
     */
    abstract static class Deadline {
        private long dueNanos;
        private volatile boolean ended;

        /** The deadline passed before the call ended; runs on the scheduler's thread, and must not block. */
        abstract void expire();
    }

    private final ScheduledExecutorService scheduler;
    /** Started since the last sweep took them in; appended to by any thread. */
    private final Queue<Deadline> started = new ConcurrentLinkedQueue<>();
    /** Taken in by the sweeps; guarded by this (the sweep and {@link #forEach} read it). */
    private final List<Deadline> live = new ArrayList<>();
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
     * @param d      what has the deadline, not started before
     * @param millis from now
     * @throws RejectedExecutionException when the scheduler is shut down (the component is stopping)
     */
    void start(Deadline d, long millis) {
        d.dueNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        // the queue's append publishes dueNanos to the sweep that takes it out
        started.add(d);
        if (!sweeping.get() && sweeping.compareAndSet(false, true)) {
            try {
                schedule();
            } catch (RejectedExecutionException e) {
                // no sweep will run to drop it
                started.remove(d);
                d.ended = true;
                sweeping.set(false);
                throw e;
            }
        }
    }

    /** Forgets a deadline: what had it ended first. */
    void cancel(Deadline d) {
        d.ended = true;
    }

    /** Each deadline waiting now, and so each call in flight. */
    synchronized void forEach(java.util.function.Consumer<Deadline> action) {
        takeIn();
        for (Deadline d : live) {
            if (!d.ended) {
                action.accept(d);
            }
        }
    }

    /** How many deadlines are waiting; for tests. */
    synchronized int waiting() {
        takeIn();
        return live.size();
    }

    /** How many deadlines are still referenced here, waiting or ended but not yet dropped; for tests. */
    synchronized int held() {
        return live.size() + started.size();
    }

    /** Whether the sweep is on; for tests. */
    boolean sweeping() {
        return sweeping.get();
    }

    private void schedule() {
        idleTicks = 0;
        sweep = scheduler.scheduleWithFixedDelay(this::sweep, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Moves what started into the live list, and drops what ended: under this object's lock. */
    private void takeIn() {
        for (Deadline d; (d = started.poll()) != null;) {
            live.add(d);
        }
        live.removeIf(d -> d.ended);
    }

    private void sweep() {
        List<Deadline> due = null;
        synchronized (this) {
            takeIn();
            if (live.isEmpty()) {
                if (++idleTicks < IDLE_TICKS) {
                    return;
                }
                sweep.cancel(false);
                sweeping.set(false);
                // a call that started while this decided to stop saw the sweep still on and did not start one
                if (!started.isEmpty() && sweeping.compareAndSet(false, true)) {
                    schedule();
                }
                return;
            }
            idleTicks = 0;
            long now = System.nanoTime();
            for (Iterator<Deadline> it = live.iterator(); it.hasNext();) {
                Deadline d = it.next();
                if (now - d.dueNanos >= 0) {
                    it.remove();
                    if (due == null) {
                        due = new ArrayList<>();
                    }
                    due.add(d);
                }
            }
        }
        if (due == null) {
            return;
        }
        // outside the lock: ending a call completes its future, and what that runs must not hold up forEach
        for (Deadline d : due) {
            if (d.ended) {
                continue;
            }
            d.ended = true;
            try {
                d.expire();
            } catch (RuntimeException e) {
                // one call's failure must not end the sweep, which every other call's deadline depends on
                LOG.warn("GeWe HTTP client: ending a call at its deadline failed: {}", e.toString());
            }
        }
    }
}
