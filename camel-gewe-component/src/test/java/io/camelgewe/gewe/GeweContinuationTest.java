package io.camelgewe.gewe;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.camelgewe.gewe.errors.GeweApiException;
import io.camelgewe.gewe.simulator.Fault;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which thread goes on after GeWe answers, by default: HttpClient's I/O thread only when nothing but Camel's
 * bookkeeping is left (the call ends the exchange), the worker pool whenever something that could block follows.
 */
class GeweContinuationTest extends GeweTestSupport {

    private final AtomicReference<String> after = new AtomicReference<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:last").routeId("last").to("gewe:postText");
                from("direct:stepAfter").process(e -> {
                }).to("gewe:postText").process(e -> after.set(Thread.currentThread().getName()));
                // the inner route ends at the call, but the outer one goes on after it
                from("direct:outer").to("direct:last").process(e -> after.set(Thread.currentThread().getName()));
                from("direct:withOnCompletion").onCompletion().process(e -> after.set(Thread.currentThread().getName()))
                        .end().to("gewe:postText");
                from("direct:failing").onException(GeweApiException.class).handled(true)
                        .process(e -> after.set(Thread.currentThread().getName())).end()
                        .to("gewe:postText");
            }
        };
    }

    private static Map<String, Object> text() {
        return Map.of("toWxid", "wxid_x", "content", "hi");
    }

    /** Sends through the route's async producer and returns the thread its callback ran on. */
    private String callbackThread(String uri, Exchange[] out) throws Exception {
        AsyncProducer producer = context.getEndpoint(uri).createAsyncProducer();
        ServiceHelper.startService(producer);
        try {
            Exchange exchange = context.getEndpoint(uri).createExchange();
            exchange.getMessage().setBody(text());
            CountDownLatch done = new CountDownLatch(1);
            AtomicReference<String> thread = new AtomicReference<>();
            producer.process(exchange, sync -> {
                thread.set(Thread.currentThread().getName());
                done.countDown();
            });
            assertTrue(done.await(10, TimeUnit.SECONDS), "the exchange completed");
            if (out != null) {
                out[0] = exchange;
            }
            return thread.get();
        } finally {
            ServiceHelper.stopService(producer);
        }
    }

    private ThreadPoolExecutor worker() {
        return (ThreadPoolExecutor) context.getComponent("gewe", GeweComponent.class).worker();
    }

    @Test
    void aCallThatEndsTheExchangeCompletesOnTheIoThreadWithoutAHop() throws Exception {
        long handedOff = worker().getTaskCount();
        Exchange[] out = new Exchange[1];
        String thread;
        // an answer back before the producer returns would complete on the caller's thread: it comes a little later
        simulator.setLatency(java.time.Duration.ofMillis(50));
        try {
            thread = callbackThread("direct:last", out);
        } finally {
            simulator.setLatency(java.time.Duration.ZERO);
        }
        assertNull(out[0].getException());
        assertTrue(thread.startsWith("gewe-http"), "completed on " + thread);
        assertEquals(handedOff, worker().getTaskCount(), "handed to a worker for nothing");
    }

    @Test
    void aStepAfterTheCallRunsOnAWorker() throws Exception {
        template.sendBody("direct:stepAfter", text());
        assertTrue(after.get().contains("GeweWorker"), "continued on " + after.get());
    }

    @Test
    void aRouteCalledByAnotherHandsTheRestOfTheCallerToAWorker() throws Exception {
        template.sendBody("direct:outer", text());
        assertTrue(after.get().contains("GeweWorker"), "the outer route continued on " + after.get());
    }

    @Test
    void anOnCompletionRunsOnAWorker() throws Exception {
        template.sendBody("direct:withOnCompletion", text());
        // onCompletion runs after the exchange is done: wait for it
        await(java.time.Duration.ofSeconds(10), () -> after.get() != null, "the onCompletion ran");
        assertTrue(after.get().contains("GeweWorker"), "onCompletion ran on " + after.get());
    }

    @Test
    void aSynchronizationOfTheConsumerRunsOnAWorker() throws Exception {
        // as a file consumer's commit or a ProducerTemplate's callback: it may block
        Exchange exchange = context.getEndpoint("direct:last").createExchange();
        exchange.getMessage().setBody(text());
        CountDownLatch done = new CountDownLatch(1);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange e) {
                after.set(Thread.currentThread().getName());
                done.countDown();
            }
        });
        template.asyncSend("direct:last", exchange);
        assertTrue(done.await(10, TimeUnit.SECONDS), "the synchronization ran");
        assertTrue(after.get().contains("GeweWorker"), "the synchronization ran on " + after.get());
    }

    @Test
    void aFailureGoesToTheErrorHandlerOnAWorker() throws Exception {
        simulator.failNext(Fault.RET_500);
        template.sendBody("direct:failing", text());
        assertTrue(after.get().contains("GeweWorker"), "onException ran on " + after.get());
        simulator.failNext(Fault.RET_500);
        Exchange[] out = new Exchange[1];
        String thread = callbackThread("direct:last", out);
        assertInstanceOf(GeweApiException.class, out[0].getException());
        assertTrue(thread.contains("GeweWorker"), "a failure completed on " + thread);
    }
}
