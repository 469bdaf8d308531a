package io.camelgewe.gewe;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.camelgewe.gewe.catalog.GeweOperation;
import io.camelgewe.gewe.spi.FetchOrigins;
import io.camelgewe.gewe.spi.FetchedFile;
import io.camelgewe.gewe.spi.GeweClient;
import io.camelgewe.gewe.spi.GeweTimeouts;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A token that is a property placeholder the runtime left as it was (the README once showed {@code ${env:GEWE_TOKEN}},
 * which Camel Main does not resolve and Spring reads as the property {@code env} with the default
 * {@code GEWE_TOKEN}) is refused when the route starts, saying so, instead of being sent to GeWe.
 */
class GeweTokenPlaceholderTest extends GeweTestSupport {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "${env:GEWE_TOKEN}   | unresolved ${...} placeholder",
            "${GEWE_TOKEN}       | unresolved ${...} placeholder",
            "{{env:GEWE_TOKEN}}  | unresolved {{...}} placeholder",
            "{{gewe.token}}      | unresolved {{...}} placeholder",
            "GEWE_TOKEN          | name of an environment variable",
            "MY_GEWE_TOKEN_2     | name of an environment variable" })
    void aPlaceholderTokenFailsTheRouteAtStartSayingWhatItIs(String token, String said) throws Exception {
        context.getComponent("gewe", GeweComponent.class).setToken(token);
        String msg = RouteStart.failure(context, "gewe:postText?toWxid=wxid_a");
        assertTrue(msg.contains("gewe:postText: the GeWe token is " + said.replace("unresolved", "an unresolved")
                .replace("name of", "the name of")), msg);
        assertTrue(msg.contains("{{env:GEWE_TOKEN}}") && msg.contains("${GEWE_TOKEN} in Spring XML"),
                "says what to write instead: " + msg);
        assertEquals(0, simulator.totalCount(), "nothing reached GeWe");
    }

    @Test
    void aRealTokenIsSent() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("gewe:postText?toWxid=wxid_a");
            }
        });
        context.start();
        template.sendBody("direct:send", "hello");
        assertEquals(1, simulator.sentCount());
    }

    @Test
    void aClientOfTheUsersOwnIsNotAskedAboutItsToken() throws Exception {
        GeweComponent gewe = context.getComponent("gewe", GeweComponent.class);
        gewe.setToken("${whatever.the.client.wants}");
        gewe.setClient(new GeweClient() {
            @Override
            public CompletableFuture<Object> call(GeweOperation operation, Object[] values, GeweTimeouts timeouts) {
                return CompletableFuture.completedFuture(TextNode.valueOf("own"));
            }

            @Override
            public CompletableFuture<FetchedFile> fetch(GeweOperation operation, String fileUrl, FetchOrigins origins,
                                                        Path directory, GeweTimeouts timeouts) {
                throw new UnsupportedOperationException("no downloads here");
            }
        });
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:own").to("gewe:getChatroomInfo?chatroomId=1@chatroom");
            }
        });
        context.start();
        assertEquals("own", template.requestBody("direct:own", (Object) null, JsonNode.class).asText());
        assertFalse(simulator.totalCount() > 0);
    }

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }
}
