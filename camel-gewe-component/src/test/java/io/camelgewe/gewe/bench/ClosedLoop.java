package io.camelgewe.gewe.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps exactly {@code concurrency} requests in flight through a {@link Target} for a warm-up and then a measured
 * window, in one of two ways:
 * <ul>
 * <li>{@link Driver#CALLBACK}: each completion issues the next request from the thread it completed on (for an async
 * target, the HTTP client's I/O thread), so no thread waits per request: how 64 in flight are driven;</li>
 * <li>{@link Driver#THREADS}: one thread per lane issues a request and waits for its answer before the next, as a
 * caller of {@code template.send} or of a blocking client does: how concurrency 1 is driven (issuing from inside the
 * completion would send the next request before the HTTP client has put the connection back in its pool, making two
 * connections take turns across both I/O threads, which no real caller does). Blocking targets always use it.</li>
 * </ul>
 * Measured over the window: completions per second, the latency of each completion (issue to callback), the process
 * CPU time per request (com.sun.management.OperatingSystemMXBean#getProcessCpuTime, all threads of this JVM) and the
 * bytes allocated per request (com.sun.management.ThreadMXBean#getThreadAllocatedBytes summed over live threads).
 */
final class ClosedLoop {

    /** How lanes are driven: see the class comment. */
    enum Driver {
        CALLBACK,
        THREADS
    }

    private static final int WARM = 0;
    private static final int MEASURE = 1;
    private static final int STOP = 2;
    private static final int SAMPLES = 1 << 21;

    /** One window's figures. */
    record Window(String target, int concurrency, long completed, long errors, double seconds, double perSecond,
                  double p50Micros, double p99Micros, double cpuMicrosPerRequest, double allocBytesPerRequest,
                  double serverCpuMicrosPerRequest) {
    }

    private final long[] samples = new long[SAMPLES];
    private final AtomicInteger sampleCount = new AtomicInteger();
    private final LongAdder completed = new LongAdder();
    private final LongAdder errors = new LongAdder();
    /** A few failure causes, by description, to say why a window had errors. */
    final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private volatile int phase;
    /** The server's CPU time in ns, read at the window's edges (NaN per request when not set). */
    private java.util.function.LongSupplier serverCpu;
    private Target target;
    private CountDownLatch lanesDone;

    /** Also measures the server's CPU time per request, read from this at the window's edges. */
    ClosedLoop serverCpu(java.util.function.LongSupplier nanos) {
        this.serverCpu = nanos;
        return this;
    }

    /** Runs one warm-up and one measured window, driving by callback unless the target blocks. */
    Window run(Target target, int concurrency, long warmMillis, long measureMillis) throws InterruptedException {
        return run(target, concurrency, Driver.CALLBACK, warmMillis, measureMillis);
    }

    /** Runs one warm-up and one measured window; the target is left open. */
    Window run(Target target, int concurrency, Driver driver, long warmMillis, long measureMillis)
            throws InterruptedException {
        boolean threads = driver == Driver.THREADS || target.blocking();
        this.target = target;
        this.phase = WARM;
        sampleCount.set(0);
        completed.reset();
        errors.reset();
        failures.clear();
        lanesDone = new CountDownLatch(concurrency);
        List<Thread> laneThreads = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Lane lane = new Lane();
            if (threads) {
                Thread t = new Thread(lane::loop, "bench-lane-" + i);
                t.setDaemon(true);
                laneThreads.add(t);
                t.start();
            } else {
                lane.issue();
            }
        }
        Thread.sleep(warmMillis);
        long server0 = serverCpu == null ? 0 : serverCpu.getAsLong();
        long cpu0 = Machine.processCpuNanos();
        long alloc0 = Machine.allocatedBytes();
        long t0 = System.nanoTime();
        phase = MEASURE;
        Thread.sleep(measureMillis);
        // the figures are taken before the lanes are told to stop: a lane thread that ends takes its count with it
        long n = completed.sum();
        long errs = errors.sum();
        long t1 = System.nanoTime();
        long cpu1 = Machine.processCpuNanos();
        long alloc1 = Machine.allocatedBytes();
        long server1 = serverCpu == null ? 0 : serverCpu.getAsLong();
        phase = STOP;
        if (!lanesDone.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(target.name() + ": requests still in flight 60 s after the window");
        }
        for (Thread t : laneThreads) {
            t.join(10_000);
        }
        int count = Math.min(sampleCount.get(), SAMPLES);
        long[] lat = Arrays.copyOf(samples, count);
        Arrays.sort(lat);
        double seconds = (t1 - t0) / 1e9;
        long ok = Math.max(n, 1);
        return new Window(target.name(), concurrency, n, errs, seconds, n / seconds, percentile(lat, 0.50) / 1e3,
                percentile(lat, 0.99) / 1e3, (cpu1 - cpu0) / 1e3 / ok, (double) (alloc1 - alloc0) / ok,
                serverCpu == null ? Double.NaN : (server1 - server0) / 1e3 / ok);
    }

    static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private void record(long took, boolean ok, Object cause) {
        if (phase != MEASURE) {
            return;
        }
        if (ok) {
            completed.increment();
            int i = sampleCount.getAndIncrement();
            if (i < SAMPLES) {
                samples[i] = took;
            }
        } else {
            errors.increment();
            if (failures.size() < 10) {
                failures.merge(String.valueOf(cause), 1, Integer::sum);
            }
        }
    }

    /** One request slot: issue, and on completion issue again until the window ends. */
    private final class Lane {

        /** Driver.CALLBACK: issues, and the completion issues the next. */
        void issue() {
            while (true) {
                if (phase == STOP) {
                    lanesDone.countDown();
                    return;
                }
                Call call = new Call(this, null);
                try {
                    target.send(call);
                } catch (Throwable t) {
                    call.fail(t);
                }
                // completed inside send: loop here instead of recursing
                if (call.state.compareAndSet(0, 1)) {
                    return;
                }
            }
        }

        /** Driver.THREADS: this thread issues and waits. */
        void loop() {
            try {
                while (phase != STOP) {
                    Call call = new Call(this, Thread.currentThread());
                    try {
                        target.send(call);
                    } catch (Throwable t) {
                        call.fail(t);
                    }
                    while (call.state.get() != 2) {
                        LockSupport.park(call);
                    }
                }
            } finally {
                lanesDone.countDown();
            }
        }
    }

    /** One request: 0 in flight, 1 the issuer returned first, 2 completed. */
    private final class Call implements Target.Done {
        final Lane lane;
        final Thread waiter;
        final long started = System.nanoTime();
        final AtomicInteger state = new AtomicInteger();

        Call(Lane lane, Thread waiter) {
            this.lane = lane;
            this.waiter = waiter;
        }

        @Override
        public void done(boolean ok) {
            finish(ok, ok ? null : "failed");
        }

        @Override
        public void fail(Object cause) {
            finish(false, cause instanceof Throwable ? cause.getClass().getSimpleName() + ": "
                                                       + ((Throwable) cause).getMessage() : cause);
        }

        private void finish(boolean ok, Object cause) {
            record(System.nanoTime() - started, ok, cause);
            if (waiter != null) {
                state.set(2);
                LockSupport.unpark(waiter);
                return;
            }
            if (state.compareAndSet(0, 2)) {
                return;
            }
            lane.issue();
        }
    }
}
