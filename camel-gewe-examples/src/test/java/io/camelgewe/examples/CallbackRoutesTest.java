package io.camelgewe.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import io.camelgewe.examples.infra.FreePorts;
import io.camelgewe.examples.routes.CallbackRoutes;
import io.camelgewe.examples.scenarios.Poll;
import io.camelgewe.examples.scenarios.TopicReader;
import io.camelgewe.examples.support.CallbackRecords;
import io.camelgewe.examples.support.GeweFailures;
import io.camelgewe.examples.support.KafkaLedgerRepository;
import io.camelgewe.gewe.GeweConfiguration;
import io.camelgewe.gewe.callback.CallbackDeduplication;
import io.camelgewe.gewe.callback.GeweCallbackConsumer;
import io.camelgewe.gewe.simulator.Fault;
import io.camelgewe.gewe.simulator.GeweSimulator;
import io.camelgewe.gewe.simulator.RecordedRequest;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.main.Main;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The callback routes as two instances of the application run them: two Camel Mains, each with its own HTTP server
 * (camel-platform-http-main) and its own client of the shared ledger topic, on a real (embedded) Kafka node, with the
 * simulator as GeWe pushing real HTTP callbacks. The simulator's pushes wait for the answer, and the answer waits for
 * the Kafka send (answerAfter=COMPLETION): once a push is answered, the topic holds what it will ever hold for it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallbackRoutesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The account of the samples' callbacks: the simulator's. */
    private static final String FIXTURE_APP_ID = GeweSimulator.DEFAULT_APP_ID;
    private static final String SECRET = "s3cret&more";

    @TempDir
    static Path root;
    ExampleInfrastructure infra;
    GeweSimulator sim;
    Main first;
    Main second;
    URI firstUrl;
    URI secondUrl;
    String topic;

    @BeforeAll
    void start() {
        infra = ExampleInfrastructure.start(ExampleSettings.embedded(root).withoutJms().withoutCallbackDemo());
        sim = infra.simulator();
        topic = infra.properties().getProperty("gewe.examples.callbacks.topic");

        first = ExampleApplication.camelMain(infra, new Properties(), routes());
        first.start();
        firstUrl = URI.create("http://127.0.0.1:" + infra.callbackPort() + GeweConfiguration.DEFAULT_CALLBACK_PATH);

        // a second instance of the application: another port, the same topics; this one wants a secret
        int port = FreePorts.next();
        Properties instance = infra.callbackServer(port);
        instance.setProperty("gewe.examples.callbacks.secret", SECRET);
        second = ExampleApplication.camelMain(infra, instance, routes());
        second.start();
        secondUrl = URI.create("http://127.0.0.1:" + port + GeweConfiguration.DEFAULT_CALLBACK_PATH + "?secret="
                            + URLEncoder.encode(SECRET, StandardCharsets.UTF_8));
    }

    private static List<RoutesBuilder> routes() {
        return List.of(new CallbackRoutes());
    }

    @AfterAll
    void stop() {
        try {
            if (second != null) {
                second.stop();
            }
            if (first != null) {
                first.stop();
            }
        } finally {
            if (infra != null) {
                infra.close();
            }
        }
    }

    @Test
    void eachInstanceRegistersItsUrlAndGewesPingIsAnsweredNotPublished() throws Exception {
        // each instance registered its own URL at start, and the simulator pinged it, as GeWe does
        Poll.until(WAIT, () -> consumer(first).getPingCount() >= 1 && consumer(second).getPingCount() >= 1,
                "both registration pings answered");
        assertEquals(2, sim.requests("setCallback").size(), "each instance registered once");
        // the second one registered its URL with its secret, and refuses pushes without it
        assertTrue(sim.requests("setCallback").stream().anyMatch(r -> r.field("callbackUrl").asText()
                .equals("http://127.0.0.1:" + secondUrl.getPort() + "/gewe/callback?secret=s3cret%26more")),
                "registered with the secret");
        String text = fixture("text.json", 7773749793478223190L, 7000000000000000009L);
        assertEquals(401, sim.pushCallback(URI.create(secondUrl.toString().replaceFirst("\\?.*", "")), text));
        assertEquals(0, recordsOf(7000000000000000009L).size(), "a push without the secret is not published");

        long routed = routed(first);
        String ping = "{\"testMsg\":\"回调地址链接成功！\",\"token\":\"" + sim.token() + "\"}";
        assertEquals(200, sim.pushCallback(firstUrl, ping));
        assertEquals(routed, routed(first), "a ping is not routed");
        assertTrue(TopicReader.readAll(infra.kafkaBootstrapServers(), topic).stream()
                .noneMatch(r -> r.value().contains("testMsg")), "no ping on " + topic);
    }

    @Test
    void aTextIsPublishedOnceKeyedByAppId() throws Exception {
        String json = fixture("text.json", 7773749793478223190L, 7000000000000000001L);
        assertEquals(200, sim.pushCallback(firstUrl, json));

        List<ConsumerRecord<String, String>> records = recordsOf(7000000000000000001L);
        assertEquals(1, records.size(), "published once");
        ConsumerRecord<String, String> r = records.get(0);
        assertEquals(FIXTURE_APP_ID, r.key(), "keyed by Appid");
        assertEquals("AddMsg", TopicReader.header(r, CallbackRecords.TYPE_NAME));
        assertEquals("1", TopicReader.header(r, CallbackRecords.MSG_TYPE));
        // the value is the JSON GeWe pushed, which reads back as the same callback
        assertEquals("123", new CallbackRecords().read(r.value()).getText());
    }

    @Test
    void aMessagePushedAgainToThisInstanceAndToAnotherOneIsPublishedOnce() throws Exception {
        long id = 7000000000000000002L;
        String json = fixture("text.json", 7773749793478223190L, id);
        long firstDuplicates = consumer(first).getDuplicateCount();
        long secondDuplicates = consumer(second).getDuplicateCount();

        assertEquals(200, sim.pushCallback(firstUrl, json));
        assertEquals(1, recordsOf(id).size());

        // GeWe pushes it again to the same instance
        assertEquals(200, sim.pushCallback(firstUrl, json));
        assertEquals(firstDuplicates + 1, consumer(first).getDuplicateCount());

        // and later to the other one, once the key reached it through the ledger topic
        String key = CallbackDeduplication.keyOf(
                new CallbackRecords().read(json));
        KafkaLedgerRepository otherLedger = second.getCamelContext().getRegistry()
                .lookupByNameAndType("callbackLedger", KafkaLedgerRepository.class);
        Poll.until(WAIT, () -> otherLedger.contains(key), "the second instance knows " + key);
        assertEquals(200, sim.pushCallback(secondUrl, json));
        assertEquals(secondDuplicates + 1, consumer(second).getDuplicateCount());

        assertEquals(1, recordsOf(id).size(), "still published once");
    }

    @Test
    void aMessageSeenBeforeAnInstanceRestartsIsStillDroppedByItAfterwards() throws Exception {
        // a third instance of the application on the same ledger topic; it does not register its URL, so that the
        // registrations counted above stay the first two instances'
        int port = FreePorts.next();
        Properties instance = infra.callbackServer(port);
        instance.setProperty("gewe.examples.callbacks.registerUrl", "");
        URI thirdUrl = URI.create("http://127.0.0.1:" + port + GeweConfiguration.DEFAULT_CALLBACK_PATH);
        Main third = ExampleApplication.camelMain(infra, instance, routes());
        third.start();
        try {
            long id = 7000000000000000006L;
            String json = fixture("text.json", 7773749793478223190L, id);
            assertEquals(200, sim.pushCallback(firstUrl, json));
            assertEquals(1, recordsOf(id).size());

            // the third instance restarts: a new Camel Main with nothing in memory, on the same port and topic; its
            // ledger reads the topic from its beginning before its routes run
            third.stop();
            third = ExampleApplication.camelMain(infra, instance, routes());
            third.start();
            long duplicates = consumer(third).getDuplicateCount();
            long routedBefore = routed(third);

            assertEquals(200, sim.pushCallback(thirdUrl, json));
            assertEquals(duplicates + 1, consumer(third).getDuplicateCount(), "dropped as a repeat after the restart");
            assertEquals(routedBefore, routed(third), "not routed by the restarted instance");
            // a message no instance saw is still routed by the restarted one
            long fresh = 7000000000000000007L;
            assertEquals(200, sim.pushCallback(thirdUrl, fixture("text.json", 7773749793478223190L, fresh)));
            assertEquals(1, recordsOf(fresh).size());
            assertEquals(1, recordsOf(id).size(), "still published once");
        } finally {
            third.stop();
        }
    }

    @Test
    void anImageEndsAsAFileInMediaWithTheSimulatorsBytes() throws Exception {
        long id = 7000000000000000003L;
        assertEquals(200, sim.pushCallback(firstUrl, fixture("image.json", 6906713067183447582L, id)));
        assertEquals(1, recordsOf(id).size());

        Path file = mediaFile(FIXTURE_APP_ID + "_" + id + ".");
        assertTrue(sim.requests("downloadImage").stream()
                .anyMatch(r -> r.bodyText().contains("9b7011c38d1af088f579eda23e3b9cad")), "downloadImage with the image's XML");
        assertArrayEquals(servedBytes(), Files.readAllBytes(file), "the bytes the simulator served");
        assertEquals(GeweSimulator.DEFAULT_DOWNLOAD_SIZE, Files.size(file));
    }

    @Test
    void aFileEndsInMediaUnderItsTitle() throws Exception {
        long id = 7000000000000000004L;
        assertEquals(200, sim.pushCallback(secondUrl, fixture("file.json", 3617029648443513152L, id)));
        Path file = mediaFile(FIXTURE_APP_ID + "_" + id + "_hhh.");
        assertEquals(FIXTURE_APP_ID + "_" + id + "_hhh.xlsx", file.getFileName().toString());
        assertEquals(GeweSimulator.DEFAULT_DOWNLOAD_SIZE, Files.size(file));
    }

    @Test
    void aDownloadGeweRefusesEndsOnTheMediaDeadLetterTopic() throws Exception {
        long id = 7000000000000000005L;
        int downloads = sim.requests("downloadImage").size();
        // the next API call is the download: GeWe refuses it (REJECTED), which no retry would change
        sim.failNext(Fault.RET_500);
        assertEquals(200, sim.pushCallback(firstUrl, fixture("image.json", 6906713067183447582L, id)),
                "the callback itself is safe in Kafka");
        String dlq = infra.properties().getProperty("gewe.examples.callbacks.mediaDlq");
        Poll.until(WAIT, () -> TopicReader.readAll(infra.kafkaBootstrapServers(), dlq).stream()
                .anyMatch(r -> String.valueOf(id).equals(TopicReader.header(r, CallbackRecords.NEW_MSG_ID))),
                "the record on " + dlq);
        ConsumerRecord<String, String> dead = TopicReader.readAll(infra.kafkaBootstrapServers(), dlq).stream()
                .filter(r -> String.valueOf(id).equals(TopicReader.header(r, CallbackRecords.NEW_MSG_ID)))
                .findFirst().orElseThrow();
        assertEquals(FIXTURE_APP_ID, dead.key());
        assertEquals("REJECTED", TopicReader.header(dead, GeweFailures.DELIVERY));
        assertEquals("GeweApiException", TopicReader.header(dead, GeweFailures.ERROR_TYPE));
        assertEquals(downloads + 1, sim.requests("downloadImage").size(), "asked once, not retried");
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** A sample callback (what the README posts) with its NewMsgId replaced, so that each test has messages of its own. */
    private static String fixture(String name, long fixtureId, long id) throws IOException {
        try (var in = CallbackRoutesTest.class.getResourceAsStream("/samples/" + name)) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(json.contains(String.valueOf(fixtureId)), name);
            return json.replace(String.valueOf(fixtureId), String.valueOf(id));
        }
    }

    private List<ConsumerRecord<String, String>> recordsOf(long newMsgId) {
        return TopicReader.readAll(infra.kafkaBootstrapServers(), topic).stream()
                .filter(r -> String.valueOf(newMsgId).equals(TopicReader.header(r, CallbackRecords.NEW_MSG_ID)))
                .toList();
    }

    /** The exchanges the callbacks route has routed, as Camel's route statistics (JMX ManagedRoute) count them. */
    private static long routed(Main main) {
        return main.getCamelContext().getCamelContextExtension().getContextPlugin(ManagedCamelContext.class)
                .getManagedRoute("callbacks-to-kafka").getExchangesTotal();
    }

    private static GeweCallbackConsumer consumer(Main main) {
        return (GeweCallbackConsumer) main.getCamelContext().getRoute("callbacks-to-kafka").getConsumer();
    }

    /** Waits for the media file whose name starts so (written under a temporary name, then renamed). */
    private Path mediaFile(String prefix) {
        Path media = infra.properties().getProperty("gewe.examples.dropDir") == null ? null
                : Path.of(infra.properties().getProperty("gewe.examples.dropDir")).resolve("media");
        assertNotNull(media);
        Path[] found = new Path[1];
        Poll.until(WAIT, () -> {
            try (Stream<Path> files = Files.list(media)) {
                found[0] = files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElse(null);
                return found[0] != null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "a file " + prefix + "* in " + media);
        return found[0];
    }

    /** The bytes of the last file the simulator served, fetched again (the same URL gives the same bytes). */
    private byte[] servedBytes() throws IOException, InterruptedException {
        List<RecordedRequest> gets = sim.requests().stream().filter(r -> r.path().startsWith("/files/")).toList();
        assertTrue(!gets.isEmpty(), "the simulator served a file");
        String path = gets.get(gets.size() - 1).path();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sim.port() + path))
                .build(), HttpResponse.BodyHandlers.ofByteArray()).body();
    }
}
