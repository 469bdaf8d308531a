package io.camelgewe.gewe;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After GeWe answers, the route continues on the component's worker pool: steps that block (a JMS send, a database
 * write) never hold HttpClient's I/O threads, so other calls to GeWe go on.
 */
class GeweWorkerPoolTest extends GeweTestSupport {

    private final CountDownLatch release = new CountDownLatch(1);
    private volatile String continuedOn;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:slowAfter").to("gewe:postText")
                        .process(e -> {
                            continuedOn = Thread.currentThread().getName();
                            // a step that blocks, as a send to a broker may
                            release.await(30, TimeUnit.SECONDS);
                        });
                from("direct:other").to("gewe:postText");
                from("direct:plainStepAfter").to("gewe:postText")
                        .process(e -> continuedOn = Thread.currentThread().getName());
                from("direct:error").routeId("stepThrowsAnError").to("gewe:postText")
                        .process(e -> {
                            throw new AssertionError("a step that throws an Error");
                        });
                // as a transacted() route marks its exchanges (without a transaction manager in this module)
                from("direct:transacted").process(e -> e.getExchangeExtension().setTransacted(true))
                        .to("gewe:postText")
                        .process(e -> continuedOn = Thread.currentThread().getName());
            }
        };
    }

    @Test
    void aTransactedExchangeNeedsNoWorker() throws Exception {
        ThreadPoolExecutor pool = (ThreadPoolExecutor) context.getComponent("gewe", GeweComponent.class).worker();
        // with a step after the call (a call that ends the exchange needs no worker either: GeweContinuationTest)
        template.sendBody("direct:plainStepAfter", Map.of("toWxid", "x", "content", "plain"));
        long handedOff = pool.getTaskCount();
        assertEquals(1, handedOff, "a plain exchange continues on the worker pool");

        Exchange tx = template.send("direct:transacted",
                e -> e.getMessage().setBody(Map.of("toWxid", "x", "content", "in a transaction")));
        assertNull(tx.getException());
        // Camel routes a transacted exchange on its own thread, which waits for the call and then goes on itself
        assertEquals(Thread.currentThread().getName(), continuedOn);
        assertEquals(handedOff, pool.getTaskCount(), "the transacted exchange was handed to a worker for nothing");
    }

    @Test
    void anErrorThrownByALaterStepIsLoggedNotSwallowed() throws Exception {
        // the exchange cannot complete (Camel handles Exceptions, not Errors): do not wait for it when stopping
        context.getShutdownStrategy().setTimeout(1);
        template.asyncSendBody("direct:error", Map.of("toWxid", "x", "content", "y"));
        String expected = "(route stepThrowsAnError): a step after message/postText threw java.lang.AssertionError: "
                          + "a step that throws an Error on thread ";
        await(java.time.Duration.ofSeconds(10), () -> testLog().contains(expected), "the ERROR line: " + expected);
    }

    @Test
    void blockedStepsAfterACallDoNotHoldUpOtherCalls() throws Exception {
        Future<?>[] blocked = new Future<?>[6];
        for (int i = 0; i < blocked.length; i++) {
            int n = i;
            blocked[i] = template.asyncSendBody("direct:slowAfter", Map.of("toWxid", "wxid_" + n, "content", "m" + n));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (simulator.requests("postText").size() < blocked.length && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(blocked.length, simulator.requests("postText").size(), "GeWe answered every blocked exchange");
        try {
            // six exchanges are stuck after their call; HttpClient has two I/O threads: another call still completes
            Exchange other = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                    () -> template.send("direct:other", e -> e.getMessage().setBody(Map.of("toWxid", "x", "content", "y"))));
            assertNull(other.getException());
            assertTrue(continuedOn != null && continuedOn.contains("GeweWorker"), "continued on " + continuedOn);
            assertFalse(continuedOn.startsWith("gewe-http"), continuedOn);
        } finally {
            release.countDown();
        }
        for (Future<?> f : blocked) {
            f.get(10, TimeUnit.SECONDS);
        }
    }
}
