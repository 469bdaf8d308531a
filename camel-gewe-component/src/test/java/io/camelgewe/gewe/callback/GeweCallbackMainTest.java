package io.camelgewe.gewe.callback;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Under Camel Main, with camel-platform-http-main on the classpath, gewe:callback listens on the application's server:
 * {@code camel.server.enabled=true} and {@code camel.server.port}.
 */
class GeweCallbackMainTest {

    @Test
    void listensOnCamelServerPort() throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        Main main = new Main();
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.port", String.valueOf(port));
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("gewe:callback").to("mock:callbacks");
            }
        });
        main.start();
        try {
            MockEndpoint mock = main.getCamelContext().getEndpoint("mock:callbacks", MockEndpoint.class);
            mock.expectedMessageCount(1);
            String body = new String(GeweCallbackMainTest.class.getResourceAsStream("/callbacks/text.json").readAllBytes(),
                    StandardCharsets.UTF_8);
            HttpResponse<String> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/gewe/callback"))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode());
            mock.assertIsSatisfied();
            assertEquals("123", mock.getReceivedExchanges().get(0).getMessage().getBody(GeweCallback.class).getText());
        } finally {
            main.stop();
        }
    }
}
