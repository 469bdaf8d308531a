package io.camelgewe.gewe.client;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.util.ByteArrayBuffer;

/**
 * Collects GeWe's answer in memory, up to a limit: an answer that declares a larger Content-Length is refused before
 * its first byte is read, and one that streams past the limit is refused at the chunk that crosses it, so a hostile
 * or broken server costs at most the limit, never the heap. The refusal fails the exchange and the connection is
 * dropped rather than drained.
 */
final class BoundedReplyConsumer extends AbstractBinResponseConsumer<BoundedReplyConsumer.Reply> {

    /** What HttpClient hands over per read; GeWe's answers are a few KiB. */
    private static final int CHUNK = 64 * 1024;

    private final int limit;
    private int status;
    private String reason;
    private ByteArrayBuffer body;

    /** @param limit the largest body accepted, in bytes */
    BoundedReplyConsumer(int limit) {
        this.limit = limit;
    }

    @Override
    protected void start(HttpResponse response, ContentType type) throws IOException {
        status = response.getCode();
        reason = response.getReasonPhrase();
        long declared = refuseDeclared(response, limit);
        body = new ByteArrayBuffer((int) Math.max(256, Math.min(declared, CHUNK)));
    }

    @Override
    protected int capacityIncrement() {
        return CHUNK;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
        if ((long) body.length() + src.remaining() > limit) {
            throw new TransportFailures.ResponseTooLarge(limit, "");
        }
        body.append(src);
    }

    @Override
    protected Reply buildResult() {
        return new Reply(status, reason, body == null ? new byte[0] : body.toByteArray());
    }

    @Override
    public void releaseResources() {
        body = null;
    }

    /**
     * The answer's declared Content-Length (-1 for none), refused before its first byte is read when it is larger
     * than the limit; the classic transport reads its answers by the same rule.
     */
    static long refuseDeclared(HttpResponse response, int limit) throws TransportFailures.ResponseTooLarge {
        long declared = declaredLength(response.getFirstHeader(HttpHeaders.CONTENT_LENGTH));
        if (declared > limit) {
            throw new TransportFailures.ResponseTooLarge(limit, " (Content-Length " + declared + ")");
        }
        return declared;
    }

    private static long declaredLength(Header header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.getValue().trim());
        } catch (NumberFormatException e) {
            // HttpClient refuses a malformed length itself
            return -1;
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
