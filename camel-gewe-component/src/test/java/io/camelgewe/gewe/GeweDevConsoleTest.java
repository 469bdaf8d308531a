package io.camelgewe.gewe;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.camelgewe.gewe.callback.GeweCallbackTestSupport;
import io.camelgewe.gewe.errors.GeweApiException;
import io.camelgewe.gewe.errors.GeweException;
import io.camelgewe.gewe.simulator.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gewe dev console with real traffic: sends and failures over HTTP to the simulator, pushes over HTTP to a real
 * platform-http server, a paced endpoint whose next sends wait; the console found as Camel finds consoles (the
 * generated META-INF/services/org/apache/camel/dev-console/gewe), called for its text and its JSON.
 */
class GeweDevConsoleTest extends GeweCallbackTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Override
    protected void configure(GeweComponent gewe) {
        // a gap no test outlives: what waits for its slot stays waiting
        gewe.setPacingPersonInterval(60_000);
        gewe.setPacingPersonJitter(0);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("gewe:postText");
                from("direct:paced").to("gewe:postText?pacing=true");
                from("gewe:callback").to("mock:callbacks");
            }
        };
    }

    private DevConsole console() {
        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("gewe");
        assertInstanceOf(GeweDevConsole.class, console, "the console Camel resolves for the id gewe");
        return console;
    }

    @Test
    void eachAccountsStateLastSendFailuresByDeliveryClassAndCallbacks() {
        template.sendBody("direct:send", Map.of("toWxid", "wxid_a", "content", "accepted"));
        simulator.failNext(Fault.RET_500);
        assertFailed(template.send("direct:send", body("refused by GeWe")));
        simulator.failNext(Fault.DROP_CONNECTION);
        assertFailed(template.send("direct:send", body("maybe sent")));
        assertFailed(template.send("direct:send", e -> e.getMessage().setBody(Map.of("toWxid", "wxid_a"))));
        assertEquals(200, post(fixture("text")).statusCode());
        assertEquals(200, post(fixture("text")).statusCode(), "GeWe's repeat is answered");
        String fixtureAppId = json(fixture("text")).get("Appid").asText();

        JsonObject root = (JsonObject) console().call(DevConsole.MediaType.JSON, Map.of());
        JsonObject component = (JsonObject) ((JsonArray) root.get("components")).get(0);
        assertEquals("gewe", component.get("name"));
        assertEquals(simulator.baseUrl(), component.get("baseUrl"));
        assertEquals(Boolean.FALSE, component.get("pacing"));
        JsonObject account = account(root, simulator.appId());
        assertEquals("gewe", account.get("component"));
        assertEquals("UP", account.get("state"), "the last call GeWe answered worked: " + account);
        assertTrue(((Number) account.get("lastSent")).longValue() > 0, account.toJson());
        assertEquals("message/postText", account.get("lastSentOperation"));
        JsonObject failures = (JsonObject) account.get("failures");
        assertEquals(Map.of("NOT_SENT", 1L, "REJECTED", 1L, "UNKNOWN", 1L), Map.of("NOT_SENT",
                number(failures, "NOT_SENT"), "REJECTED", number(failures, "REJECTED"), "UNKNOWN",
                number(failures, "UNKNOWN")), failures.toJson());
        JsonArray recent = (JsonArray) account.get("recentFailures");
        assertEquals(List.of("REJECTED", "UNKNOWN", "NOT_SENT"),
                recent.stream().map(f -> ((JsonObject) f).get("delivery")).toList(), recent.toJson());
        assertTrue(((String) ((JsonObject) recent.get(2)).get("error")).contains("missing required field content"),
                recent.toJson());
        JsonObject callbacks = (JsonObject) ((JsonArray) root.get("callbacks")).get(0);
        assertEquals("/gewe/callback", callbacks.get("path"));
        assertEquals(2L, number(callbacks, "received"));
        assertEquals(1L, number(callbacks, "duplicates"), "the repeat dropped by the deduplication");
        assertTrue(number(account(root, fixtureAppId), "lastCallback") > 0,
                "the fixture's account, known by its last callback");

        String text = (String) console().call(DevConsole.MediaType.TEXT, Map.of());
        assertTrue(text.contains("Component gewe: " + simulator.baseUrl() + ", pacing off"), text);
        assertTrue(text.contains("Account " + simulator.appId() + " (component gewe)\n    State: UP, heard "), text);
        assertTrue(text.contains("    Last sent: message/postText "), text);
        assertTrue(text.contains("    Failures: NOT_SENT 1 REJECTED 1 UNKNOWN 1\n"), text);
        assertTrue(text.contains(" message/postText REJECTED: GeWe message/postText: GeWe refused the request"), text);
        assertTrue(text.contains("Account " + fixtureAppId + " (known by its callbacks)\n"), text);
        assertTrue(text.contains("Callbacks on /gewe/callback: received 2, repeats dropped 1, skipped 0, refused 0"),
                text);
        assertFalse(text.contains(simulator.token()) || root.toJson().contains(simulator.token()), "no token");
    }

    @Test
    void anAccountGeweSaysIsOfflineIsDownWithGewesReason() {
        simulator.setOnline(simulator.appId(), false);
        try {
            Exchange e = template.send("direct:send", body("to an offline account"));
            assertInstanceOf(GeweApiException.class, e.getException());
        } finally {
            simulator.setOnline(simulator.appId(), true);
        }
        JsonObject account = account(json(), simulator.appId());
        assertEquals("DOWN", account.get("state"), account.toJson());
        assertTrue(((String) account.get("stateReason")).contains("微信已离线"), account.toJson());
        String text = (String) console().call(DevConsole.MediaType.TEXT, Map.of());
        assertTrue(text.contains("State: DOWN, heard "), text);
        assertTrue(text.contains("Last sent: never"), text);
    }

    @Test
    void anOfflineCallbackShowsAsTheAccountsStateWithSinceAndSignal() {
        assertEquals(200, post(fixture("offline")).statusCode());
        String appId = json(fixture("offline")).get("Appid").asText();
        JsonObject state = (JsonObject) account(json(), appId).get("account");
        assertEquals("OFFLINE", state.get("state"), state.toJson());
        assertEquals("CALLBACK", state.get("signal"), state.toJson());
        assertTrue(number(state, "since") > 0, state.toJson());
        assertEquals("GeWe pushed an Offline callback", state.get("reason"));
        String text = (String) console().call(DevConsole.MediaType.TEXT, Map.of());
        assertTrue(text.contains("Account " + appId + " (component gewe)\n"), text);
        assertTrue(text.contains("    Account: OFFLINE since "), text);
        assertTrue(text.contains(" (callback: GeWe pushed an Offline callback)\n"), text);
        assertEquals("DOWN", account(json(), appId).get("state"), "the state line agrees with the account's state");
    }

    @Test
    void aPacedAccountsQueueDepthAndNextSlot() {
        template.sendBody("direct:paced", Map.of("toWxid", "wxid_p", "content", "first, at once"));
        // the next two wait the minute GeWe's pace gives (here): the console sees them queued
        template.asyncSend("direct:paced", body("second"));
        template.asyncSend("direct:paced", body("third"));
        await(WAIT, () -> number(sends(), "waiting") == 2, "two sends waiting for their slot");
        JsonObject sends = sends();
        assertEquals(Boolean.FALSE, sends.get("busy"));
        long next = number(sends, "nextSlotInMillis");
        assertTrue(next > 0 && next <= 60_000, "the next slot is within the minute: " + sends.toJson());
        assertEquals(1, simulator.sentCount(), "only the first was sent");
        String text = (String) console().call(DevConsole.MediaType.TEXT, Map.of());
        assertTrue(text.contains("    Pacing: sends 2 waiting, next slot in "), text);
    }

    // ------------------------------------------------------------------------------------------ helpers

    private JsonObject sends() {
        return (JsonObject) ((JsonObject) account(json(), simulator.appId()).get("pacing")).get("sends");
    }

    private JsonObject json() {
        return (JsonObject) console().call(DevConsole.MediaType.JSON, Map.of());
    }

    private static JsonObject account(JsonObject root, String appId) {
        return ((JsonArray) root.get("accounts")).stream().map(JsonObject.class::cast)
                .filter(a -> appId.equals(a.get("appId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no account " + appId + " in " + root.toJson()));
    }

    private static long number(JsonObject o, String key) {
        Object v = o.get(key);
        assertNotNull(v, key + " in " + o.toJson());
        return ((Number) v).longValue();
    }

    private static org.apache.camel.Processor body(String content) {
        return e -> e.getMessage().setBody(Map.of("toWxid", "wxid_a", "content", content));
    }

    private static void assertFailed(Exchange e) {
        assertInstanceOf(GeweException.class, e.getException());
    }
}
