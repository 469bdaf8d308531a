package io.camelgewe.gewe.callback;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.camelgewe.gewe.client.GeweJson;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A GeWe that refuses login/setCallback and quotes, in its refusal, the URL it was given (as sent, and decoded): the
 * registration's WARN line shows neither the secret nor any encoding of it. The simulator does not quote URLs, so a
 * small server of the test's own stands for that GeWe. The secret carries the mark TokenLeakIT looks for in the suite's
 * log.
 */
class GeweCallbackRegistrationRefusedTest extends GeweCallbackTestSupport {

    private static final String SECRET = "Sp@ce d/Secret+ü" + SECRET_MARK;
    private static HttpServer gewe;

    @BeforeAll
    static void startRefusingGewe() throws IOException {
        gewe = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gewe.createContext("/", x -> {
            byte[] answer;
            try (InputStream in = x.getRequestBody()) {
                JsonNode request = GeweJson.mapper().readTree(in);
                String url = request.path("callbackUrl").asText();
                String msg = "回调地址不可用: " + url + " (" + URLDecoder.decode(url, StandardCharsets.UTF_8) + ")";
                answer = GeweJson.mapper().writeValueAsBytes(java.util.Map.of("ret", 500, "msg", msg));
            }
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(200, answer.length);
            x.getResponseBody().write(answer);
            x.close();
        });
        gewe.start();
    }

    @AfterAll
    static void stopRefusingGewe() {
        gewe.stop(0);
    }

    @Override
    protected void configure(io.camelgewe.gewe.GeweComponent component) {
        // on the component, where the README says to put it (Camel's DEBUG shows a URI's options as written)
        component.getConfiguration().setSecret(SECRET);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        String base = "http://127.0.0.1:" + gewe.getAddress().getPort() + "/gewe/v2/api";
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gewe:callback?baseUrl=" + base + "&registerUrl=RAW(http://public.example/gewe/callback)")
                        .to("mock:callbacks");
            }
        };
    }

    @Test
    void gewesRefusalQuotingTheUrlIsLoggedWithoutTheSecret() {
        String line = "GeWe did not register the callback URL http://public.example/gewe/callback?secret=******";
        await(Duration.ofSeconds(10), () -> testLog().contains(line), "the registration's WARN line");
        List<String> warn = testLog().lines().filter(l -> l.contains(line)).toList();
        assertEquals(1, warn.size(), warn.toString());
        assertTrue(warn.get(0).contains("回调地址不可用"), "GeWe's words are kept: " + warn.get(0));
        String encoded = URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
        for (String form : List.of(SECRET, encoded, encoded.replace("+", "%20"), "Sp@ce", "Sp%40ce")) {
            assertFalse(warn.get(0).contains(form), "the secret (" + form + ") is logged: " + warn.get(0));
        }
    }
}
