package io.camelgewe.gewe;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With synchronous=true the caller's thread calls GeWe and waits for the answer, as camel-http's does: a blocking step
 * after the call runs on that thread, neither on HttpClient's I/O thread nor on a worker.
 */
class GeweSynchronousTest extends GeweTestSupport {

    private final AtomicReference<String> after = new AtomicReference<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:sync").to("gewe:postText?synchronous=true").process(e -> {
                    after.set(Thread.currentThread().getName());
                    // a step that blocks, as a send to a broker may
                    TimeUnit.MILLISECONDS.sleep(50);
                });
            }
        };
    }

    @Test
    void theRouteGoesOnOnTheCallersThread() throws Exception {
        long handedOff = ((java.util.concurrent.ThreadPoolExecutor) context.getComponent("gewe", GeweComponent.class)
                .worker()).getTaskCount();
        Exchange out = template.send("direct:sync", e -> e.getMessage().setBody(Map.of("toWxid", "x", "content", "y")));
        assertNull(out.getException());
        assertEquals(Thread.currentThread().getName(), after.get());
        assertEquals(handedOff, ((java.util.concurrent.ThreadPoolExecutor) context.getComponent("gewe",
                GeweComponent.class).worker()).getTaskCount(), "handed to a worker");
    }

    @Test
    void theProducerCompletesSynchronously() throws Exception {
        AsyncProducer producer = context.getEndpoint("gewe:postText?synchronous=true").createAsyncProducer();
        ServiceHelper.startService(producer);
        try {
            Exchange exchange = context.getEndpoint("direct:sync").createExchange();
            exchange.getMessage().setBody(Map.of("toWxid", "x", "content", "y"));
            boolean[] doneSync = new boolean[1];
            String caller = Thread.currentThread().getName();
            AtomicReference<String> thread = new AtomicReference<>();
            boolean sync = producer.process(exchange, d -> {
                doneSync[0] = d;
                thread.set(Thread.currentThread().getName());
            });
            assertTrue(sync && doneSync[0], "completed synchronously");
            assertEquals(caller, thread.get());
            assertFalse(thread.get().startsWith("gewe-http"));
            assertNull(exchange.getException());
        } finally {
            ServiceHelper.stopService(producer);
        }
    }
}
