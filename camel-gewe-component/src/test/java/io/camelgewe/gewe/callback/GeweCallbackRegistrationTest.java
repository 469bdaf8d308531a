package io.camelgewe.gewe.callback;

import java.net.URI;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * registerUrl: the consumer registers its URL with the GeWe simulator once the application has started, answers the
 * ping that follows, then receives what the simulator pushes.
 */
class GeweCallbackRegistrationTest extends GeweCallbackTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        String url = "http://localhost:" + port + "/gewe/callback";
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the secret from a placeholder, as the README advises: the route's text never holds it
                from("gewe:callback?secret={{callback.secret}}&registerUrl=RAW(" + url + ")").routeId("callbacks")
                        .to("mock:callbacks");
            }
        };
    }

    @Override
    protected java.util.Properties useOverridePropertiesWithPropertiesComponent() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("callback.secret", "RAW(p@ss word)");
        return p;
    }

    @Test
    void urlIsRegisteredWithTheSecretThePingAnsweredAndPushesRouted() throws Exception {
        GeweCallbackConsumer consumer = (GeweCallbackConsumer) context.getRoute("callbacks").getConsumer();
        await(Duration.ofSeconds(10), () -> consumer.getPingCount() == 1, "GeWe's registration ping");

        JsonNode setCallback = bodiesSentTo("login/setCallback").get(0);
        assertEquals(simulator.token(), setCallback.get("token").asText());
        String registered = "http://localhost:" + port + "/gewe/callback?secret=p%40ss+word";
        assertEquals(registered, setCallback.get("callbackUrl").asText());
        assertEquals(URI.create(registered), simulator.callbackUrl());

        MockEndpoint mock = getMockEndpoint("mock:callbacks");
        mock.expectedMessageCount(1);
        assertEquals(200, simulator.pushCallback(fixture("text")));
        mock.assertIsSatisfied();
        assertEquals("123", callbackOf(mock, 0).getText());
        assertEquals(0, consumer.getRefusedCount());
        // the test log (everything at DEBUG, target/test.log) has the registration, never the secret
        String registeredLine = "Registered the callback URL http://localhost:" + port + "/gewe/callback?secret=******";
        await(Duration.ofSeconds(5), () -> testLog().contains(registeredLine), "the registration's log line");
        // the component's own lines (i.c.g.*, at every level) never show it; the simulator stands for GeWe, which knows
        // the secret, and Camel's core logs the application's resolved properties and URIs at DEBUG: neither counts
        testLog().lines().filter(line -> line.contains(" i.c.g.") && !line.contains("GeweSimulator"))
                .forEach(
                line -> assertFalse(line.contains("p%40ss") || line.contains("p@ss word"), "the secret was logged: " + line));

        assertEquals("http://h/cb?a=1&secret=******&b=2", GeweCallbackRegistration.masked("http://h/cb?a=1&secret=x&b=2"));
        assertEquals("http://h/cb?secret=given", GeweCallbackRegistration.withSecret("http://h/cb?secret=given", "other"));
        assertEquals("http://h/cb?a=1&secret=x%26y", GeweCallbackRegistration.withSecret("http://h/cb?a=1", "x&y"));
        assertFalse(GeweCallbackRegistration.withSecret("http://h/cb", null).contains("secret"));
    }
}
