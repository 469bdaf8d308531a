package io.camelgewe.gewe;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.camelgewe.gewe.errors.GeweDelivery;
import io.camelgewe.gewe.errors.GeweException;
import io.camelgewe.gewe.errors.GeweTimeoutException;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.DefaultExchange;
import io.camelgewe.gewe.client.PoolProbe;
import org.apache.hc.core5.pool.PoolStats;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GeWe going away mid-run and GeWe answering slower than the timeout: no exchange hangs, every one is accounted for,
 * threads do not pile up and every connection goes back to the pool.
 */
class GeweResilienceTest extends GeweTestSupport {

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    private List<Exchange> fire(String uri, int n, CountDownLatch done) throws Exception {
        Producer p = context.getEndpoint(uri).createProducer();
        p.start();
        AsyncProcessor async = AsyncProcessorConverterHelper.convert(p);
        List<Exchange> exchanges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Exchange ex = new DefaultExchange(context);
            ex.getMessage().setBody(Map.of("toWxid", "wxid_" + i, "content", "m" + i));
            exchanges.add(ex);
            async.process(ex, sync -> done.countDown());
        }
        return exchanges;
    }

    /**
     * Threads after a warm-up round like the one under test: the HTTP client's, the simulator's and the bounded worker
     * pool's threads exist by then, so growth afterwards would be a leak.
     */
    private int warmThreads(String uri) throws Exception {
        CountDownLatch warm = new CountDownLatch(50);
        fire(uri, 50, warm);
        assertTrue(warm.await(30, TimeUnit.SECONDS));
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private void awaitPoolDrained() throws Exception {
        GeweComponent gewe = context.getComponent("gewe", GeweComponent.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        PoolStats stats = PoolProbe.stats(gewe.transport());
        while ((stats.getLeased() > 0 || stats.getPending() > 0) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            stats = PoolProbe.stats(gewe.transport());
        }
        assertEquals(0, stats.getLeased(), "every connection went back to the pool: " + stats);
        assertEquals(0, stats.getPending(), stats.toString());
    }

    @Test
    void gewesRestartMidRunLeavesNoExchangeHangingAndEveryOneAccountedFor() throws Exception {
        context.start();
        simulator.setLatency(Duration.ofMillis(50));
        int threadsBefore = warmThreads("gewe:postText");
        simulator.setLatency(Duration.ofMillis(300));
        CountDownLatch done = new CountDownLatch(200);
        List<Exchange> exchanges = fire("gewe:postText?responseTimeout=5000&connectTimeout=1000", 200, done);
        simulator.stop();
        simulator.restart();
        simulator.setLatency(Duration.ZERO);
        assertTrue(done.await(30, TimeUnit.SECONDS), "every exchange completed; " + done.getCount() + " hang");
        long ok = exchanges.stream().filter(e -> e.getException() == null).count();
        long failed = exchanges.stream().filter(e -> e.getException() instanceof GeweException).count();
        assertEquals(200, ok + failed, "each exchange either succeeded or failed with a GeweException");
        assertTrue(failed > 0, "the restart cut some calls off");
        // a call after the restart works again on a fresh connection
        Exchange after = template.send("gewe:postText", e -> e.getMessage().setBody(Map.of("toWxid", "x", "content", "y")));
        assertEquals(null, after.getException());
        awaitPoolDrained();
        int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
        assertTrue(threadsAfter <= threadsBefore + 4, "threads before " + threadsBefore + ", after " + threadsAfter);
    }

    @Test
    void answersSlowerThanTheTimeoutFailAsMaybeDeliveredAndReleaseTheirConnections() throws Exception {
        context.start();
        simulator.setLatency(Duration.ofSeconds(8));
        int threadsBefore = warmThreads("gewe:postText?responseTimeout=300");
        try {
            CountDownLatch done = new CountDownLatch(50);
            long t0 = System.nanoTime();
            List<Exchange> exchanges = fire("gewe:postText?responseTimeout=300", 50, done);
            assertTrue(done.await(20, TimeUnit.SECONDS));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 7000, "gave up at the timeout, not at GeWe's answer (8 s): " + ms + " ms");
            for (Exchange e : exchanges) {
                GeweTimeoutException t = (GeweTimeoutException) e.getException();
                assertEquals(GeweDelivery.UNKNOWN, t.getDelivery());
            }
        } finally {
            simulator.setLatency(Duration.ZERO);
        }
        awaitPoolDrained();
        int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
        assertTrue(threadsAfter <= threadsBefore + 4, "threads before " + threadsBefore + ", after " + threadsAfter);
    }
}
