package io.camelgewe.gewe.callback;

import java.time.Duration;

import io.camelgewe.gewe.GeweComponent;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * gewe:callback registers its URL with the component's token: a token that is an unresolved placeholder is never
 * sent to GeWe as one; the registration's failure says what it is (and the consumer keeps receiving).
 */
class GeweCallbackTokenPlaceholderTest extends GeweCallbackTestSupport {

    @Override
    protected void configure(GeweComponent gewe) {
        gewe.setToken("{{env:GEWE_TOKEN}}");
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        String url = "http://localhost:" + port + "/gewe/callback";
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gewe:callback?registerUrl=RAW(" + url + ")").routeId("callbacks").to("mock:callbacks");
            }
        };
    }

    @Test
    void theRegistrationSaysTheTokenIsAPlaceholderAndSendsNothing() {
        await(Duration.ofSeconds(10), () -> testLog().contains("the GeWe token is an unresolved {{...}} placeholder"),
                "the registration's failure in the log");
        assertTrue(simulator.requests("login/setCallback").isEmpty(), "the placeholder never reached GeWe as a token");
        assertTrue(context.getRouteController().getRouteStatus("callbacks").isStarted());
    }
}
