package io.camelgewe.gewe.callback;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A push the consumer refuses is not lost: its raw bytes go to deadLetterUri with why, counted in JMX, while GeWe
 * still gets the 400 it got before. The simulator pushes over real HTTP.
 */
class GeweCallbackDeadLetterTest extends GeweCallbackTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gewe:callback?deadLetterUri=mock:refused").routeId("callbacks").to("mock:callbacks");
            }
        };
    }

    private static Exchange ofBody(MockEndpoint mock, String body) {
        return mock.getReceivedExchanges().stream()
                .filter(e -> body.equals(new String(e.getMessage().getBody(byte[].class), StandardCharsets.UTF_8)))
                .findFirst().orElseThrow(() -> new AssertionError("no dead letter of " + body));
    }

    @Test
    void aRefusedPushIsKeptWithItsBytesAndItsReason() throws Exception {
        simulator.setCallbackUrl(URI.create("http://localhost:" + port + "/gewe/callback"));
        GeweCallbackConsumer consumer = (GeweCallbackConsumer) context.getRoute("callbacks").getConsumer();
        MockEndpoint refused = getMockEndpoint("mock:refused");
        refused.expectedMessageCount(2);
        String unknownShape = "{\"kind\":\"a push of a shape this version cannot read\",\"n\":1}";
        String addMsgWithoutData = "{\"TypeName\":\"AddMsg\",\"Appid\":\"wx_a\"}";
        assertEquals(400, simulator.pushCallback(unknownShape));
        assertEquals(400, simulator.pushCallback(addMsgWithoutData));
        refused.assertIsSatisfied();
        assertEquals(0, getMockEndpoint("mock:callbacks").getReceivedCounter(), "refused pushes are not routed");

        // dead letters go out on the route threads: in no particular order
        Exchange first = ofBody(refused, unknownShape);
        assertArrayEquals(unknownShape.getBytes(StandardCharsets.UTF_8), first.getMessage().getBody(byte[].class));
        assertEquals("the JSON is not a GeWe callback: it has no TypeName text",
                first.getMessage().getHeader("CamelGeweRefusedReason"));
        assertEquals(400, first.getMessage().getHeader("CamelGeweRefusedStatus"));
        assertEquals("/gewe/callback", first.getMessage().getHeader("CamelGeweCallbackPath"));
        assertEquals("an AddMsg callback without Data",
                ofBody(refused, addMsgWithoutData).getMessage().getHeader("CamelGeweRefusedReason"));
        await(java.time.Duration.ofSeconds(5), () -> consumer.getDeadLetterCount() == 2, "counted in JMX");
        assertEquals(0, consumer.getDeadLetterFailedCount());
    }
}
