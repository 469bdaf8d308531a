package io.camelgewe.gewe.callback;

import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a connection can make the consumer take in, over raw sockets into the real Vert.x server: the headers decide
 * before any of the body is read (method, secret, declared length), a body is read no further than maxBodySize + 1
 * bytes and no longer than readTimeout, and a request whose body was not read to its end loses its connection.
 */
class GeweCallbackConnectionLimitsTest extends GeweCallbackTestSupport {

    private static final String SECRET = "k3y";
    /** Long enough that an answer on time is never the deadline's. */
    private static final Duration SOON = Duration.ofSeconds(4);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gewe:callback?secret=" + SECRET).to("mock:secret");
                from("gewe:callback?path=/small&maxBodySize=1000&readTimeout=10000").to("mock:small");
                from("gewe:callback?path=/slow&readTimeout=500").to("mock:slow");
            }
        };
    }

    @Test
    void aStrangersPushIsRefusedBeforeAnyOfItsBodyIsSent() throws Exception {
        // the headers announce a body that never comes: the answer cannot have waited for it
        try (RawConnection c = new RawConnection(port)) {
            c.post("/gewe/callback", "Transfer-Encoding", "chunked");
            assertEquals(401, c.answer(SOON).status());
            assertTrue(c.closedWithin(SOON), "the connection of a request whose body was not read is closed");
        }
        try (RawConnection c = new RawConnection(port)) {
            c.post("/gewe/callback?secret=wrong", "Content-Length", String.valueOf(10 * 1024 * 1024));
            RawConnection.Answer answer = c.answer(SOON);
            assertEquals(403, answer.status());
            assertEquals("close", answer.headers().get("connection"));
            assertTrue(c.closedWithin(SOON));
        }
        MockEndpoint secret = getMockEndpoint("mock:secret");
        secret.expectedMessageCount(0);
        secret.assertIsSatisfied(100);
    }

    @Test
    void aDeclaredLengthOverMaxBodySizeIsRefusedBeforeTheBody() throws Exception {
        try (RawConnection c = new RawConnection(port)) {
            c.post("/small", "Content-Length", "1001");
            assertEquals(413, c.answer(SOON).status());
            assertTrue(c.closedWithin(SOON));
        }
    }

    @Test
    void aChunkedBodyIsReadUpToMaxBodySizeAndCutAtTheByteBeyond() throws Exception {
        MockEndpoint small = getMockEndpoint("mock:small");
        small.expectedMessageCount(2);
        try (RawConnection c = new RawConnection(port)) {
            // exactly maxBodySize: read, routed, and the connection takes the next push
            for (long id : new long[] { 7001, 7002 }) {
                byte[] push = padded(fixtureWithId("text", id), 1000);
                c.post("/small", "Transfer-Encoding", "chunked").chunk(Arrays.copyOf(push, 600))
                        .chunk(Arrays.copyOfRange(push, 600, 1000)).lastChunk();
                assertEquals(200, c.answer(SOON).status(), "push " + id + " on the same connection");
            }
            assertFalse(c.closedWithin(Duration.ofMillis(200)), "an accepted push keeps its connection");
        }
        try (RawConnection c = new RawConnection(port)) {
            c.post("/small", "Transfer-Encoding", "chunked");
            c.chunk(spaces(1000));
            // 1000 bytes are within the limit: the consumer waits for the rest (readTimeout is 10 s here)
            assertThrows(SocketTimeoutException.class, () -> c.answer(Duration.ofMillis(300)));
            c.chunk(spaces(1));
            // the 1001st byte decides: 413 without the end of the body, nor the deadline
            assertEquals(413, c.answer(SOON).status());
            assertTrue(c.closedWithin(SOON));
        }
        small.assertIsSatisfied();
    }

    @Test
    void aTrickledBodyIsAnswered408AtReadTimeoutAndItsConnectionClosed() throws Exception {
        try (RawConnection c = new RawConnection(port)) {
            c.post("/slow", "Content-Length", "500").write("{\"TypeName\"");
            RawConnection.Answer answer = c.answer(Duration.ofSeconds(10));
            assertEquals(408, answer.status(), answer.body());
            assertTrue(c.closedWithin(SOON), "the slow connection is closed");
        }
        MockEndpoint slow = getMockEndpoint("mock:slow");
        slow.expectedMessageCount(0);
        slow.assertIsSatisfied(100);
    }

    @Test
    void expectContinueIsAnsweredOnlyWhenTheHeadersPass() throws Exception {
        byte[] push = fixture("text").getBytes(StandardCharsets.UTF_8);
        MockEndpoint secret = getMockEndpoint("mock:secret");
        secret.expectedMessageCount(1);
        try (RawConnection c = new RawConnection(port)) {
            c.post("/gewe/callback?secret=" + SECRET, "Expect", "100-continue", "Content-Length",
                    String.valueOf(push.length));
            assertEquals(100, c.answer(SOON).status(), "go on: the body is wanted");
            c.write(push);
            assertEquals(200, c.answer(SOON).status());
        }
        try (RawConnection c = new RawConnection(port)) {
            c.post("/gewe/callback", "Expect", "100-continue", "Content-Length", String.valueOf(push.length));
            assertEquals(401, c.answer(SOON).status(), "no 100 Continue: the body is not wanted");
            assertTrue(c.closedWithin(SOON));
        }
        secret.assertIsSatisfied();
    }

    private static byte[] spaces(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) ' ');
        return b;
    }

    /** The JSON, followed by spaces up to exactly n bytes. */
    private static byte[] padded(String json, int n) {
        byte[] text = json.strip().getBytes(StandardCharsets.UTF_8);
        assertTrue(text.length <= n, "the fixture fits in " + n + " bytes: " + text.length);
        byte[] b = spaces(n);
        System.arraycopy(text, 0, b, 0, text.length);
        return b;
    }
}
