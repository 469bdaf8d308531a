package io.camelgewe.gewe.callback;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgewe.gewe.GeweTestSupport;
import io.camelgewe.gewe.client.GeweJson;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.test.AvailablePortFinder;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tests of gewe:callback: a real Vert.x platform-http server on a free port in front of the CamelContext, real HTTP
 * POSTs into it, and the GeWe simulator behind the component for the calls the consumer makes.
 */
public abstract class GeweCallbackTestSupport extends GeweTestSupport {

    /** The account the fixtures' private messages were received by. */
    protected static final String ME = "wxid_0xsqb3o0tsvz22";

    /**
     * One client per test, as each test has its own server: a client shared by the class could send a test's first
     * POST on a pooled connection to an earlier test's server, closed as that test ended (perhaps on the same port),
     * and a POST is not retried, so the test would see a connection with no answer ("header parser received no bytes").
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    protected final int port = AvailablePortFinder.getNextAvailable();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext ctx = super.createCamelContext();
        VertxPlatformHttpServerConfiguration conf = new VertxPlatformHttpServerConfiguration();
        conf.setBindPort(port);
        ctx.addService(new VertxPlatformHttpServer(conf));
        return ctx;
    }

    /** The URL of a path on the test's HTTP server. */
    protected URI url(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery);
    }

    /** POSTs JSON to /gewe/callback. */
    protected HttpResponse<String> post(String json) {
        return post("/gewe/callback", json);
    }

    /** POSTs JSON to a path (with its query), with headers given as name, value, name, value... */
    protected HttpResponse<String> post(String pathAndQuery, String json, String... headers) {
        return send(HttpRequest.newBuilder(url(pathAndQuery)).POST(HttpRequest.BodyPublishers.ofString(json)),
                headers);
    }

    /** POSTs bytes as they are. */
    protected HttpResponse<String> post(String pathAndQuery, byte[] body) {
        return send(HttpRequest.newBuilder(url(pathAndQuery)).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Sends a request with the content type GeWe uses, and headers given as name, value... */
    protected HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        request.header("Content-Type", "application/json").timeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A callback of the reference, from src/test/resources/callbacks. */
    protected static String fixture(String name) {
        try (InputStream in = GeweCallbackTestSupport.class.getResourceAsStream("/callbacks/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture as an editable JSON tree. */
    protected static ObjectNode fixtureTree(String name) {
        return (ObjectNode) json(fixture(name));
    }

    /** A fixture with another NewMsgId, so that it is not a duplicate of the original. */
    protected static String fixtureWithId(String name, long newMsgId) {
        ObjectNode tree = fixtureTree(name);
        ((ObjectNode) tree.get("Data")).put("NewMsgId", newMsgId);
        return tree.toString();
    }

    /** The callback of the i-th exchange the mock received. */
    protected static GeweCallback callbackOf(MockEndpoint mock, int i) {
        return mock.getReceivedExchanges().get(i).getMessage().getBody(GeweCallback.class);
    }

    /** The i-th exchange the mock received. */
    protected static Exchange exchangeOf(MockEndpoint mock, int i) {
        return mock.getReceivedExchanges().get(i);
    }

    /** JSON text of a tree, for tests that build bodies. */
    protected static String write(Object tree) {
        try {
            return GeweJson.mapper().writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
