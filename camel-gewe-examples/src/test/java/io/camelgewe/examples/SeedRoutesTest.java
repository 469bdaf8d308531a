package io.camelgewe.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.camelgewe.examples.support.GeweFailures;
import io.camelgewe.examples.support.SendCounter;
import io.camelgewe.gewe.GeweComponent;
import io.camelgewe.gewe.simulator.GeweSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The first example routes, run as the main job runs them, against the simulator and a real folder. */
class SeedRoutesTest extends CamelTestSupport {

    private static GeweSimulator simulator;

    @TempDir
    static Path drop;

    /** Each test starts from a fresh simulator: this runs before CamelTestSupport starts the context (and the demo). */
    @RegisterExtension
    static final BeforeEachCallback FRESH_SIMULATOR = ctx -> {
        if (simulator != null) {
            simulator.reset();
        }
    };

    @BeforeAll
    static void start() {
        simulator = GeweSimulator.start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        // every test starts its own context and the demo route runs in each: count only this test's requests
        simulator.clearRequests();
        CamelContext ctx = super.createCamelContext();
        GeweComponent gewe = new GeweComponent();
        gewe.setBaseUrl(simulator.baseUrl());
        gewe.setToken(simulator.token());
        gewe.setAppId(simulator.appId());
        ctx.addComponent("gewe", gewe);
        ctx.getRegistry().bind("geweFailures", new GeweFailures(1, new SendCounter()));
        return ctx;
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = new Properties();
        // the application's defaults (the demo's media URLs), then what the application sets with the simulator
        try (var in = SeedRoutesTest.class.getResourceAsStream("/application.properties")) {
            p.load(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        p.setProperty("gewe.examples.toWxid", "wxid_default");
        p.setProperty("gewe.examples.demo.toWxid", "wxid_demo");
        p.setProperty("gewe.examples.demo.download", "true");
        p.setProperty("gewe.examples.dropDir", drop.toString());
        return p;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new SeedRoutes();
    }

    @Test
    void theDemoSendsEachSeedOperationOnce() {
        NotifyBuilder demo = new NotifyBuilder(context).fromRoute("demo-media").whenCompleted(1).create();
        assertTrue(demo.matches(20, TimeUnit.SECONDS));
        for (String op : new String[] { "postImage", "postVideo", "postVoice", "downloadImage" }) {
            assertEquals(1, simulator.requests(op).size(), op);
        }
        assertEquals("wxid_demo", simulator.requests("postVoice").get(0).field("toWxid").asText());
        assertEquals(2300, simulator.requests("postVoice").get(0).field("voiceDuration").intValue());
    }

    @Test
    void droppedFilesAreSentAndBadOnesEndInErrorWithTheReason() throws Exception {
        Path images = Files.createDirectories(drop.resolve("images"));
        NotifyBuilder two = new NotifyBuilder(context).fromRoute("drop-images").whenDone(2).create();
        Files.writeString(images.resolve("a.json"), "{\"toWxid\":\"wxid_file\",\"imgUrl\":\"http://i/a.png\"}");
        Files.writeString(images.resolve("b.json"), "{\"imgUrl\": ");
        assertTrue(two.matches(20, TimeUnit.SECONDS));
        assertTrue(simulator.requests("postImage").stream()
                .anyMatch(r -> "wxid_file".equals(r.field("toWxid").asText())));
        assertTrue(Files.exists(images.resolve(".done/a.json")));
        assertTrue(Files.exists(images.resolve(".error/b.json")));
        String reason = Files.readString(images.resolve(".error/b.json.reason.txt"));
        assertTrue(reason.contains("not valid JSON"), reason);
    }
}
