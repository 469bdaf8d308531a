package io.camelgewe.gewe.callback;

import java.net.URI;
import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An account GeWe stops pushing for: after silenceTimeout the consumer warns, its health check is DOWN, JMX lists the
 * account, the URL is registered again (reregisterOnSilence), and the last arrivals are kept in the
 * arrivalRepository. The simulator registers, pings and pushes over real HTTP.
 */
class GeweCallbackSilenceTest extends GeweCallbackTestSupport {

    private final MemoryStateRepository arrivals = new MemoryStateRepository();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext ctx = super.createCamelContext();
        ctx.getRegistry().bind("arrivals", arrivals);
        return ctx;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        String url = "http://localhost:" + port + "/gewe/callback";
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gewe:callback?silenceTimeout=400&reregisterOnSilence=true&arrivalRepository=#arrivals"
                     + "&registerUrl=RAW(" + url + ")").routeId("callbacks").to("mock:callbacks");
            }
        };
    }

    @Test
    void aSilentAccountIsReportedAndTheUrlRegisteredAgain() throws Exception {
        GeweCallbackConsumer consumer = (GeweCallbackConsumer) context.getRoute("callbacks").getConsumer();
        await(Duration.ofSeconds(10), () -> consumer.getPingCount() == 1, "GeWe's registration ping");
        simulator.setCallbackUrl(URI.create("http://localhost:" + port + "/gewe/callback"));
        assertEquals(200, simulator.pushCallback(fixture("text")));

        await(Duration.ofSeconds(10), () -> consumer.getSilentAccounts().contains("wx_example_app_id"),
                "the pushing account reported silent");
        // the endpoint's own account, registered and never heard from, is silent too
        assertTrue(consumer.getSilentAccounts().contains(simulator.appId()), consumer.getSilentAccounts());
        await(Duration.ofSeconds(10), () -> testLog().contains(
                "GeWe callback on /gewe/callback: nothing from account wx_example_app_id for "), "the WARN");
        await(Duration.ofSeconds(10), () -> bodiesSentTo("login/setCallback").size() >= 2, "the URL registered again");

        HealthCheck.Result health = consumer.getHealthCheck().call();
        assertEquals(HealthCheck.State.DOWN, health.getState());
        assertTrue(health.getMessage().orElse("").contains("wx_example_app_id"), health.getMessage().toString());
        assertFalse(consumer.isPingMissing(), "the pings arrived");

        String kept = arrivals.getState("gewe-callback:/gewe/callback:lastArrivals");
        assertNotNull(kept, "the last arrivals are kept");
        assertTrue(kept.contains("\"wx_example_app_id\":"), kept);

        // heard from again: no longer silent
        assertEquals(200, simulator.pushCallback(fixtureWithId("text", 7773749793478223191L)));
        assertFalse(consumer.getSilentAccounts().contains("wx_example_app_id"), consumer.getSilentAccounts());
    }

    @Test
    void anAccountKnownOfflineIsNotReportedSilent() throws Exception {
        GeweCallbackConsumer consumer = (GeweCallbackConsumer) context.getRoute("callbacks").getConsumer();
        await(Duration.ofSeconds(10), () -> consumer.getPingCount() == 1, "GeWe's registration ping");
        simulator.setCallbackUrl(URI.create("http://localhost:" + port + "/gewe/callback"));
        // GeWe says the account went offline: the component's account state takes it as OFFLINE
        assertEquals(200, simulator.pushCallback(fixture("offline")));
        // well past silenceTimeout (400 ms) and its checks, which would report a pushing account silent by now
        long past = System.currentTimeMillis() + 2000;
        await(Duration.ofSeconds(10), () -> System.currentTimeMillis() > past
                                            && consumer.getSilentAccounts().contains(simulator.appId()),
                "the endpoint's own account, never heard from, reported silent");
        assertFalse(consumer.getSilentAccounts().contains("wx_example_app_id"),
                "an offline account gets no pushes; its silence says nothing: " + consumer.getSilentAccounts());
    }
}
