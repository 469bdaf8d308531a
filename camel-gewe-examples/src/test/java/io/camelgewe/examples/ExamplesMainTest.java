package io.camelgewe.examples;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelgewe.examples.ExampleApplication.Flavour;
import io.camelgewe.examples.scenarios.FileScenarios;
import io.camelgewe.examples.scenarios.JmsScenarios;
import io.camelgewe.examples.scenarios.KafkaScenarios;
import io.camelgewe.examples.scenarios.Poll;
import io.camelgewe.examples.scenarios.TopicReader;
import io.camelgewe.gewe.simulator.GeweSimulator;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main job as the README's command runs it, in each flavour: every route, on the embedded simulator, Artemis,
 * Kafka and drop folder. The banner says where each door is, as bound; one message goes in through each door (file,
 * JMS, Kafka); the running count tells what was sent and that nothing is left pending. The callback demo's text reaches gewe.callbacks, its image the media
 * folder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExamplesMainTest {

    @TempDir
    static Path root;
    ExampleInfrastructure infra;
    KafkaScenarios kafka;

    @BeforeAll
    void start() {
        infra = ExampleInfrastructure.start(ExampleSettings.embedded(root).toWxid("wxid_main"));
        kafka = new KafkaScenarios(infra.simulator(), infra.kafkaBootstrapServers(), infra.properties());
    }

    @AfterAll
    void stop() {
        if (kafka != null) {
            kafka.close();
        }
        if (infra != null) {
            infra.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml", "spring-xml" })
    void aMessageThroughEachDoorIsSentAndCounted(String dsl) throws Exception {
        GeweSimulator sim = infra.simulator();
        sim.reset();
        long sentBefore = infra.counter().sent();
        long demoTextsBefore = demoTexts();
        long mediaBefore = mediaFiles();
        Flavour flavour = Flavour.of(dsl);
        // each run its own consumer group: the next run need not wait for the last one's members to time out
        infra.properties().setProperty("gewe.examples.kafka.groupId", "examples-main-" + dsl);
        try (ExampleApplication app = ExampleApplication.start(infra, flavour, new Properties())) {
            theBannerSaysWhereEachDoorIs(infra.banner(ExampleDoors.of(infra, app.camelContext())), app);
            // the demo's three media sends, then one message through each door
            new FileScenarios(sim, root.resolve("drop"), dsl).drop(dsl + ".json",
                    "{\"content\":\"" + dsl + " via file\"}");
            new JmsScenarios(sim, infra.connectionFactory(), infra.properties(), dsl).send("main", null,
                    "{\"toWxid\":\"wxid_j\",\"content\":\"" + dsl + " via jms\"}");
            kafka.produce(sim.appId(), "{\"toWxid\":\"wxid_k\",\"content\":\"" + dsl + " via kafka\"}");
            Poll.until(Duration.ofSeconds(30), () -> infra.counter().sent() - sentBefore == 6,
                    () -> "6 sends counted (demo image, video, voice; file, JMS, Kafka): " + infra.status().line());
            Poll.until(Duration.ofSeconds(30),
                    () -> infra.status().line().endsWith("pending: files 0, jms 0, kafka 0"),
                    () -> "nothing pending: " + infra.status().line());
            assertEquals(6, sim.sentCount());
            for (String door : new String[] { "file", "jms", "kafka" }) {
                String content = dsl + " via " + door;
                assertEquals(1, sim.requests("postText").stream()
                        .filter(r -> content.equals(r.field("content").asText())).count(), content);
            }
            assertTrue(infra.status().line().startsWith("GeWe sends: accepted "), infra.status().line());
            assertTrue(infra.status().counts().addUp(), infra.status().line());

            // the callback demo: the simulator pushed a text and an image to the URL the application registered
            Poll.until(Duration.ofSeconds(30), () -> demoTexts() == demoTextsBefore + 1,
                    "the demo text on gewe.callbacks");
            Poll.until(Duration.ofSeconds(30), () -> mediaFiles() == mediaBefore + 1, "the demo image in media");

            theDevConsoleShowsTheAccount(ExampleDoors.of(infra, app.camelContext()).consoleUrl());
        }
    }

    /** The gewe dev console over HTTP, as an operator opens it: text, and JSON. */
    private void theDevConsoleShowsTheAccount(String url) throws Exception {
        String appId = infra.simulator().appId();
        String text = get(url, "text/plain");
        assertTrue(text.startsWith("GeWe:"), text);
        assertTrue(text.contains("Account " + appId + " (component gewe)\n    State: UP"), text);
        assertTrue(text.contains("    Last sent: message/post"), text);
        assertTrue(text.contains("    Failures: NOT_SENT 0 REJECTED 0 UNKNOWN 0"), text);
        assertTrue(text.contains("Callbacks on /gewe/callback: received "), text);
        JsonNode json = new ObjectMapper().readTree(get(url, "application/json")).get("gewe");
        assertNotNull(json, "the gewe console's JSON");
        JsonNode account = null;
        for (JsonNode a : json.get("accounts")) {
            if (appId.equals(a.get("appId").asText())) {
                account = a;
            }
        }
        assertNotNull(account, json.toString());
        assertEquals("UP", account.get("state").asText(), account.toString());
        assertTrue(account.get("lastSent").asLong() > 0, account.toString());
        assertTrue(account.get("lastCallback").asLong() > 0, "the callback demo's pushes: " + account);
        assertFalse(text.contains(infra.simulator().token()) || json.toString().contains(infra.simulator().token()));
    }

    private static String get(String url, String accept) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", accept).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), url + ": " + answer.body());
        return answer.body();
    }

    /** Where each door is, with the addresses the running servers are bound to. */
    private void theBannerSaysWhereEachDoorIs(String banner, ExampleApplication app) {
        VertxPlatformHttpServer http = app.camelContext().hasService(VertxPlatformHttpServer.class);
        assertTrue(banner.contains("GeWe:  the simulator at " + infra.simulator().baseUrl()), banner);
        assertTrue(banner.contains("nothing leaves this machine"), banner);
        assertTrue(banner.contains(root.resolve("drop").resolve("messages").toString()), banner);
        assertTrue(banner.contains("queue gewe.sends at tcp://127.0.0.1:"), banner);
        assertTrue(banner.contains("topic gewe.sends at 127.0.0.1:"), banner);
        assertTrue(banner.contains("Callbacks: received on http://" + http.getHost() + ":"
                                   + http.getServer().actualPort() + "/gewe/callback (registered with the simulator)"),
                banner);
        assertTrue(banner.contains("every message to topic gewe.callbacks"), banner);
        assertTrue(banner.contains(ExampleBanner.SEND + "jms hello.json\""), banner);
        assertTrue(banner.contains("Console: http://" + http.getHost() + ":" + http.getServer().actualPort()
                                   + "/q/dev/gewe"), banner);
    }

    private long demoTexts() {
        return TopicReader.readAll(infra.kafkaBootstrapServers(), "gewe.callbacks").stream()
                .filter(r -> r.value().contains("Hello from the callback demo")).count();
    }

    private long mediaFiles() {
        try (Stream<Path> files = Files.list(root.resolve("drop").resolve("media"))) {
            return files.filter(f -> !f.getFileName().toString().startsWith(".")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
