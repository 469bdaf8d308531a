package io.camelgewe.gewe;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelgewe.gewe.errors.GeweDelivery;
import io.camelgewe.gewe.errors.GeweResponseException;
import io.camelgewe.gewe.errors.GeweTimeoutException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GeWe's answers as a hostile network can make them, over real HTTP from {@link HostileServer}: larger than any heap,
 * ambiguous, trickling in a byte at a time. Each is refused or cut off with a classified exception, and the component
 * goes on working.
 */
class GeweHostileRepliesTest extends HostileServerTestSupport {

    private static final long MIB = 1024 * 1024;

    @TempDir
    static Path spool;

    @Override
    protected void configure(GeweComponent gewe) {
        gewe.setMaxResponseSize((int) MIB);
        // pacing on for one test: no gaps, so that only the slot itself is measured
        gewe.setPacingPersonInterval(0);
        gewe.setPacingPersonJitter(0);
        gewe.setPacingMaxPerMinute(0);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:text").to("gewe:postText?toWxid=wxid_a");
                from("direct:pacedDrip").to("gewe:postText?toWxid=wxid_a&pacing=true&responseTimeout=1000"
                                            + "&requestTimeout=1500");
                from("direct:download").to("gewe:downloadVideo?fetch=true&responseTimeout=1000&fetchTimeout=1500"
                                           + "&fetchDirectory=" + spool.toAbsolutePath());
            }
        };
    }

    private Exchange text(String endpoint) {
        return template.send(endpoint, e -> e.getMessage().setBody("hello"));
    }

    @Test
    void aReplyLargerThanMaxResponseSizeIsRefusedAsItStreamsInAndTheSameComponentGoesOn() throws Exception {
        server.onOperation("message/postText", server.huge(64 * MIB, false));
        long before = server.bytesWritten();
        int abandonedBefore = server.abandoned();
        Exchange chunked = text("direct:text");
        GeweResponseException e = assertInstanceOf(GeweResponseException.class, chunked.getException());
        assertEquals(GeweDelivery.UNKNOWN, e.getDelivery());
        assertTrue(e.getMessage().contains("larger than maxResponseSize (1048576 bytes)"), e.getMessage());
        // refused while it arrived: the client dropped the connection long before the server could write 64 MiB
        await(() -> server.abandoned() == abandonedBefore + 1, "the server to see the connection dropped");
        long streamed = server.bytesWritten() - before;
        assertTrue(streamed < 64 * MIB, "the server wrote all " + streamed + " bytes: the answer was read whole");

        server.onOperation("message/postText", server.huge(64 * MIB, true));
        Exchange declared = text("direct:text");
        GeweResponseException d = assertInstanceOf(GeweResponseException.class, declared.getException());
        assertTrue(d.getMessage().contains("(Content-Length "), "refused on the declared length: " + d.getMessage());

        server.onOperation("message/postText", HostileServer.envelope(SENT));
        Exchange next = text("direct:text");
        assertNull(next.getException());
        assertEquals(123L, next.getMessage().getHeader(GeweConstants.MSG_ID));
        await(() -> leasedConnections() == 0, "every connection back in the pool");
    }

    @Test
    void anEnvelopeThatCouldBeReadTwoWaysIsRefusedNotGuessedAt() {
        for (String body : List.of(
                "{\"ret\":200.9,\"msg\":\"ok\",\"data\":" + SENT + "}",
                "{\"ret\":\"200\",\"msg\":\"ok\",\"data\":" + SENT + "}",
                "{\"ret\":20000000000,\"msg\":\"ok\",\"data\":" + SENT + "}",
                "{\"ret\":500,\"msg\":\"发送消息失败\",\"ret\":200,\"data\":" + SENT + "}",
                "{\"ret\":200,\"msg\":\"ok\",\"data\":" + SENT + ",\"data\":" + SENT + "}",
                "{\"ret\":200,\"msg\":\"ok\",\"data\":{\"msgId\":1,\"msgId\":2}}")) {
            server.onOperation("message/postText", HostileServer.json(body));
            Exchange out = text("direct:text");
            GeweResponseException e = assertInstanceOf(GeweResponseException.class, out.getException(), body);
            assertEquals(GeweDelivery.UNKNOWN, e.getDelivery(), body);
            assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
        }
    }

    @Test
    void aTricklingAnswerEndsAtRequestTimeoutAndFreesItsConnectionAndTheAccountsSlot() throws Exception {
        // 100 bytes at one every 200 ms: never silent for responseTimeout (1 s), done only after 20 s
        byte[] slow = ("{\"ret\":200,\"msg\":\"ok\",\"data\":" + SENT + "}").getBytes(StandardCharsets.UTF_8);
        AtomicInteger calls = new AtomicInteger();
        var drip = server.drip(slow, Duration.ofMillis(200), "application/json");
        var fast = HostileServer.envelope(SENT);
        server.onOperation("message/postText", x -> (calls.incrementAndGet() == 1 ? drip : fast).handle(x));
        int abandonedBefore = server.abandoned();

        // the same account and recipient: the second send waits for the slot the first one holds
        Future<Exchange> first = template.asyncSend("direct:pacedDrip", e -> e.getMessage().setBody("first"));
        await(() -> calls.get() == 1, "the first send to reach the server");
        Future<Exchange> second = template.asyncSend("direct:pacedDrip", e -> e.getMessage().setBody("second"));

        Exchange cut = first.get(60, TimeUnit.SECONDS);
        GeweTimeoutException e = assertInstanceOf(GeweTimeoutException.class, cut.getException());
        assertEquals(GeweDelivery.UNKNOWN, e.getDelivery(), "it had been sent: GeWe may have acted on it");
        assertFalse(e.isConnectTimeout());
        assertEquals(1500, e.getTimeoutMillis());
        assertTrue(e.getMessage().contains("requestTimeout (1500 ms)"), e.getMessage());

        Exchange next = second.get(60, TimeUnit.SECONDS);
        assertNull(next.getException(), "the slot was released at the deadline");
        assertEquals(123L, next.getMessage().getHeader(GeweConstants.MSG_ID));
        await(() -> server.abandoned() == abandonedBefore + 1, "the trickling connection to be dropped");
        await(() -> leasedConnections() == 0, "every connection back in the pool");
    }

    @Test
    void aTricklingDownloadEndsAtFetchTimeoutAsNotSentAndLeavesNoPartialFile() throws Exception {
        byte[] video = new byte[200];
        server.onOperation("message/downloadVideo",
                HostileServer.envelope("{\"fileUrl\":\"" + server.url("/files/drip.mp4") + "\"}"));
        server.on("/files/drip.mp4", server.drip(video, Duration.ofMillis(100), "video/mp4"));
        int abandonedBefore = server.abandoned();

        Exchange out = template.send("direct:download", x -> x.getMessage().setBody("<msg><videomsg/></msg>"));
        GeweTimeoutException e = assertInstanceOf(GeweTimeoutException.class, out.getException());
        assertEquals(GeweDelivery.NOT_SENT, e.getDelivery(), "a fetch only reads a file");
        assertTrue(e.getMessage().contains("fetchTimeout (1500 ms)"), e.getMessage());
        await(() -> server.abandoned() == abandonedBefore + 1, "the trickling download to be dropped");
        await(() -> listing(spool).isEmpty(), "the partial file to be deleted, but found " + listing(spool));
    }

    private static List<Path> listing(Path dir) {
        try (var files = Files.list(dir)) {
            return files.toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
