package io.camelgewe.gewe.callback;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

/**
 * The body of a push on Vert.x's platform-http (camel-platform-http-vertx, which Camel Main and Camel JBang run):
 * with {@code useBodyHandler=false} platform-http gives the request itself, paused, and nothing of its body has been
 * taken in. It is read here chunk by chunk as Vert.x delivers it, kept up to {@code max} bytes and given up at the
 * first byte beyond, or when the deadline passes; either way the rest is never read, and the connection is closed
 * once the answer is written. Where the consumer could register {@link VertxCallbackIntake}, the event loop has
 * taken the body in before the handler was called, within the same bounds, and this only gives its outcome.
 * <p>
 * Loaded only when Vert.x is on the classpath (the dependency is optional).
 */
final class VertxCallbackBody extends CallbackBody {

    /** The most of a refused body read and dropped so that the client sees the answer. */
    private static final long DRAIN_BYTES = 64L * 1024 * 1024;
    /** The longest a refused body is read and dropped. */
    private static final long DRAIN_MILLIS = 2000;

    private final HttpServerRequest request;
    /** The body as the event loop took it in before the handler was called; null when it was not. */
    private final Chunks prefetched;
    private volatile Chunks chunks;

    VertxCallbackBody(Object request, Object prefetched) {
        this.request = (HttpServerRequest) request;
        this.prefetched = (Chunks) prefetched;
        this.chunks = this.prefetched;
    }

    static boolean accepts(Object body) {
        return body instanceof HttpServerRequest;
    }

    @Override
    byte[] read(int max, long timeoutMillis) throws IOException, TimeoutException {
        if (prefetched != null) {
            // taken in already, within the same max and readTimeout: its outcome is known
            return prefetched.outcome(0);
        }
        Chunks reading = Chunks.start(request, max);
        chunks = reading;
        try {
            byte[] body = reading.outcome(timeoutMillis);
            if (body == null) {
                request.pause();
            }
            return body;
        } catch (TimeoutException e) {
            request.pause();
            reading.done.cancel(false);
            throw e;
        }
    }

    @Override
    void answered() {
        Chunks read = chunks;
        if (read != null && read.ended || request.version() == HttpVersion.HTTP_2) {
            // read to its end: the connection can take the next request; HTTP/2 streams end on their own
            return;
        }
        request.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        request.response().bodyEndHandler(v -> closeAfterDraining());
    }

    /**
     * Closes the connection once the client has stopped sending, or at {@value #DRAIN_BYTES} more bytes or
     * {@value #DRAIN_MILLIS} ms, whichever comes first. Closed while the client still sends, the kernel resets the
     * connection, and the client may lose the answer (a 413, say) before it has read it: the rest is read and
     * dropped, within those bounds, so that GeWe learns why its push was refused. Runs on the event loop.
     */
    private void closeAfterDraining() {
        HttpConnection connection = request.connection();
        Context context = Vertx.currentContext();
        if (request.isEnded() || context == null) {
            connection.close();
            return;
        }
        long[] left = { DRAIN_BYTES };
        long timer = context.owner().setTimer(DRAIN_MILLIS, id -> connection.close());
        request.handler(chunk -> {
            left[0] -= chunk.length();
            if (left[0] < 0) {
                context.owner().cancelTimer(timer);
                connection.close();
            }
        });
        request.endHandler(v -> {
            context.owner().cancelTimer(timer);
            connection.close();
        });
        request.exceptionHandler(e -> connection.close());
        request.resume();
    }

    @Override
    boolean headersAdmitted() {
        // the intake takes a body in only after headersAdmit passed
        return prefetched != null;
    }

    @Override
    boolean answersAlone() {
        return true;
    }

    @Override
    boolean answerAlone(int status, String text) {
        answered();
        // Vert.x takes a response from any thread; platform-http leaves a response that has ended as it is
        request.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                .end(text);
        return true;
    }

    /** The body as it arrives, on Vert.x's event loop, up to max bytes. */
    static final class Chunks {
        final CompletableFuture<byte[]> done = new CompletableFuture<>();
        volatile boolean ended;
        private final int max;
        private byte[] bytes;
        private int size;

        Chunks(int max, String contentLength) {
            this.max = max;
            // the declared length (already checked against max) sizes the buffer once; a chunked body grows it
            int declared = 8192;
            try {
                declared = contentLength == null ? declared : (int) Math.min(Long.parseLong(contentLength.strip()), max);
            } catch (NumberFormatException e) {
                // Vert.x has validated the header; a wrong one only costs a resize
            }
            this.bytes = new byte[Math.max(0, declared)];
        }

        /** Starts taking the request's body in; called on any thread, the chunks arrive on the event loop. */
        static Chunks start(HttpServerRequest request, int max) {
            Chunks chunks = new Chunks(max, request.getHeader(HttpHeaders.CONTENT_LENGTH));
            request.handler(chunks::add);
            request.exceptionHandler(chunks.done::completeExceptionally);
            request.endHandler(v -> {
                chunks.ended = true;
                chunks.done.complete(chunks.bytes());
            });
            if (request.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)) {
                // the headers passed: now the client may send the body
                request.response().writeContinue();
            }
            request.resume();
            return chunks;
        }

        /**
         * The body: null when it is longer than max; waits for it up to timeoutMillis (0: it must have arrived).
         *
         * @throws TimeoutException when it has not arrived in time (or was given up at readTimeout already)
         * @throws IOException      when the connection failed while it arrived
         */
        byte[] outcome(long timeoutMillis) throws IOException, TimeoutException {
            try {
                return timeoutMillis > 0 ? done.get(timeoutMillis, TimeUnit.MILLISECONDS) : done.getNow(null);
            } catch (ExecutionException | java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                if (e.getCause() instanceof TimeoutException timeout) {
                    throw timeout;
                }
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the body arrived", e);
            }
        }

        void add(Buffer chunk) {
            if (done.isDone()) {
                return;
            }
            int n = chunk.length();
            if (n > max - size) {
                done.complete(null);
                return;
            }
            try {
                if (size + n > bytes.length) {
                    bytes = Arrays.copyOf(bytes, (int) Math.min(max, Math.max(2L * bytes.length, size + n)));
                }
                chunk.getBytes(0, n, bytes, size);
                size += n;
            } catch (OutOfMemoryError e) {
                // this is Vert.x's event loop: the push fails, not the server
                bytes = null;
                done.completeExceptionally(e);
            }
        }

        byte[] bytes() {
            return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
        }
    }
}
