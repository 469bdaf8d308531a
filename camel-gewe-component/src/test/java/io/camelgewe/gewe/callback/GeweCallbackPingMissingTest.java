package io.camelgewe.gewe.callback;

import java.time.Duration;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A registration GeWe accepts but whose ping never arrives (the simulator's silent callback): the consumer says at
 * WARN that GeWe could not reach the URL, naming it (never the token or the secret), and its JMX attribute says so.
 */
class GeweCallbackPingMissingTest extends GeweCallbackTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        simulator.setCallbackPing(false);
        String url = "http://localhost:" + port + "/gewe/callback";
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gewe:callback?pingTimeout=300&registerUrl=RAW(" + url + ")")
                        .routeId("callbacks").to("mock:callbacks");
            }
        };
    }

    @Override
    protected void configure(io.camelgewe.gewe.GeweComponent gewe) {
        gewe.getConfiguration().setSecret(SECRET_MARK);
    }

    @AfterEach
    void pingsAgain() {
        simulator.setCallbackPing(true);
    }

    @Test
    void aMissingPingIsWarnedWithTheUrlAndShownInJmx() throws Exception {
        GeweCallbackConsumer consumer = (GeweCallbackConsumer) context.getRoute("callbacks").getConsumer();
        String warning = "GeWe could not reach the callback URL http://localhost:" + port
                         + "/gewe/callback?secret=******: its ping did not arrive within 300 ms of registering";
        await(Duration.ofSeconds(10), () -> testLog().contains(warning), "the WARN about the missing ping");
        assertTrue(consumer.isPingMissing());
        assertEquals(0, consumer.getPingCount());
        String line = testLog().lines().filter(l -> l.contains(warning)).findFirst().orElseThrow();
        assertTrue(line.contains(" WARN "), line);
        assertFalse(testLog().lines().filter(l -> l.contains("CallbackPingWatch"))
                .anyMatch(l -> l.contains(SECRET_MARK) || l.contains(simulator.token())), "no secret, no token");
    }
}
