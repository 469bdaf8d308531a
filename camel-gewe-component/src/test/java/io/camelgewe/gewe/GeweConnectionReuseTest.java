package io.camelgewe.gewe;

import java.util.Map;

import io.camelgewe.gewe.client.PoolProbe;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.hc.core5.pool.PoolStats;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Calls made one after the other, each started by the end of the one before on the HTTP client's I/O thread (a route
 * going on there with continueOnIoThread, a closed loop of sends), reuse one connection: the answer is handed over
 * once its connection is back in the pool, so the next call finds it free instead of opening a second one.
 */
class GeweConnectionReuseTest extends GeweTestSupport {

    private static final int CALLS = 50;

    @Override
    protected void configure(GeweComponent gewe) {
        gewe.setContinueOnIoThread(true);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:inTurn")
                        .loop(CALLS)
                            .setBody(constant(Map.of("toWxid", "wxid_a", "content", "in turn")))
                            .to("gewe:postText")
                        .end();
            }
        };
    }

    @Test
    void callsInTurnOnTheIoThreadShareOneConnection() throws Exception {
        Exchange out = template.send("direct:inTurn", e -> e.getMessage().setBody("start"));
        assertNull(out.getException());
        assertEquals(CALLS, simulator.requests("postText").size());
        PoolStats pool = PoolProbe.stats(context.getComponent("gewe", GeweComponent.class).transport());
        assertEquals(1, pool.getAvailable() + pool.getLeased(),
                "calls in turn opened more than one connection: " + pool);
    }
}
