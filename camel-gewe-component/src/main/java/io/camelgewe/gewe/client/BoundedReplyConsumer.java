package io.camelgewe.gewe.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.ByteArrayBuffer;

/**
 * Collects GeWe's answer in memory, up to a limit: an answer that declares a larger Content-Length is refused before
 * its first byte is read, and one that streams past the limit is refused at the chunk that crosses it, so a hostile
 * or broken server costs at most the limit, never the heap. The refusal fails the exchange and the connection is
 * dropped rather than drained.
 * <p>
 * The answer's Content-Type is not looked at (GeWe's JSON is UTF-8 whatever it says), so it is not parsed either:
 * HttpClient's own byte consumer parses it for every answer, which cost more than checking the length.
 * <p>
 * A complete answer is handed over when HttpClient releases this consumer, just after it has put the connection
 * back in the pool, not at the answer's last byte, a moment before. What the caller does with the answer may start
 * the next call at once (a route's next exchange, on this I/O thread): handed over earlier, that call found the only
 * connection still leased and opened a second one, and from then on calls alternated between two connections, often
 * on the client's two I/O threads, each call waking the other thread. At one call at a time that swung the
 * throughput by a quarter from one run to the next, depending on where the second connection landed.
 */
final class BoundedReplyConsumer implements AsyncResponseConsumer<BoundedReplyConsumer.Reply> {

    /** What HttpClient hands over per read; GeWe's answers are a few KiB. */
    private static final int CHUNK = 64 * 1024;

    private final int limit;
    private FutureCallback<Reply> callback;
    private int status;
    private String reason;
    private ByteArrayBuffer body;
    /** The whole answer, held until the connection is back in the pool. */
    private Reply ready;

    /** @param limit the largest body accepted, in bytes */
    BoundedReplyConsumer(int limit) {
        this.limit = limit;
    }

    @Override
    public void consumeResponse(HttpResponse response, EntityDetails entity, HttpContext context,
                                FutureCallback<Reply> callback) throws IOException {
        this.callback = callback;
        status = response.getCode();
        reason = response.getReasonPhrase();
        // HttpClient has read the Content-Length already (and failed a malformed one): looking it up again among the
        // headers, by a case-blind compare of each name, cost more than the rest of this method
        long declared = entity == null ? -1 : entity.getContentLength();
        refuseDeclared(declared, limit);
        body = new ByteArrayBuffer((int) Math.max(256, Math.min(declared, CHUNK)));
        if (entity == null) {
            // no body will follow (a 204, an answer to HEAD)
            ready = result();
        }
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context) {
        // a 1xx before the answer says nothing about it
    }

    @Override
    public void updateCapacity(CapacityChannel channel) throws IOException {
        channel.update(CHUNK);
    }

    @Override
    public void consume(ByteBuffer src) throws IOException {
        if ((long) body.length() + src.remaining() > limit) {
            throw new TransportFailures.ResponseTooLarge(limit, "");
        }
        body.append(src);
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) {
        ready = result();
    }

    @Override
    public void failed(Exception cause) {
        // an answer that had arrived whole stands (its request's end failed after it, say): as it did when it was
        // handed over at its last byte; otherwise the exchange's own callback hears of the failure from HttpClient
        handOver();
    }

    private Reply result() {
        return new Reply(status, reason, body == null ? new byte[0] : body.toByteArray());
    }

    @Override
    public void releaseResources() {
        body = null;
        handOver();
    }

    /** Hands the whole answer over, once, if there is one. */
    private void handOver() {
        Reply r = ready;
        if (r != null) {
            ready = null;
            callback.completed(r);
        }
    }

    /**
     * Refuses, before its first byte is read, an answer whose declared length (HttpClient's reading of its
     * Content-Length, -1 for none) is larger than the limit; the classic transport reads its answers by the same rule.
     */
    static void refuseDeclared(long declared, int limit) throws TransportFailures.ResponseTooLarge {
        if (declared > limit) {
            throw new TransportFailures.ResponseTooLarge(limit, " (Content-Length " + declared + ")");
        }
    }

    /**
     * An answer as it arrived.
     *
     * @param status the HTTP status
     * @param reason the reason phrase, or null
     * @param body   the body (empty when there was none)
     */
    record Reply(int status, String reason, byte[] body) {
    }
}
