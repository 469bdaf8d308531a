package io.camelgewe.gewe.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Keeps exactly {@code concurrency} requests in flight through a {@link Target} for a warm-up and then a measured
 * window: each completion issues the next request from the thread it completed on (for an async target, the HTTP
 * client's I/O thread, so no thread waits per request), and a blocking target gets one thread per lane.
 * <p>
 * Measured over the window: completions per second, the latency of each completion (issue to callback), the process
 * CPU time per request (com.sun.management.OperatingSystemMXBean#getProcessCpuTime, all threads of this JVM) and the
 * bytes allocated per request (com.sun.management.ThreadMXBean#getThreadAllocatedBytes summed over live threads).
 */
final class ClosedLoop {

    private static final int WARM = 0;
    private static final int MEASURE = 1;
    private static final int STOP = 2;
    private static final int SAMPLES = 1 << 21;

    /** One window's figures. */
    record Window(String target, int concurrency, long completed, long errors, double seconds, double perSecond,
                  double p50Micros, double p99Micros, double cpuMicrosPerRequest, double allocBytesPerRequest) {
    }

    private final long[] samples = new long[SAMPLES];
    private final AtomicInteger sampleCount = new AtomicInteger();
    private final LongAdder completed = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder warmErrors = new LongAdder();
    private volatile int phase;
    private Target target;
    private CountDownLatch lanesDone;

    /** Runs one warm-up and one measured window; the target is left open. */
    Window run(Target target, int concurrency, long warmMillis, long measureMillis) throws InterruptedException {
        this.target = target;
        this.phase = WARM;
        sampleCount.set(0);
        completed.reset();
        errors.reset();
        warmErrors.reset();
        lanesDone = new CountDownLatch(concurrency);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Lane lane = new Lane();
            if (target.blocking()) {
                Thread t = new Thread(lane::issue, "bench-lane-" + i);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            } else {
                lane.issue();
            }
        }
        Thread.sleep(warmMillis);
        long cpu0 = Machine.processCpuNanos();
        long alloc0 = Machine.allocatedBytes();
        long t0 = System.nanoTime();
        phase = MEASURE;
        Thread.sleep(measureMillis);
        phase = STOP;
        long t1 = System.nanoTime();
        long cpu1 = Machine.processCpuNanos();
        long alloc1 = Machine.allocatedBytes();
        long n = completed.sum();
        long errs = errors.sum();
        if (!lanesDone.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(target.name() + ": requests still in flight 60 s after the window");
        }
        for (Thread t : threads) {
            t.join(10_000);
        }
        int count = Math.min(sampleCount.get(), SAMPLES);
        long[] lat = Arrays.copyOf(samples, count);
        Arrays.sort(lat);
        double seconds = (t1 - t0) / 1e9;
        long ok = Math.max(n, 1);
        return new Window(target.name(), concurrency, n, errs, seconds, n / seconds, percentile(lat, 0.50) / 1e3,
                percentile(lat, 0.99) / 1e3, (cpu1 - cpu0) / 1e3 / ok, (double) (alloc1 - alloc0) / ok);
    }

    static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** One request slot: issue, and on completion issue again until the window ends. */
    private final class Lane {

        void issue() {
            while (true) {
                if (phase == STOP) {
                    lanesDone.countDown();
                    return;
                }
                Call call = new Call(this);
                try {
                    target.send(call);
                } catch (Throwable t) {
                    call.done(false);
                }
                // completed inside send (or a blocking target): loop here instead of recursing
                if (call.state.compareAndSet(0, 1)) {
                    return;
                }
            }
        }
    }

    /** One request: 0 in flight, 1 the issuer returned first, 2 completed before the issuer returned. */
    private final class Call implements Target.Done {
        final Lane lane;
        final long started = System.nanoTime();
        final AtomicInteger state = new AtomicInteger();

        Call(Lane lane) {
            this.lane = lane;
        }

        @Override
        public void done(boolean ok) {
            long took = System.nanoTime() - started;
            if (phase == MEASURE) {
                if (ok) {
                    completed.increment();
                    int i = sampleCount.getAndIncrement();
                    if (i < SAMPLES) {
                        samples[i] = took;
                    }
                } else {
                    errors.increment();
                }
            } else if (!ok) {
                warmErrors.increment();
            }
            if (state.compareAndSet(0, 2)) {
                return;
            }
            lane.issue();
        }
    }
}
