package io.camelgewe.gewe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelgewe.gewe.errors.GeweException;
import io.camelgewe.gewe.simulator.Fault;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The producer never waits on GeWe: one thread starts many calls that GeWe answers slowly, and every call completes
 * its callback exactly once, whatever the outcome.
 */
class GeweAsyncProducerTest extends GeweTestSupport {

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    @Test
    void oneThreadStartsManySlowCallsWithoutWaitingAndEachCompletesOnce() throws Exception {
        int calls = 100;
        simulator.setLatency(Duration.ofSeconds(3));
        try (Producer producer = context.getEndpoint("gewe:postVoice").createProducer()) {
            producer.start();
            AsyncProcessor async = AsyncProcessorConverterHelper.convert(producer);
            CountDownLatch latch = new CountDownLatch(calls);
            Map<Exchange, AtomicInteger> completions = new ConcurrentHashMap<>();
            List<Exchange> exchanges = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                Exchange ex = new DefaultExchange(context);
                ex.getMessage().setBody(Map.of("toWxid", "wxid_" + i, "voiceUrl", "http://v/a.silk",
                        "voiceDuration", 1000));
                exchanges.add(ex);
                completions.put(ex, new AtomicInteger());
                boolean sync = async.process(ex, doneSync -> {
                    completions.get(ex).incrementAndGet();
                    latch.countDown();
                });
                assertFalse(sync, "a call over HTTP completes asynchronously");
            }
            long startedMs = (System.nanoTime() - t0) / 1_000_000;
            // waiting for even one answer would take 3 s; the bound leaves room for a loaded machine
            assertTrue(startedMs < 2500, "starting " + calls + " calls took " + startedMs
                                         + " ms: the caller must not wait for GeWe's 3 s answers");
            assertTrue(latch.await(20, TimeUnit.SECONDS));
            for (Exchange ex : exchanges) {
                assertEquals(1, completions.get(ex).get());
                assertEquals(null, ex.getException());
            }
        } finally {
            simulator.setLatency(Duration.ZERO);
        }
    }

    @Test
    void theCallbackCompletesExactlyOnceOnEveryFailurePath() throws Exception {
        try (Producer producer = context.getEndpoint("gewe:postVoice?responseTimeout=500").createProducer()) {
            producer.start();
            AsyncProcessor async = AsyncProcessorConverterHelper.convert(producer);
            Runnable[] setups = {
                    () -> simulator.failNext(Fault.RET_500),
                    () -> simulator.failNext(Fault.HTTP_500),
                    () -> simulator.failNext(Fault.NOT_JSON),
                    () -> simulator.failNext(Fault.DROP_CONNECTION),
                    () -> simulator.failNext(Fault.LATENCY_SPIKE),
                    () -> { }, // a validation failure: the body lacks toWxid
            };
            simulator.setSpikeLatency(Duration.ofSeconds(2));
            for (int i = 0; i < setups.length; i++) {
                setups[i].run();
                Exchange ex = new DefaultExchange(context);
                ex.getMessage().setBody(i == setups.length - 1 ? Map.of("voiceUrl", "http://v/a.silk")
                        : Map.of("toWxid", "wxid_a", "voiceUrl", "http://v/a.silk", "voiceDuration", 1000));
                AtomicInteger done = new AtomicInteger();
                CountDownLatch latch = new CountDownLatch(1);
                async.process(ex, doneSync -> {
                    done.incrementAndGet();
                    latch.countDown();
                });
                assertTrue(latch.await(10, TimeUnit.SECONDS), "path " + i + " completed");
                // a late second completion would show up here
                Thread.onSpinWait();
                assertEquals(1, done.get(), "path " + i);
                assertTrue(ex.getException() instanceof GeweException, "path " + i + ": " + ex.getException());
            }
        }
    }
}
