package io.camelgewe.gewe;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.camelgewe.gewe.client.GeweClassicHttpClient;
import io.camelgewe.gewe.client.PoolProbe;
import io.camelgewe.gewe.errors.GeweApiException;
import io.camelgewe.gewe.errors.GeweConnectionException;
import io.camelgewe.gewe.errors.GeweDelivery;
import io.camelgewe.gewe.errors.GeweException;
import io.camelgewe.gewe.errors.GeweTimeoutException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With synchronous=true the call goes over the component's classic HTTP client, on the caller's thread, made only
 * when such a call comes, and keeps the asynchronous transport's promises: GeWe's refusal read the same, the deadline
 * cancelling the request, a connection closed before the answer reported as maybe sent, a call that waited for a
 * connection past its deadline reported as not sent and never sent afterwards, the token in no log and no exception.
 */
class GeweClassicTransportTest extends HostileServerTestSupport {

    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch answer = new CountDownLatch(1);

    @Override
    protected void configure(GeweComponent gewe) {
        // one connection: with it held, a second call waits for it and has sent nothing
        gewe.setMaxConnections(1);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:async").to("gewe:postText?toWxid=wxid_a");
                from("direct:sync").to("gewe:postText?toWxid=wxid_a&synchronous=true&responseTimeout=120000");
                from("direct:hurried").to("gewe:postText?toWxid=wxid_a&synchronous=true&requestTimeout=500");
            }
        };
    }

    @AfterEach
    void letHeldAnswersGo() {
        answer.countDown();
    }

    private Exchange text(String endpoint) {
        return template.send(endpoint, e -> e.getMessage().setBody("hello"));
    }

    private GeweClassicHttpClient classic() {
        return context.getComponent("gewe", GeweComponent.class).classicTransportIfMade();
    }

    @Test
    void theCallGoesOverTheClassicClientMadeOnlyWhenASynchronousCallComes() {
        server.onOperation("message/postText", HostileServer.envelope(SENT));
        assertNull(text("direct:async").getException());
        assertNull(classic(), "made without any synchronous call");
        await(() -> PoolProbe.stats(transport()).getLeased() == 0, "the asynchronous call's connection to be back");
        int asyncConnections = PoolProbe.stats(transport()).getAvailable();

        AtomicReference<String> thread = new AtomicReference<>();
        server.onOperation("message/postText", x -> {
            calls.incrementAndGet();
            HostileServer.envelope(SENT).handle(x);
        });
        Exchange out = template.send("direct:sync", e -> {
            thread.set(Thread.currentThread().getName());
            e.getMessage().setBody("hello");
        });
        assertNull(out.getException());
        assertEquals(123L, out.getMessage().getHeader(GeweConstants.MSG_ID));
        assertEquals(1, calls.get());
        assertNotNull(classic(), "the synchronous call made the classic client");
        assertEquals(1, PoolProbe.stats(classic()).getAvailable(), "its connection back in the classic pool");
        assertEquals(asyncConnections, PoolProbe.stats(transport()).getAvailable() + PoolProbe.stats(transport())
                .getLeased(), "the asynchronous pool opened no connection for it");
    }

    @Test
    void gewesRefusalIsReadAsOnTheAsynchronousPathWithoutTheTokenItEchoes() {
        server.onOperation("message/postText", HostileServer.json("{\"ret\":500,\"msg\":\"token " + TOKEN
                                                                  + " refused\",\"data\":null}"));
        GeweApiException sync = assertInstanceOf(GeweApiException.class, text("direct:sync").getException());
        GeweApiException async = assertInstanceOf(GeweApiException.class, text("direct:async").getException());
        assertEquals(GeweDelivery.REJECTED, sync.getDelivery());
        assertEquals(async.getMessage(), sync.getMessage());
        assertFalse(sync.getMessage().contains(TOKEN), sync.getMessage());
    }

    @Test
    void aCompressedAnswerIsReadByItsDecompressedLengthNotItsContentLength() {
        // the classic client asks for gzip, and a server (or a proxy) may take it up: the Content-Length is then the
        // compressed size, which says nothing of how many bytes the JSON has
        String reply = "{\"ret\":200,\"msg\":\"操作成功\",\"data\":" + SENT + ",\"padding\":\"" + "x".repeat(4000) + "\"}";
        server.onOperation("message/postText", x -> {
            java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
            try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(zipped)) {
                gz.write(reply.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            x.getResponseHeaders().set("Content-Type", "application/json");
            x.getResponseHeaders().set("Content-Encoding", "gzip");
            x.sendResponseHeaders(200, zipped.size());
            x.getResponseBody().write(zipped.toByteArray());
        });
        Exchange out = text("direct:sync");
        assertNull(out.getException());
        assertEquals(8992614056172361237L, out.getMessage().getHeader(GeweConstants.NEW_MSG_ID));
    }

    @Test
    void aConnectionClosedBeforeTheAnswerIsMaybeSent() {
        server.onOperation("message/postText", x -> {
            calls.incrementAndGet();
            // the server read the request and goes away without a word
            throw new IOException("closing without an answer");
        });
        GeweConnectionException e = assertInstanceOf(GeweConnectionException.class,
                text("direct:sync").getException());
        assertEquals(GeweDelivery.UNKNOWN, e.getDelivery(), e.getMessage());
        assertTrue(e.getMessage().contains("may have been acted on"), e.getMessage());
        assertEquals(1, calls.get(), "sent once, not retried");
    }

    @Test
    void aCallHeldPastItsDeadlineIsCancelledAndItsConnectionDropped() throws Exception {
        server.onOperation("message/postText", HostileServer.hold(answer));
        Exchange out = text("direct:hurried");
        GeweTimeoutException e = assertInstanceOf(GeweTimeoutException.class, out.getException());
        assertEquals(GeweDelivery.UNKNOWN, e.getDelivery(), "it had been sent: GeWe may have acted on it");
        assertTrue(e.getMessage().contains("requestTimeout (500 ms)"), e.getMessage());
        await(() -> leasedConnections() == 0, "the connection to be given back");
        assertEquals(0, PoolProbe.stats(classic()).getAvailable(), "the cancelled call's connection was pooled again");
    }

    @Test
    void aCallThatWaitedForAConnectionPastItsDeadlineIsNotSentAndNeverLeaves() throws Exception {
        var hold = HostileServer.hold(answer);
        var sent = HostileServer.envelope(SENT);
        server.onOperation("message/postText", x -> (calls.incrementAndGet() == 1 ? hold : sent).handle(x));
        // the one connection, held by a synchronous call on another thread
        Future<Exchange> first = template.asyncSend("direct:sync", x -> x.getMessage().setBody("first"));
        await(() -> calls.get() == 1, "the first send to reach the server");

        GeweException e = assertInstanceOf(GeweException.class, text("direct:hurried").getException());
        assertEquals(GeweDelivery.NOT_SENT, e.getDelivery(), e.getMessage());
        assertInstanceOf(GeweTimeoutException.class, e);
        assertTrue(e.getMessage().contains("requestTimeout (500 ms)"), e.getMessage());

        answer.countDown();
        assertNull(first.get(30, TimeUnit.SECONDS).getException());
        // a request still waiting for the connection would be granted it before this one
        assertNull(text("direct:sync").getException());
        assertEquals(2, calls.get(), "the send reported NOT_SENT reached GeWe after all");
    }

    @Test
    void httpClientsDebugLogNeverShowsTheToken() {
        server.onOperation("message/postText", HostileServer.envelope(SENT));
        List<String> lines = capturing("org.apache.hc.client5.http", () -> {
            assertNull(text("direct:sync").getException());
            // a new connection too: the wire log would be attached as it is made
            server.onOperation("message/postText", x -> {
                throw new IOException("dropped");
            });
            text("direct:sync");
            server.onOperation("message/postText", HostileServer.envelope(SENT));
            assertNull(text("direct:sync").getException());
        });
        assertFalse(lines.isEmpty(), "HttpClient logged nothing at DEBUG: the check would prove nothing");
        for (String line : lines) {
            assertFalse(line.contains(TOKEN), line);
        }
    }

    /** The messages the logger (and those below it) writes at DEBUG while the action runs. */
    private static List<String> capturing(String logger, Runnable action) {
        LoggerContext logging = LoggerContext.getContext(false);
        Configuration config = logging.getConfiguration();
        Capture capture = new Capture();
        capture.start();
        LoggerConfig lc = LoggerConfig.newBuilder().withLoggerName(logger).withLevel(Level.DEBUG).withAdditivity(true)
                .withConfig(config).build();
        lc.addAppender(capture, null, null);
        config.addLogger(logger, lc);
        logging.updateLoggers();
        try {
            action.run();
        } finally {
            config.removeLogger(logger);
            logging.updateLoggers();
            capture.stop();
        }
        return capture.lines;
    }

    /** Keeps the formatted messages it is given. */
    private static final class Capture extends AbstractAppender {
        final List<String> lines = new CopyOnWriteArrayList<>();

        Capture() {
            super("classic-capture", null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            lines.add(event.getMessage().getFormattedMessage());
        }
    }
}
