package io.camelgewe.examples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelgewe.examples.ExampleApplication.Flavour;
import io.camelgewe.examples.scenarios.Poll;
import io.camelgewe.examples.scenarios.TopicReader;
import io.camelgewe.examples.support.CallbackRecords;
import io.camelgewe.examples.support.ExampleStatus.Counts;
import io.camelgewe.gewe.simulator.GeweSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every hint the README's examples section gives, run as written against the running main job (the Java flavour,
 * with the doors file written as {@code ExamplesMain} writes it), so that a hint that breaks fails the build: each
 * {@code send <door> <file>} it names, through {@link SendCommand} as a second JVM would run it; the curl line, whose
 * exact form is checked and whose request is sent as curl sends it (curl itself is not on a fresh machine); the drop
 * folder it names; the file names it says media are saved under; the running count it shows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadmeHintsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path README = Path.of("..", "README.md");
    /** {@code `send jms hello.json`} in the text, and {@code -Dexec.args="send jms hello.json"} in commands. */
    private static final Pattern SEND = Pattern.compile("(?:`|-Dexec\\.args=\")send (\\w+) ([\\w.]+)(?:`|\")");
    private static final Pattern CURL = Pattern.compile(
            "```sh\ncurl -H 'Content-Type: application/json' \\\\\n  --data-binary @(\\S+) \\\\\n"
            + "  http://127\\.0\\.0\\.1:PORT/gewe/callback\n```");

    @TempDir
    static Path root;
    String readme;
    ExampleInfrastructure infra;
    ExampleApplication app;
    ExampleDoors doors;
    String banner;

    @BeforeAll
    void startTheMainJob() throws Exception {
        readme = Files.readString(README, StandardCharsets.UTF_8);
        infra = ExampleInfrastructure.start(ExampleSettings.embedded(root).withoutCallbackDemo());
        app = ExampleApplication.start(infra, Flavour.JAVA, new Properties());
        banner = ExamplesMain.announce(infra, app.camelContext(), Flavour.JAVA);
        doors = ExampleDoors.read(infra.doorsFile());
        // the seed demo is done before the hints are tried
        Poll.until(WAIT, () -> infra.simulator().requests("downloadImage").size() == 1, "the seed demo is done");
    }

    @AfterAll
    void stopTheMainJob() {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            if (infra != null) {
                infra.close();
            }
        }
        assertFalse(Files.exists(infra.doorsFile()), "the doors file goes with the main job");
    }

    @Test
    void everySendTheReadmeNamesArrives() throws Exception {
        Set<List<String>> hints = new LinkedHashSet<>();
        Matcher m = SEND.matcher(examplesSection());
        while (m.find()) {
            hints.add(List.of(m.group(1), m.group(2)));
        }
        assertTrue(hints.containsAll(List.of(List.of("file", "hello.csv"), List.of("jms", "hello.json"),
                List.of("kafka", "hello.json"), List.of("callback", "text.json"), List.of("callback", "image.json"),
                List.of("callback", "file.json"))), "the README names a send for each door: " + hints);
        for (List<String> hint : hints) {
            GeweSimulator sim = infra.simulator();
            sim.clearRequests();
            String output = send(hint);
            assertTrue(output.startsWith(hint.get(0).equals("file") ? "Dropped " : hint.get(0).equals("jms")
                    ? "Sent to queue " : hint.get(0).equals("kafka") ? "Produced to " : "Posted to "), output);
            arrived(hint.get(0), hint.get(1));
        }
    }

    @Test
    void theReadmesCommandsAreTheOnesTheBannerPrints() {
        Matcher m = Pattern.compile("mvn [^\n]*-Dexec\\.args=\"send [^\n]*").matcher(readme);
        List<String> commands = new ArrayList<>();
        while (m.find()) {
            commands.add(m.group());
        }
        assertFalse(commands.isEmpty(), "the README shows the send command");
        for (String command : commands) {
            assertTrue(command.startsWith(ExampleBanner.SEND), command + " is not " + ExampleBanner.SEND + "...");
        }
        assertTrue(banner.contains("\n       " + ExampleBanner.SEND + "jms hello.json\"\n"), banner);
        assertTrue(banner.endsWith("Routes: java\n"), banner);
    }

    @Test
    void theCurlLinePostsWhatGewePushes() throws Exception {
        Matcher m = CURL.matcher(readme);
        assertTrue(m.find(), "the README's curl line has the form this test sends");
        Path file = Path.of("..").resolve(m.group(1));
        assertTrue(Files.isRegularFile(file), file + " exists");
        // what curl -H 'Content-Type: application/json' --data-binary @file sends: a POST of the file's bytes
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(doors.callbackUrl())).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(file))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        String newMsgId = newMsgId(Files.readString(file));
        Poll.until(WAIT, () -> published(newMsgId), "the callback on gewe.callbacks");
    }

    @Test
    void theDevConsoleIsWhereTheReadmeSays() throws Exception {
        assertTrue(examplesSection().contains("Open `http://127.0.0.1:PORT/q/dev/gewe`"));
        String url = doors.httpUrl() + "/q/dev/gewe";
        assertEquals(doors.consoleUrl(), url, "the banner's Console line");
        HttpResponse<String> text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, text.statusCode());
        assertTrue(text.body().contains("Account " + GeweSimulator.DEFAULT_APP_ID + " (component gewe)"), text.body());
        HttpResponse<String> json = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(json.body().startsWith("{\"gewe\":{"), json.body());
        HttpResponse<String> index = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(doors.httpUrl() + "/q/dev")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(index.body().contains("gewe: GeWe accounts"), "/q/dev lists it: " + index.body());
    }

    @Test
    void theDropFolderIsWhereTheReadmeSays() {
        assertTrue(readme.contains("into `camel-gewe-examples/target/drop/messages`"));
        // outside exec:java (which names the module's target folder), the default is relative to the module
        Path drop = ExampleSettings.fromEnvironment(Map.of()).dropDir();
        assertTrue(drop.endsWith(Path.of("camel-gewe-examples", "target", "drop")), drop.toString());
        assertTrue(readme.contains("`camel-gewe-examples/target/examples-data/doors.properties`"));
        assertTrue(ExampleSettings.fromEnvironment(Map.of()).dataDir.resolve(ExampleDoors.FILE)
                .endsWith(Path.of("camel-gewe-examples", "target", "examples-data", "doors.properties")));
    }

    @Test
    void theRunningCountTheReadmeShowsAddsUp() {
        Matcher m = Pattern.compile("GeWe sends: accepted (\\d+): sent (\\d+), refused before sending (\\d+), failed at "
                                    + "GeWe (\\d+), in progress (\\d+); not sent: dead-lettered (\\d+), parked for "
                                    + "review (\\d+); retries (\\d+); pending: ").matcher(readme);
        assertTrue(m.find(), "the README shows a running count line as ExampleStatus writes it");
        long[] n = new long[8];
        for (int i = 0; i < n.length; i++) {
            n[i] = Long.parseLong(m.group(i + 1));
        }
        Counts counts = new Counts(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7]);
        assertTrue(m.group().startsWith("GeWe sends: " + counts), m.group());
        assertTrue(counts.addUp(), counts.toString());
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** Runs {@code send <door> <file>} as {@code ExamplesMain} does in a second JVM started from the same folder. */
    private String send(List<String> hint) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int status = SendCommand.run(hint, Map.of("GEWE_DATA_DIR", root.resolve("data").toString()), out);
        String output = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, "send " + hint + ": " + output);
        return output;
    }

    /** What the main job did with the sample sent through that door. */
    private void arrived(String door, String sample) throws IOException {
        GeweSimulator sim = infra.simulator();
        String content = new String(SendCommand.content(sample), StandardCharsets.UTF_8);
        if (!door.equals("callback")) {
            long rows = sample.endsWith(".csv") ? content.lines().count() - 1 : 1;
            Poll.until(WAIT, () -> sim.requests("postText").size() == rows,
                    () -> "send " + door + " " + sample + ": " + rows + " message(s) sent: " + sim.requests());
            assertTrue(sim.requests("postText").stream().allMatch(r -> "filehelper".equals(r.field("toWxid").asText())));
            return;
        }
        String newMsgId = newMsgId(content);
        Poll.until(WAIT, () -> published(newMsgId), "send callback " + sample + ": on gewe.callbacks");
        if (!sample.equals("text.json")) {
            // saved under the name the README gives
            String name = GeweSimulator.DEFAULT_APP_ID + "_" + newMsgId + (sample.equals("file.json") ? "_hhh.xlsx" : ".");
            Path media = root.resolve("drop").resolve("media");
            Poll.until(WAIT, () -> saved(media, name), () -> "send callback " + sample + ": " + name + "* in " + media);
        }
        if (sample.equals("file.json")) {
            assertTrue(readme.contains("(`wx_sim_app_" + newMsgId + "_hhh.xlsx` for `file.json`)"),
                    "the README names the file it is saved as");
        }
    }

    private static boolean saved(Path media, String prefix) {
        try (var files = Files.list(media)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith(prefix));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String newMsgId(String callback) {
        Matcher m = Pattern.compile("\"NewMsgId\": ?(\\d+)").matcher(callback);
        assertTrue(m.find(), callback);
        return m.group(1);
    }

    private boolean published(String newMsgId) {
        return TopicReader.readAll(infra.kafkaBootstrapServers(), "gewe.callbacks").stream()
                .anyMatch(r -> newMsgId.equals(TopicReader.header(r, CallbackRecords.NEW_MSG_ID)));
    }

    private String examplesSection() {
        int start = readme.indexOf("## The examples");
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end);
    }
}
