package io.camelgewe.gewe;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Starting a context whose route sends to one URI, when the start must fail. */
final class RouteStart {

    private RouteStart() {
    }

    /**
     * Adds a route from {@code direct:start} to the URI, starts the (not yet started) context and returns the messages
     * of the failure and its causes.
     */
    static String failure(CamelContext context, String toUri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:start").to(toUri);
            }
        });
        return GeweEndpointTest.rootMessage(assertThrows(Exception.class, context::start));
    }
}
