package io.camelgewe.gewe.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A JVM of its own for "N sends in flight at once": its thread count is the client's alone.
 * {@code InFlightMain component|raw <baseUrl> <token> <appId> <count> <base64 json> <warmMillis>}
 * <p>
 * First a warm-up against the simulator answering at once (64 in flight for warmMillis: the JIT compiles the send
 * path, as in a running application), then {@code WAIT latency} on stdout: the parent sets the simulator's latency and
 * answers {@code GO}. Then the peak thread count is reset, {@code count} sends are issued at once from this one thread,
 * and the wall time until the last completes is measured: once while most sends open their connection (the warm-up
 * leaves about a hundred in the pool), once more with the pool full.
 * Prints {@code RESULT wallMs=.. peakThreads=.. threadsBefore=.. ok=.. errors=.. issueMs=.. warmWallMs=.. ...}.
 */
public final class InFlightMain {

    private static final Map<String, Integer> FAILURES = new ConcurrentHashMap<>();

    private InFlightMain() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String baseUrl = args[1];
        String token = args[2];
        String appId = args[3];
        int count = Integer.parseInt(args[4]);
        byte[] json = java.util.Base64.getDecoder().decode(args[5]);
        long warmMillis = Long.parseLong(args[6]);
        Target target = "component".equals(mode) ? ComponentTarget.postText(baseUrl, token, appId, count)
                : new RawAsyncTarget(URI.create(baseUrl + "/message/postText"), json, token, count);
        try {
            ClosedLoop.Window warm = new ClosedLoop().run(target, 64, warmMillis, 500);
            System.out.println("warm-up: " + warm);
            System.out.println("WAIT latency");
            String go = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (!"GO".equals(go)) {
                throw new IllegalStateException("expected GO from the parent, got " + go);
            }
            Thread.sleep(200);
            System.gc();
            int before = Machine.liveThreads();
            Machine.resetPeakThreads();
            long[] cold = burst(target, count);
            long[] full = burst(target, count);
            int peak = Machine.peakThreads();
            System.out.println("RESULT wallMs=" + cold[0] + " peakThreads=" + peak + " threadsBefore=" + before
                               + " ok=" + cold[1] + " errors=" + cold[2] + " issueMs=" + cold[3] + " warmWallMs=" + full[0]
                               + " warmOk=" + full[1] + " warmErrors=" + full[2] + " warmIssueMs=" + full[3]
                               + " failures=" + FAILURES.toString().replace(' ', '_'));
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
            target.send(new Target.Done() {
                @Override
                public void done(boolean success) {
                    (success ? ok : errors).increment();
                    last.accumulateAndGet(System.nanoTime(), Math::max);
                    latch.countDown();
                }

                @Override
                public void fail(Object cause) {
                    FAILURES.merge(cause instanceof Throwable ? cause.getClass().getSimpleName() + ":"
                                                                + ((Throwable) cause).getMessage() : String.valueOf(cause),
                            1, Integer::sum);
                    done(false);
                }
            });
        }
        long issued = System.nanoTime();
        if (!latch.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException((count - latch.getCount()) + " of " + count + " completed in 120 s");
        }
        return new long[] { (last.get() - t0) / 1_000_000, ok.sum(), errors.sum(), (issued - t0) / 1_000_000 };
    }
}
