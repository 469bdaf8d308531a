package io.camelgewe.gewe.bench;

import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A JVM of its own for "N sends in flight at once": its thread count is the client's alone. The simulator answers
 * after its latency (set by the parent). {@code InFlightMain component|raw <baseUrl> <token> <appId> <count> <json>}
 * <p>
 * A warm-up of 10 sends (one latency) loads the classes and opens 10 connections; then the peak thread count is reset,
 * {@code count} sends are issued at once from this one thread, and the wall time until the last completes is measured:
 * once with the pool still to be filled (each send opens its connection), once more with the pool full.
 * Prints {@code RESULT wallMs=.. peakThreads=.. threadsBefore=.. ok=.. errors=.. issueMs=.. warmWallMs=.. ...}.
 */
public final class InFlightMain {

    private InFlightMain() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String baseUrl = args[1];
        String token = args[2];
        String appId = args[3];
        int count = Integer.parseInt(args[4]);
        byte[] json = java.util.Base64.getDecoder().decode(args[5]);
        Target target = "component".equals(mode) ? ComponentTarget.postText(baseUrl, token, appId, count)
                : new RawAsyncTarget(URI.create(baseUrl + "/message/postText"), json, token, count);
        try {
            burst(target, 10);
            System.gc();
            Thread.sleep(200);
            int before = Machine.liveThreads();
            Machine.resetPeakThreads();
            long[] cold = burst(target, count);
            long[] warm = burst(target, count);
            int peak = Machine.peakThreads();
            System.out.println("RESULT wallMs=" + cold[0] + " peakThreads=" + peak + " threadsBefore=" + before
                               + " ok=" + cold[1] + " errors=" + cold[2] + " issueMs=" + cold[3] + " warmWallMs=" + warm[0]
                               + " warmOk=" + warm[1] + " warmErrors=" + warm[2] + " warmIssueMs=" + warm[3]);
        } finally {
            target.close();
        }
        System.exit(0);
    }

    /** wall ms, ok, errors, ms spent issuing. */
    private static long[] burst(Target target, int count) throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(count);
        LongAdder ok = new LongAdder();
        LongAdder errors = new LongAdder();
        AtomicLong last = new AtomicLong();
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            target.send(success -> {
                (success ? ok : errors).increment();
                last.accumulateAndGet(System.nanoTime(), Math::max);
                latch.countDown();
            });
        }
        long issued = System.nanoTime();
        if (!latch.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException((count - latch.getCount()) + " of " + count + " completed in 120 s");
        }
        return new long[] { (last.get() - t0) / 1_000_000, ok.sum(), errors.sum(), (issued - t0) / 1_000_000 };
    }
}
