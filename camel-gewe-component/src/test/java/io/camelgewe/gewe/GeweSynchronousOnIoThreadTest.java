package io.camelgewe.gewe;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A synchronous=true call reached on one of the HTTP client's I/O threads (a route going on there after an earlier
 * call, with continueOnIoThread) does not block it: it is made as an asynchronous one, and the classic client is not
 * even made.
 */
class GeweSynchronousOnIoThreadTest extends GeweTestSupport {

    private final AtomicReference<String> between = new AtomicReference<>();

    @Override
    protected void configure(GeweComponent gewe) {
        gewe.setContinueOnIoThread(true);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:chain").to("gewe:postText")
                        .process(e -> {
                            between.set(Thread.currentThread().getName());
                            e.getMessage().setBody(Map.of("toWxid", "x", "content", "again"));
                        })
                        .to("gewe:postText?synchronous=true");
            }
        };
    }

    @Test
    void aSynchronousCallOnAnIoThreadIsMadeAsynchronously() {
        // without a delay the answer can come before the producer has hooked its continuation to the call (a loaded
        // CI machine preempts the caller), and the route then rightly goes on on the caller's thread: not this case
        simulator.setLatency(java.time.Duration.ofMillis(150));
        Exchange out = template.send("direct:chain", e -> e.getMessage().setBody(Map.of("toWxid", "x", "content", "y")));
        assertNull(out.getException());
        assertTrue(between.get().startsWith("gewe-http"), "the route went on on an I/O thread: " + between.get());
        assertEquals(2, simulator.requests().size());
        assertNull(context.getComponent("gewe", GeweComponent.class).classicTransportIfMade(),
                "the I/O thread called GeWe over the classic client, blocking");
    }

    @org.junit.jupiter.api.AfterEach
    void noLatency() {
        simulator.setLatency(java.time.Duration.ZERO);
    }
}
