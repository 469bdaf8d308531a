package io.camelgewe.gewe.client;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared sweep that ends calls at their deadline, on a real scheduler. */
class CallDeadlinesTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final CallDeadlines deadlines = new CallDeadlines(scheduler);

    /** A deadline that runs what it is given. */
    private static CallDeadlines.Deadline running(Runnable r) {
        return new CallDeadlines.Deadline() {
            @Override
            void expire() {
                r.run();
            }
        };
    }

    private CallDeadlines.Deadline start(long millis, Runnable r) {
        CallDeadlines.Deadline d = running(r);
        deadlines.start(d, millis);
        return d;
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void aDeadlineThatPassesRunsOnceOnTheScheduler() throws Exception {
        CountDownLatch expired = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        Thread[] on = new Thread[1];
        long t0 = System.nanoTime();
        start(50, () -> {
            runs.incrementAndGet();
            on[0] = Thread.currentThread();
            expired.countDown();
        });
        assertTrue(expired.await(10, TimeUnit.SECONDS), "the deadline never ran");
        assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(50), "ran before its time");
        assertEquals(0, deadlines.waiting());
        // later sweeps must not run it again
        CountDownLatch later = new CountDownLatch(1);
        start(30, later::countDown);
        assertTrue(later.await(10, TimeUnit.SECONDS));
        assertEquals(1, runs.get());
        // what is waiting is what is in flight: none now
        AtomicInteger seen = new AtomicInteger();
        deadlines.forEach(d -> seen.incrementAndGet());
        assertEquals(0, seen.get());
        assertFalse(on[0] == Thread.currentThread());
    }

    @Test
    void aCancelledDeadlineNeverRuns() throws Exception {
        AtomicInteger cancelledRuns = new AtomicInteger();
        CallDeadlines.Deadline d = start(20, cancelledRuns::incrementAndGet);
        deadlines.cancel(d);
        // a deadline started after it, and due after it, runs: the sweep passed the cancelled one's time
        CountDownLatch after = new CountDownLatch(1);
        start(60, after::countDown);
        assertTrue(after.await(10, TimeUnit.SECONDS));
        assertEquals(0, cancelledRuns.get());
    }

    @Test
    void deadlinesStartedAndEndedOnManyThreadsAreDroppedByTheNextSweeps() throws Exception {
        // as calls do: started on callers' threads, ended on I/O threads; what ended must not stay referenced
        int threads = 4;
        int each = 5_000;
        AtomicInteger expired = new AtomicInteger();
        java.util.List<Thread> workers = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    deadlines.cancel(start(60_000, expired::incrementAndGet));
                }
            });
            workers.add(w);
            w.start();
        }
        CallDeadlines.Deadline stillInFlight = start(60_000, expired::incrementAndGet);
        for (Thread w : workers) {
            w.join();
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (deadlines.held() > 1 && System.nanoTime() < until) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        assertEquals(1, deadlines.held(), "the sweeps kept deadlines that had ended");
        java.util.List<CallDeadlines.Deadline> inFlight = new java.util.ArrayList<>();
        deadlines.forEach(inFlight::add);
        assertEquals(java.util.List.of(stillInFlight), inFlight);
        assertEquals(0, expired.get());
    }

    @Test
    void aFailingExpiryDoesNotStopTheSweep() throws Exception {
        start(10, () -> {
            throw new IllegalStateException("boom");
        });
        CountDownLatch next = new CountDownLatch(1);
        start(40, next::countDown);
        assertTrue(next.await(10, TimeUnit.SECONDS), "a failing expiry ended the sweep");
    }

    @Test
    void theSweepStopsWhenIdleAndStartsAgainWithTheNextCall() throws Exception {
        CountDownLatch first = new CountDownLatch(1);
        start(10, first::countDown);
        assertTrue(deadlines.sweeping());
        assertTrue(first.await(10, TimeUnit.SECONDS));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (deadlines.sweeping() && System.nanoTime() < until) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        assertFalse(deadlines.sweeping(), "an idle sweep kept running");
        CountDownLatch second = new CountDownLatch(1);
        start(10, second::countDown);
        assertTrue(second.await(10, TimeUnit.SECONDS), "no sweep after it had stopped");
    }

    @Test
    void aStoppedSchedulerRefusesNewDeadlines() {
        scheduler.shutdownNow();
        assertThrows(RejectedExecutionException.class, () -> start(10, () -> { }));
        assertEquals(0, deadlines.waiting());
        assertFalse(deadlines.sweeping());
    }
}
