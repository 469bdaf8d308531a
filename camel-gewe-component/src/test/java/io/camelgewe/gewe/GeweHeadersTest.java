package io.camelgewe.gewe;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.camelgewe.gewe.simulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What crosses the wire: the token and JSON, and nothing of the Camel message. */
class GeweHeadersTest extends GeweTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("gewe:postImage");
            }
        };
    }

    @Test
    void onlyTheTokenAndJsonHeadersReachGewe() {
        Exchange out = template.send("direct:send", e -> {
            e.getMessage().setBody("{\"toWxid\":\"wxid_a\",\"imgUrl\":\"http://i/a.png\"}");
            // what JMS, Kafka, files and the route itself put on a message
            e.getMessage().setHeader("JMSMessageID", "ID:broker-1-1");
            e.getMessage().setHeader("JMSCorrelationID", "corr-77");
            e.getMessage().setHeader("kafka.KEY", "wx_app");
            e.getMessage().setHeader("kafka.TOPIC", "orders");
            e.getMessage().setHeader(Exchange.FILE_NAME, "order-9.json");
            e.getMessage().setHeader("X-Internal-Secret", "internal-value-42");
            e.getMessage().setHeader("Authorization", "Bearer internal");
            e.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/plain");
            e.getMessage().setHeader(Exchange.HTTP_PATH, "/elsewhere");
        });
        assertNull(out.getException());
        RecordedRequest r = simulator.lastRequest();
        assertEquals("/gewe/v2/api/message/postImage", r.path());
        assertEquals(simulator.token(), r.headers().get("X-GEWE-TOKEN"));
        assertTrue(r.headers().get("Content-Type").startsWith("application/json"), r.headers().get("Content-Type"));

        Set<String> allowed = Set.of("x-gewe-token", "content-type", "content-length", "host", "connection",
                "user-agent", "accept-encoding");
        Set<String> unexpected = new TreeSet<>();
        for (Map.Entry<String, String> h : r.headers().entrySet()) {
            if (!allowed.contains(h.getKey().toLowerCase())) {
                unexpected.add(h.getKey());
            }
        }
        assertTrue(unexpected.isEmpty(), "headers that should not reach GeWe: " + unexpected);
        String raw = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
        for (String leaked : new String[] { "ID:broker-1-1", "corr-77", "orders", "order-9.json", "internal-value-42" }) {
            assertFalse(raw.contains(leaked) || r.headers().containsValue(leaked), leaked + " leaked to GeWe");
        }
    }
}
