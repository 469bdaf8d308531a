package io.camelgewe.examples;

import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import io.camelgewe.examples.routes.CallbackRoutes;
import io.camelgewe.gewe.GeweConfiguration;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * With a public callback URL (GEWE_CALLBACK_URL), the examples' HTTP server still listens on the loopback interface
 * only: the public URL is the reverse proxy's. Every interface takes GEWE_CALLBACK_HOST=0.0.0.0.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallbackServerBindingTest {

    @TempDir
    static Path root;
    ExampleInfrastructure infra;
    Main main;

    @BeforeAll
    void start() {
        infra = ExampleInfrastructure.start(ExampleSettings.embedded(root).withoutJms().withoutCallbackDemo()
                .callbackUrl("https://public.example/gewe/callback"));
        main = ExampleApplication.camelMain(infra, new Properties(), List.of(new CallbackRoutes()));
        main.start();
    }

    @AfterAll
    void stop() {
        try {
            if (main != null) {
                main.stop();
            }
        } finally {
            if (infra != null) {
                infra.close();
            }
        }
    }

    @Test
    void aPublicUrlLeavesTheServerOnTheLoopbackInterface() throws Exception {
        int port = infra.callbackPort();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + GeweConfiguration.DEFAULT_CALLBACK_PATH))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, answer.statusCode(), "the consumer answers on the loopback interface");

        Optional<InetAddress> outside = NetworkInterface.networkInterfaces().filter(this::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()).findFirst();
        assumeTrue(outside.isPresent(), "this machine has no interface but the loopback one");
        try (Socket s = new Socket()) {
            assertThrows(ConnectException.class, () -> s.connect(new InetSocketAddress(outside.get(), port), 5000),
                    "nothing listens on " + outside.get().getHostAddress() + ":" + port);
        }
        String banner = infra.banner(ExampleDoors.of(infra, main.getCamelContext()));
        assertTrue(banner.contains("loopback only: GEWE_CALLBACK_HOST=0.0.0.0 listens on every interface"), banner);
        assertEquals(String.valueOf(GeweConfiguration.DEFAULT_MAX_BODY_SIZE),
                infra.callbackServer(port).getProperty("camel.server.maxBodySize"), "the server's own body limit");
    }

    @Test
    void everyInterfaceIsAnExplicitSetting() {
        Map<String, String> publicUrl = Map.of("GEWE_CALLBACK_URL", "https://public.example/gewe/callback");
        assertEquals("127.0.0.1", ExampleSettings.fromEnvironment(publicUrl).callbackHost());
        assertEquals("0.0.0.0", ExampleSettings.fromEnvironment(Map.of("GEWE_CALLBACK_URL",
                "https://public.example/gewe/callback", "GEWE_CALLBACK_HOST", "0.0.0.0")).callbackHost());
    }

    private boolean isUp(NetworkInterface i) {
        try {
            return i.isUp();
        } catch (java.net.SocketException e) {
            return false;
        }
    }
}
