package io.camelgewe.gewe.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.camelgewe.gewe.GeweComponent;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Many accounts driven at once from this one JVM at GeWe's pace: pacing on, every account's sends queued at once,
 * the pacer starting each after the configured gap (no jitter, so the gaps can be checked). First a warm-up through an
 * unpaced endpoint (then {@code WAIT warm}: the parent clears the simulator's record), then the paced run. Prints {@code RESULT ok=.. errors=.. wallMs=.. peakThreads=.. threadsBefore=..
 * heapAfterGcMiB=.. cpuMicrosPerSend=..}; the parent reads the intervals from the simulator.
 * <p>
 * Arguments: baseUrl token accounts sendsPerAccount gapMillis maxConnections warmSends.
 */
public final class AccountsMain {

    private AccountsMain() {
    }

    /** The appId of account {@code i} (1-based), as the parent registers them with the simulator. */
    static String appId(int i) {
        return String.format(Locale.ROOT, "wx_scale_%05d", i);
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        String token = args[1];
        int accounts = Integer.parseInt(args[2]);
        int sends = Integer.parseInt(args[3]);
        long gap = Long.parseLong(args[4]);
        int maxConnections = Integer.parseInt(args[5]);
        int warmSends = Integer.parseInt(args[6]);
        CamelContext context = new DefaultCamelContext();
        GeweComponent gewe = new GeweComponent();
        gewe.setBaseUrl(baseUrl);
        gewe.setToken(token);
        gewe.setAppId(appId(1));
        gewe.setMaxConnections(maxConnections);
        gewe.setPacing(true);
        gewe.setPacingPersonInterval(gap);
        gewe.setPacingPersonJitter(0);
        context.addComponent("gewe", gewe);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:warm").to("gewe:postText?pacing=false");
                from("direct:paced").to("gewe:postText");
            }
        });
        context.start();
        try {
            // the JIT and the pool warmed on the unpaced endpoint (the simulator already answers after its delay)
            long[] warm = run(context, "direct:warm", Math.min(warmSends, accounts), 1, 0);
            System.out.println("warm-up: ok=" + warm[0] + " errors=" + warm[1] + " wallMs=" + warm[2]);
            // the parent clears the simulator's record of the warm-up
            System.out.println("WAIT warm");
            String go = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                    java.nio.charset.StandardCharsets.UTF_8)).readLine();
            if (!"GO".equals(go)) {
                throw new IllegalStateException("expected GO from the parent, got " + go);
            }
            System.gc();
            int before = Machine.liveThreads();
            Machine.resetPeakThreads();
            long[] paced = run(context, "direct:paced", accounts, sends, 1000);
            System.out.println("RESULT ok=" + paced[0] + " errors=" + paced[1] + " wallMs=" + paced[2] + " peakThreads="
                               + Machine.peakThreads() + " threadsBefore=" + before + " heapAfterGcMiB=" + paced[3]
                               + " cpuMicrosPerSend=" + String.format(Locale.ROOT, "%.1f",
                                       paced[4] / 1000.0 / Math.max(1, paced[0] + paced[1])));
        } finally {
            context.close();
        }
        System.exit(0);
    }

    /**
     * Sends {@code sends} messages for each of {@code accounts} accounts, all queued at once; after {@code gcAfterMs}
     * (if > 0) the heap is measured after a full GC, whose CPU is left out of the CPU figure.
     *
     * @return ok, errors, wall ms, heap after GC MiB, CPU ns
     */
    private static long[] run(CamelContext context, String uri, int accounts, int sends, long gcAfterMs)
            throws Exception {
        Endpoint endpoint = context.getEndpoint(uri);
        AsyncProducer producer = endpoint.createAsyncProducer();
        ServiceHelper.startService(producer);
        try {
            int total = accounts * sends;
            CountDownLatch latch = new CountDownLatch(total);
            LongAdder ok = new LongAdder();
            LongAdder errors = new LongAdder();
            long cpu0 = Machine.processCpuNanos();
            long t0 = System.nanoTime();
            for (int k = 0; k < sends; k++) {
                for (int a = 1; a <= accounts; a++) {
                    Exchange exchange = endpoint.createExchange();
                    exchange.getMessage().setBody(Map.of("appId", appId(a), "toWxid", "wxid_person_" + k, "content",
                            "paced send " + k));
                    producer.process(exchange, doneSync -> {
                        (exchange.getException() == null ? ok : errors).increment();
                        latch.countDown();
                    });
                }
            }
            long heapMiB = 0;
            long gcCpu = 0;
            if (gcAfterMs > 0) {
                // every account's sends are queued now: the most the pacer ever holds
                Thread.sleep(gcAfterMs);
                long g0 = Machine.processCpuNanos();
                System.gc();
                heapMiB = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
                gcCpu = Machine.processCpuNanos() - g0;
            }
            if (!latch.await(600, TimeUnit.SECONDS)) {
                throw new IllegalStateException((total - latch.getCount()) + " of " + total + " sends done in 600 s");
            }
            long wall = (System.nanoTime() - t0) / 1_000_000;
            return new long[] { ok.sum(), errors.sum(), wall, heapMiB, Machine.processCpuNanos() - cpu0 - gcCpu };
        } finally {
            ServiceHelper.stopService(producer);
        }
    }
}
