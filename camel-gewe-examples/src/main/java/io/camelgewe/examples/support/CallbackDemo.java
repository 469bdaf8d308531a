package io.camelgewe.examples.support;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgewe.gewe.simulator.GeweSimulator;

/**
 * The callback demo of the examples application, run once at start when the simulator stands in for GeWe: the
 * simulator pushes a text message and an image message to the callback URL the application registered, as GeWe
 * would when somebody writes to the account. The text ends as a record of {@code gewe.callbacks}, the image as a
 * record and as a file in the media folder.
 */
public class CallbackDemo {

    /** The account the demo's messages are addressed to. */
    public static final String ME = "wxid_demo_me";
    /** Who writes them. */
    public static final String FRIEND = "wxid_demo_friend";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REGISTRATION = Duration.ofSeconds(15);

    private final GeweSimulator simulator;

    public CallbackDemo(GeweSimulator simulator) {
        this.simulator = simulator;
    }

    /**
     * Waits until the application has registered its callback URL with the simulator, then pushes the two messages.
     *
     * @return what happened, for the log
     */
    public String run() throws Exception {
        long deadline = System.nanoTime() + REGISTRATION.toNanos();
        while (simulator.callbackUrl() == null) {
            if (System.nanoTime() > deadline) {
                return "Callback demo: no callback URL was registered with the simulator within "
                       + REGISTRATION.toSeconds() + " s; nothing pushed";
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        // fresh ids at each start: a Kafka cluster that outlives the application remembers the ones it saw
        long id = ThreadLocalRandom.current().nextLong(1_000_000_000_000_000_000L, Long.MAX_VALUE - 2);
        int text = simulator.pushCallback(text(simulator.appId(), id, "Hello from the callback demo"));
        int image = simulator.pushCallback(image(simulator.appId(), id + 1));
        return "Callback demo: the simulator pushed a text (answered " + text + ") and an image (answered " + image
               + ") to " + simulator.callbackUrl() + "; NewMsgIds " + Long.toUnsignedString(id) + " and "
               + Long.toUnsignedString(id + 1);
    }

    /** A text message (MsgType 1) as GeWe pushes it. */
    public static String text(String appId, long newMsgId, String content) {
        return message(appId, newMsgId, 1, content).toString();
    }

    /** An image message (MsgType 3) as GeWe pushes it: its content is the image's XML, what downloadImage takes. */
    public static String image(String appId, long newMsgId) {
        String xml = "<?xml version=\"1.0\"?>\n<msg>\n\t<img aeskey=\"9b7011c38d1af088f579eda23e3b9cad\" encryver=\"1\" "
                     + "cdnmidimgurl=\"3057020100044b3049020100020439047520020332\" length=\"4096\" "
                     + "md5=\"2a4cb28868b9d450a135b1a85b5ba3dd\" />\n</msg>\n";
        return message(appId, newMsgId, 3, xml).toString();
    }

    private static ObjectNode message(String appId, long newMsgId, int msgType, String content) {
        ObjectNode root = JSON.createObjectNode();
        root.put("TypeName", "AddMsg");
        root.put("Appid", appId);
        root.put("Wxid", ME);
        ObjectNode data = root.putObject("Data");
        data.put("MsgId", (int) (newMsgId & 0x3fffffff));
        data.putObject("FromUserName").put("string", FRIEND);
        data.putObject("ToUserName").put("string", ME);
        data.put("MsgType", msgType);
        data.putObject("Content").put("string", content);
        data.put("CreateTime", Instant.now().getEpochSecond());
        data.put("NewMsgId", newMsgId);
        return root;
    }
}
