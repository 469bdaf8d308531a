package io.camelgewe.gewe;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A worker pool that refuses the hand-off (full with an abort policy, or shut down) never strands an exchange: it
 * continues on the thread GeWe's answer arrived on.
 */
class GeweWorkerPoolRejectionTest extends GeweTestSupport {

    private final ExecutorService refusing = Executors.newSingleThreadExecutor();
    private volatile String continuedOn;

    @Override
    protected void configure(GeweComponent gewe) {
        refusing.shutdown();
        gewe.setWorkerPool(refusing);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("gewe:postText").process(e -> continuedOn = Thread.currentThread().getName());
            }
        };
    }

    @Test
    void aRefusedHandOffContinuesOnTheAnsweringThread() {
        // an answer that came before the producer attached its continuation would run it on the calling thread and
        // never reach the hand-off; the delay makes sure the answer arrives on HttpClient's I/O thread
        simulator.setLatency(Duration.ofMillis(300));
        Exchange out = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> template.send("direct:send",
                e -> e.getMessage().setBody(Map.of("toWxid", "wxid_a", "content", "hello"))));
        assertNull(out.getException());
        assertEquals(1, simulator.requests("postText").size());
        assertTrue(continuedOn.startsWith("gewe-http"), "continued on " + continuedOn);
    }
}
