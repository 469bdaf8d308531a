package io.camelgewe.gewe.callback;

import java.time.Duration;

import io.camelgewe.gewe.GeweConfiguration;
import io.camelgewe.gewe.GeweEndpoint;
import org.apache.camel.Endpoint;
import org.apache.camel.FailedToStartRouteException;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * gewe:callback as an endpoint: consumer only, its options checked at start-up, its secret masked.
 */
class GeweCallbackEndpointTest extends GeweCallbackTestSupport {

    private Throwable startRoute(String from, String to) {
        return assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to(to);
            }
        }));
    }

    private static String messages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c.getMessage()).append(" | ");
        }
        return sb.toString();
    }

    @Test
    void callbackCannotBeSentTo() {
        Throwable e = startRoute("direct:start", "gewe:callback");
        assertTrue(messages(e).contains("gewe:callback receives GeWe's callbacks and can only be consumed from"),
                messages(e));
    }

    @Test
    void operationsCannotBeConsumedFrom() {
        Throwable e = startRoute("gewe:postText", "mock:never");
        assertInstanceOf(FailedToStartRouteException.class, e);
        assertTrue(messages(e).contains("gewe:postText is a GeWe operation and can only be sent to; GeWe's callbacks "
                                        + "are received with from(\"gewe:callback\")"),
                messages(e));
    }

    @Test
    void unknownAndProducerOptionsAreRefused() {
        Throwable unknown = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("gewe:callback?msgTipes=1"));
        assertTrue(messages(unknown).contains("does not take the option msgTipes"), messages(unknown));
        Throwable producerOption = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("gewe:callback?toWxid=wxid_a"));
        assertTrue(messages(producerOption).contains("does not take the option toWxid"), messages(producerOption));
    }

    @Test
    void badOptionValuesFailTheRouteAtStart() {
        assertTrue(messages(startRoute("gewe:callback?msgTypes=text", "mock:never"))
                .contains("msgTypes takes MsgType numbers separated by commas"));
        assertTrue(messages(startRoute("gewe:callback?path=RAW(/a b)", "mock:never")).contains("path must be a plain URL path"));
        assertTrue(messages(startRoute("gewe:callback?path=/x&answerTimeout=0", "mock:never"))
                .contains("answerTimeout must be positive"));
        assertTrue(messages(startRoute("gewe:callback?answerAfter=later", "mock:never")).contains("later"));
    }

    @Test
    void optionsAreReadCaseInsensitivelyAndTheSecretIsMasked() throws Exception {
        Endpoint endpoint = context.getEndpoint("gewe:callback?answerAfter=receipt&secret=RAW(hunter2)&path=hook");
        GeweConfiguration cfg = ((GeweEndpoint) endpoint).getConfiguration();
        assertEquals(GeweAnswerAfter.RECEIPT, cfg.getAnswerAfter());
        assertEquals("hunter2", cfg.getSecret());
        assertFalse(endpoint.toString().contains("hunter2"), endpoint.toString());
        assertFalse(cfg.toString().contains("hunter2"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(endpoint).routeId("hook").to("mock:hook");
            }
        });
        // a path without its leading slash is taken as absolute
        getMockEndpoint("mock:hook").expectedMessageCount(1);
        assertEquals(200, post("/hook", fixture("text"), GeweCallbackHandler.SECRET_HEADER, "hunter2").statusCode());
        getMockEndpoint("mock:hook").assertIsSatisfied();
        assertEquals("hook", ((GeweEndpoint) endpoint).getServiceUrl());
    }

    @Test
    void routeCanBeStoppedAndStartedAgain() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("gewe:callback").routeId("r").to("mock:r");
            }
        });
        context.getRouteController().stopRoute("r");
        assertEquals(404, post(fixture("text")).statusCode());
        context.getRouteController().startRoute("r");
        getMockEndpoint("mock:r").expectedMessageCount(1);
        await(Duration.ofSeconds(5), () -> post(fixtureWithId("image", 1)).statusCode() == 200, "the path answers");
        getMockEndpoint("mock:r").assertIsSatisfied();
    }
}
