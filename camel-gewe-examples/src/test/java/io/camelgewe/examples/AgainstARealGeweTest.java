package io.camelgewe.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import io.camelgewe.examples.ExampleApplication.Flavour;
import io.camelgewe.examples.scenarios.FileScenarios;
import io.camelgewe.examples.scenarios.Poll;
import io.camelgewe.gewe.simulator.GeweSimulator;
import io.camelgewe.gewe.simulator.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main job pointed at a GeWe that is not its own simulator (GEWE_BASE_URL set), as a user going live does: here a
 * simulator the application does not know as one stands in for the real GeWe, and counts every request it gets.
 * Real people read what a real GeWe sends, so the application sends nothing by itself: no demo unless the user names
 * its recipient (GEWE_DEMO_TO_WXID), no default recipient unless the user names one (GEWE_TO_WXID).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgainstARealGeweTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path root;
    GeweSimulator real;

    @BeforeAll
    void startTheRealGewe() {
        real = GeweSimulator.start();
    }

    @AfterAll
    void stopTheRealGewe() {
        real.close();
    }

    private ExampleSettings settings(String name) {
        return ExampleSettings.embedded(root.resolve(name)).gewe(real.baseUrl(), real.token(), real.appId());
    }

    @Test
    void theMainJobSendsNothingByItselfAndHasNoDefaultRecipient() throws Exception {
        real.reset();
        try (ExampleInfrastructure infra = ExampleInfrastructure.start(settings("quiet").withoutJms());
             ExampleApplication app = ExampleApplication.start(infra, Flavour.JAVA, new Properties())) {
            String banner = infra.banner(ExampleDoors.of(infra, app.camelContext()));
            assertTrue(banner.contains("GeWe:  a REAL GeWe at " + real.baseUrl() + ", appId " + real.appId()), banner);
            assertTrue(banner.contains("default recipient: none (GEWE_TO_WXID names one)"), banner);
            assertTrue(banner.contains("demo: off (GEWE_DEMO_TO_WXID names who it is for)"), banner);
            assertNull(app.camelContext().getRoute("demo-media"), "no demo route");
            assertNull(infra.simulator(), "no simulator of its own");

            // a message without a recipient is refused before anything is sent; one with a recipient goes
            FileScenarios files = new FileScenarios(real, root.resolve("quiet").resolve("drop"), "real");
            files.drop("nobody.json", "{\"content\":\"to whom?\"}");
            Path reason = root.resolve("quiet/drop/messages/.error/nobody.json.reason.txt");
            Poll.until(WAIT, () -> Files.exists(reason), "the file without a recipient in .error");
            assertTrue(Files.readString(reason).contains("missing required field toWxid"), Files.readString(reason));
            files.drop("somebody.json", "{\"toWxid\":\"wxid_named\",\"content\":\"to somebody\"}");
            Poll.until(WAIT, () -> real.sentCount() == 1, "the file with a recipient sent");

            List<String> operations = real.requests().stream().map(RecordedRequest::operation).toList();
            assertEquals(List.of("message/postText"), operations, "the one message the user sent, nothing else");
            assertEquals("wxid_named", real.requests("postText").get(0).field("toWxid").asText());
        }
    }

    @Test
    void theDemoRunsOnlyForTheRecipientTheUserNames() throws Exception {
        real.reset();
        try (ExampleInfrastructure infra = ExampleInfrastructure.start(settings("demo").withoutJms().withoutKafka()
                .demoToWxid("wxid_demo_reader"));
             ExampleApplication app = ExampleApplication.start(infra, Flavour.JAVA, new Properties())) {
            String banner = infra.banner(ExampleDoors.of(infra, app.camelContext()));
            assertTrue(banner.contains("demo: an image, a video and a voice message to wxid_demo_reader"), banner);
            // paced as GeWe asks: a second or more between the three sends
            Poll.until(WAIT, () -> real.sentCount() == 3, () -> "the demo's three sends: " + real.requests());
            for (String op : new String[] { "postImage", "postVideo", "postVoice" }) {
                assertEquals("wxid_demo_reader", real.requests(op).get(0).field("toWxid").asText(), op);
            }
            assertEquals(0, real.requests("downloadImage").size(), "no download of the simulator's made-up image");
        }
    }
}
