package io.camelgewe.examples.scenarios;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import io.camelgewe.gewe.simulator.GeweSimulator;
import io.camelgewe.gewe.simulator.RecordedRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The file route's behaviour, asserted the same way whichever DSL (Java, Spring XML, YAML) defined the route: files
 * dropped in the real folder, sends checked on the simulator, files checked where they ended.
 */
public final class FileScenarios {

    /** The default recipient the tests configure. */
    public static final String DEFAULT_WXID = "wxid_default";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final GeweSimulator sim;
    private final Path messages;
    private final String tag;
    /** Each run of a scenario drops files of its own names: a file of an earlier run may still be in .error. */
    private int run;

    /**
     * @param tag distinguishes the contents of this run's messages (the DSL's name)
     */
    public FileScenarios(GeweSimulator sim, Path dropDir, String tag) {
        this.sim = sim;
        this.messages = dropDir.resolve("messages");
        this.tag = tag;
    }

    /** A JSON file and a CSV file become sends; both end in .done. */
    public void jsonAndCsvFilesBecomeSends() throws IOException {
        String json = name("hello", ".json");
        String csv = name("batch", ".csv");
        drop(json, "{\"toWxid\":\"wxid_json\",\"content\":\"" + tag + " hello from json\"}");
        drop(csv, "toWxid,content\r\nwxid_c1,\"" + tag + " one, with a comma\"\r\n,\"" + tag
                  + " to the \"\"default\"\"\nrecipient\"\r\n");
        awaitFile(".done/" + json);
        awaitFile(".done/" + csv);
        assertEquals("wxid_json", sent(tag + " hello from json").field("toWxid").asText());
        assertEquals("wxid_c1", sent(tag + " one, with a comma").field("toWxid").asText());
        assertEquals(DEFAULT_WXID, sent(tag + " to the \"default\"\nrecipient").field("toWxid").asText());
        assertEquals(3, sim.sentCount());
    }

    /** A file that is not JSON ends in .error with the reason, sends nothing, and the next file still goes. */
    public void aBadFileEndsInErrorWithTheReasonAndTheNextOneStillGoes() throws IOException {
        String bad = name("bad", ".json");
        String good = name("good", ".json");
        drop(bad, "{\"content\": ");
        drop(good, "{\"content\":\"" + tag + " after the bad one\"}");
        awaitFile(".error/" + bad);
        awaitFile(".error/" + bad + ".reason.txt");
        awaitFile(".done/" + good);
        String reason = Files.readString(messages.resolve(".error/" + bad + ".reason.txt"));
        assertTrue(reason.contains("not valid JSON"), reason);
        assertEquals(DEFAULT_WXID, sent(tag + " after the bad one").field("toWxid").asText());
        assertEquals(1, sim.totalCount(), "the bad file sent nothing");
    }

    /**
     * GeWe refuses the second message of three: the file ends in .error, the reason says the first was sent and the
     * third not tried, and the third was indeed not sent.
     */
    public void aRefusedMessageStopsTheFileAndTheReasonSaysWhatWasSent() throws IOException {
        String refused = name("refused", ".csv");
        drop(refused, "appId,toWxid,content\n" + sim.appId() + ",wxid_r,\"" + tag + " first\"\n"
                      + "wx_not_logged_in,wxid_r,\"" + tag + " second\"\n" + sim.appId() + ",wxid_r,\""
                      + tag + " third\"\n");
        awaitFile(".error/" + refused + ".reason.txt");
        awaitFile(".error/" + refused);
        String reason = Files.readString(messages.resolve(".error/" + refused + ".reason.txt"));
        assertTrue(reason.contains("message 2 of 3 failed"), reason);
        assertTrue(reason.contains("the 1 before it were sent"), reason);
        assertTrue(reason.contains("REJECTED"), reason);
        sent(tag + " first");
        assertFalse(contents().contains(tag + " third"), "the third message was not tried");
        assertEquals(1, sim.sentCount());
    }

    /** The name of a file of this run of a scenario. */
    private String name(String base, String extension) {
        return base + "-" + (++run) + extension;
    }

    /** Writes a file the way a careful producer does: a hidden temporary file, then a rename. */
    public void drop(String name, String content) throws IOException {
        Files.createDirectories(messages);
        Path tmp = messages.resolve("." + name + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, messages.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private void awaitFile(String relative) {
        Path p = messages.resolve(relative);
        Poll.until(WAIT, () -> Files.exists(p), p + " exists");
    }

    private List<String> contents() {
        return sim.requests("postText").stream().map(r -> r.field("content").asText()).toList();
    }

    private RecordedRequest sent(String content) {
        Poll.until(WAIT, () -> contents().contains(content), "postText with content '" + content + "'");
        return sim.requests("postText").stream().filter(r -> content.equals(r.field("content").asText()))
                .findFirst().orElseThrow();
    }
}
