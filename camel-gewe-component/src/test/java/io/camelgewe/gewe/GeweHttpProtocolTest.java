package io.camelgewe.gewe;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelgewe.gewe.errors.GeweHttpException;
import io.camelgewe.gewe.model.SendResult;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP the component speaks where HttpClient's own protocol step was replaced ({@code TokenOnlyProtocolExec}):
 * through a plain HTTP proxy the request line carries the whole URL and the Host header names GeWe, and an
 * authentication challenge, from GeWe or from the proxy, is reported once and never answered.
 */
class GeweHttpProtocolTest extends HostileServerTestSupport {

    /** A host that resolves nowhere: a call that reaches the server went through the proxy. */
    private static final String UNREACHABLE = "http://gewe.invalid:2531";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext ctx = super.createCamelContext();
        GeweComponent proxied = component(UNREACHABLE + HostileServer.API);
        proxied.setProxyHost("127.0.0.1");
        proxied.setProxyPort(server.port());
        ctx.addComponent("geweProxied", proxied);
        return ctx;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:text").to("gewe:postText?toWxid=wxid_a");
                from("direct:proxied").to("geweProxied:postText?toWxid=wxid_a");
            }
        };
    }

    @Test
    void throughAPlainProxyTheRequestLineCarriesTheWholeUrlAndTheHostHeaderNamesGewe() {
        List<String> seen = new CopyOnWriteArrayList<>();
        server.onOperation("message/postText", x -> {
            seen.add(x.getRequestURI() + " Host=" + x.getRequestHeaders().getFirst("Host"));
            HostileServer.envelope(SENT).handle(x);
        });
        for (int i = 0; i < 3; i++) {
            Exchange out = template.send("direct:proxied", e -> e.getMessage().setBody("via the proxy"));
            assertNull(out.getException());
            assertEquals(8992614056172361237L, out.getMessage().getBody(SendResult.class).getNewMsgId());
        }
        assertEquals(3, seen.size(), seen.toString());
        for (String line : seen) {
            assertEquals(UNREACHABLE + HostileServer.API + "/message/postText Host=gewe.invalid:2531", line);
        }
    }

    @Test
    void aChallengeFromGeweIsReportedOnceAndNeverAnswered() {
        String path = HostileServer.API + "/message/postText";
        long before = server.count(path);
        List<String> authorization = new CopyOnWriteArrayList<>();
        server.onOperation("message/postText", x -> {
            authorization.add(String.valueOf(x.getRequestHeaders().getFirst("Authorization")));
            x.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"gewe\"");
            x.sendResponseHeaders(401, -1);
        });
        Exchange out = template.send("direct:text", e -> e.getMessage().setBody("hello"));
        GeweHttpException e = assertInstanceOf(GeweHttpException.class, out.getException());
        assertEquals(401, e.getStatusCode());
        assertEquals(1, server.count(path) - before, "sent once: " + server.requests());
        assertEquals(List.of("null"), authorization);
    }

    @Test
    void aChallengeFromTheProxyIsReportedOnceAndNeverAnswered() {
        String path = HostileServer.API + "/message/postText";
        long before = server.count(path);
        server.onOperation("message/postText", x -> {
            x.getResponseHeaders().set("Proxy-Authenticate", "Basic realm=\"proxy\"");
            x.sendResponseHeaders(407, -1);
        });
        Exchange out = template.send("direct:proxied", e -> e.getMessage().setBody("via the proxy"));
        GeweHttpException e = assertInstanceOf(GeweHttpException.class, out.getException());
        assertEquals(407, e.getStatusCode());
        assertTrue(e.getMessage().contains("407"), e.getMessage());
        assertEquals(1, server.count(path) - before, "sent once: " + server.requests());
    }
}
