package io.camelgewe.gewe.callback;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeoutException;

import org.apache.camel.Message;

/**
 * The body of one POST to gewe:callback, as the platform-http engine hands it over, read no further than
 * {@code maxBodySize + 1} bytes and no longer than {@code readTimeout}.
 * <p>
 * The consumer asks platform-http not to read bodies ({@code useBodyHandler=false}), so that the secret and the
 * declared length are checked before a byte of the body is taken in. On Vert.x (Camel Main, Camel JBang) the body is
 * then the request itself, paused, and {@link VertxCallbackBody} reads it; other engines hand over a stream, or the
 * body their server has already read within its own limits.
 */
abstract class CallbackBody {

    /** Whether Vert.x is on the classpath (the dependency is optional). */
    static final boolean VERTX = isPresent("io.vertx.core.http.HttpServerRequest");

    /**
     * What took a request's body in before the handler was called (on Vert.x: its event loop, as the body arrived),
     * within the same bounds.
     */
    interface Prefetch {
        /** The body taken in for this request (the engine's request object), removed from here; null for none. */
        Object take(Object request);
    }

    /**
     * The body of the request.
     *
     * @param prefetch what may have taken the body in already; null for nothing
     */
    static CallbackBody of(Message request, Prefetch prefetch) {
        Object body = request.getBody();
        if (VERTX && VertxCallbackBody.accepts(body)) {
            return new VertxCallbackBody(body, prefetch == null ? null : prefetch.take(body));
        }
        return new Given(request);
    }

    /**
     * Reads the whole body.
     *
     * @param  max              the most bytes accepted
     * @param  timeoutMillis    the longest the body may take to arrive
     * @return                  the body; null when it is longer than max (no more than max + 1 bytes were read)
     * @throws TimeoutException when the body did not arrive within the time
     * @throws IOException      when the connection failed while the body arrived
     */
    abstract byte[] read(int max, long timeoutMillis) throws IOException, TimeoutException;

    /**
     * Called as the answer is sent. A body that was not read to its end is still on the connection: it would be read
     * as the next request, or block it, so the connection is closed once the answer is written.
     */
    abstract void answered();

    /**
     * Writes an answer to the HTTP server directly, bypassing the exchange of the request (whose thread may be busy
     * routing): how a push whose route runs on that thread is answered at answerTimeout.
     *
     * @return false when this engine cannot (its answer goes out through the exchange only)
     */
    boolean answerAlone(int status, String text) {
        return false;
    }

    /**
     * Whether the request's headers passed {@link GeweCallbackHandler#headersAdmit} already, before the body was taken
     * in: the handler need not read them from the exchange again.
     */
    boolean headersAdmitted() {
        return false;
    }

    /** Whether {@link #answerAlone} can answer on this engine. */
    boolean answersAlone() {
        return false;
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, CallbackBody.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** What engines other than Vert.x give: a stream, or what their server read already (within its own limits). */
    private static final class Given extends CallbackBody {
        private final Message request;

        Given(Message request) {
            this.request = request;
        }

        @Override
        byte[] read(int max, long timeoutMillis) throws IOException {
            Object body = request.getBody();
            if (body == null) {
                return new byte[0];
            }
            if (body instanceof byte[] bytes) {
                return bytes.length > max ? null : bytes;
            }
            if (body instanceof String text) {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                return bytes.length > max ? null : bytes;
            }
            InputStream in = request.getBody(InputStream.class);
            if (in == null) {
                byte[] bytes = request.getBody(byte[].class);
                return bytes == null ? new byte[0] : bytes.length > max ? null : bytes;
            }
            // a blocking stream cannot be given a deadline from here: its server's read timeout applies
            try (in) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buf = new byte[8192];
                for (int n; (n = in.read(buf, 0, Math.min(buf.length, max + 1 - out.size()))) > 0;) {
                    out.write(buf, 0, n);
                    if (out.size() > max) {
                        return null;
                    }
                }
                return out.toByteArray();
            }
        }

        @Override
        void answered() {
            // the engine owns its connections
        }
    }
}
