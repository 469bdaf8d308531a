package io.camelgewe.gewe.callback;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.LRUCacheFactory;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of gewe:callback: the processor of its platform-http consumer, one call per POST from GeWe.
 * <p>
 * It checks the request's headers (method, secret, declared size) before any of the body is read, then reads the body
 * ({@link CallbackBody}: no more than maxBodySize + 1 bytes, within readTimeout), answers pings, refusals, filtered
 * callbacks and duplicates at once, and hands the rest to the {@link GeweCallbackConsumer}'s route. It answers every
 * request exactly once and never lets an exception or an error reach the HTTP server; a slow route delays the answer
 * at most by the consumer's answerTimeout, wherever it runs (see {@code answerAfterRoute}).
 */
final class GeweCallbackHandler extends AsyncProcessorSupport {

    private static final Logger LOG = LoggerFactory.getLogger(GeweCallbackHandler.class);

    /** The header a proxy in front of the application can carry the secret in (GeWe itself only has the URL). */
    static final String SECRET_HEADER = "X-Gewe-Secret";
    /** The query parameter of the registered URL that carries the secret. */
    static final String SECRET_PARAMETER = "secret";

    private final GeweCallbackConsumer consumer;
    private final GeweCallbackOptions cfg;
    private final GeweCallbackFilter filter;
    private final CallbackDeduplication deduplication;
    private final Stats stats;
    private final byte[] secret;
    private final AnswerDeadlines deadlines;
    private volatile CallbackBody.Prefetch prefetch;

    /**
     * @param consumer      routes what is accepted
     * @param cfg           the endpoint's options
     * @param filter        which callbacks are routed
     * @param deduplication drops repeated pushes
     */
    GeweCallbackHandler(GeweCallbackConsumer consumer, GeweCallbackOptions cfg, GeweCallbackFilter filter,
                        CallbackDeduplication deduplication) {
        this.consumer = consumer;
        this.cfg = cfg;
        this.filter = filter;
        this.deduplication = deduplication;
        this.stats = new Stats(cfg.getSilenceTimeout());
        this.secret = cfg.getSecret() == null || cfg.getSecret().isEmpty()
                ? null : cfg.getSecret().getBytes(StandardCharsets.UTF_8);
        this.deadlines = cfg.getAnswerAfter() == GeweAnswerAfter.COMPLETION
                ? new AnswerDeadlines(cfg.getAnswerTimeout(), this::answerOnDeadline) : null;
    }

    @Override
    public boolean process(Exchange http, AsyncCallback callback) {
        stats.received.increment();
        Answer answer = new Answer(http, callback, CallbackBody.of(http.getMessage(), prefetch));
        try {
            return handle(http.getMessage(), answer);
        } catch (Throwable e) {
            // a repository or pool failure: GeWe may push again; one line, without the body (private, maybe large)
            // and without a stack trace (the HTTP server would print one per push)
            LOG.warn("GeWe callback on {}: could not accept a push: {}", cfg.getPath(), e.toString());
            stats.refused.increment();
            return answer.send(500, "error", true);
        }
    }

    private boolean handle(Message request, Answer answer) {
        // what the headers tell is checked before a byte of the body is read: refusing costs a stranger's flood nothing
        if (!answer.body.headersAdmitted()) {
            Boolean refused = checkHeaders(request, answer);
            if (refused != null) {
                return refused;
            }
        }
        byte[] body = null;
        GeweCallbackReader.Result result;
        try {
            body = answer.body.read(cfg.getMaxBodySize(), cfg.getReadTimeout());
            if (body == null) {
                return refuse(answer, 413, "the body is larger than " + cfg.getMaxBodySize() + " bytes");
            }
            result = GeweCallbackReader.read(body);
        } catch (TimeoutException e) {
            return refuse(answer, 408, "the body did not arrive within " + cfg.getReadTimeout() + " ms");
        } catch (IOException e) {
            return refuse(answer, 400, "the body could not be read");
        } catch (Throwable e) {
            // one push exhausted the stack or the heap while it was read: refused like any push that cannot be read,
            // so that GeWe does not push it again; one line, never a stack trace per push
            LOG.warn("GeWe callback on {}: refused a push that could not be read: {}", cfg.getPath(), e.toString());
            stats.unreadable.increment();
            stats.refused.increment();
            if (body != null) {
                // the bytes arrived and their reading failed: they are kept for a version that can read them
                consumer.deadLetter(body, 400, "the push could not be read: " + e);
            }
            return answer.send(400, "the push could not be read", true);
        }
        if (result instanceof GeweCallbackReader.Refused refused) {
            LOG.warn("GeWe callback on {}: refused a push ({} bytes): {}", cfg.getPath(), body.length, refused.reason());
            stats.refused.increment();
            consumer.deadLetter(body, 400, refused.reason());
            return answer.send(400, refused.reason(), true);
        }
        if (result instanceof GeweCallbackReader.Ping) {
            // sent by GeWe when the URL is registered; answering it is what makes the registration succeed
            LOG.info("GeWe callback on {}: answered GeWe's registration ping", cfg.getPath());
            stats.pings.increment();
            return answer.send(200, "ok", true);
        }
        GeweCallback callback = ((GeweCallbackReader.Received) result).callback();
        stats.arrived(callback.getAppId());
        consumer.accountSignal(callback);
        String skipped = filter.reject(callback);
        if (skipped != null) {
            LOG.debug("GeWe callback on {}: not routed, {}: {}", cfg.getPath(), skipped, callback);
            stats.skipped.increment();
            return answer.send(200, "ok", true);
        }
        String key = CallbackDeduplication.keyOf(callback);
        if (!deduplication.add(key)) {
            LOG.debug("GeWe callback on {}: not routed, a repeated push of {}", cfg.getPath(), callback);
            stats.duplicates.increment();
            return answer.send(200, "ok", true);
        }
        try {
            return cfg.getAnswerAfter() == GeweAnswerAfter.RECEIPT ? routeThenAnswer(callback, answer, key)
                    : answerAfterRoute(callback, answer, key);
        } catch (RuntimeException e) {
            // not routed: forget the key so that GeWe's next push of it is routed
            deduplication.notRouted(key);
            if (!(e instanceof RejectedExecutionException)) {
                throw e;
            }
            LOG.warn("GeWe callback on {}: all {} route threads and their queue of {} are busy; answered 503 to {}",
                    cfg.getPath(), cfg.getPoolSize(), cfg.getMaxQueueSize(), callback);
            stats.refused.increment();
            return answer.send(503, "busy", true);
        }
    }

    /** The checks of the request's headers: the refusal's answer (whether sent synchronously), null when they pass. */
    private Boolean checkHeaders(Message request, Answer answer) {
        String method = request.getHeader(Exchange.HTTP_METHOD, String.class);
        if (!"POST".equalsIgnoreCase(method)) {
            return refuse(answer, 405, "only POST is accepted");
        }
        if (secret != null) {
            String given = secretOf(request);
            if (given == null) {
                return refuse(answer, 401, "the secret is missing");
            }
            if (!MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
                return refuse(answer, 403, "the secret is wrong");
            }
        }
        Long declared = request.getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declared != null && declared > cfg.getMaxBodySize()) {
            return refuse(answer, 413, "the body is larger than " + cfg.getMaxBodySize() + " bytes");
        }
        return null;
    }

    /** RECEIPT: the route is queued, the answer goes at once. */
    private boolean routeThenAnswer(GeweCallback callback, Answer answer, String key) {
        consumer.dispatch(callback, key, failed -> {
        });
        return answer.send(200, "ok", true);
    }

    /**
     * COMPLETION: the answer waits for the route, but never longer than answerTimeout.
     * <p>
     * The HTTP server's thread that called this waits for the answer in any case. Where the engine can take an
     * answer from another thread (Vert.x), that thread runs the route itself, up to poolSize routes at once, and the
     * consumer's one deadline thread answers a route still running at answerTimeout: no thread hop per push. Beyond
     * poolSize, or on other engines, the route goes to the consumer's threads and this thread waits for it, with the
     * deadline, rather than leaving a timer task per push to a timer thread.
     */
    private boolean answerAfterRoute(GeweCallback callback, Answer answer, String key) {
        if (deadlines != null && answer.body.answersAlone() && consumer.takeRouteSlot()) {
            answer.deadline = deadlines.watch(answer);
            return consumer.routeHere(callback, key, answer::routed);
        }
        CompletableFuture<Boolean> routed = new CompletableFuture<>();
        consumer.dispatch(callback, key, routed::complete);
        try {
            boolean failed = routed.get(cfg.getAnswerTimeout(), TimeUnit.MILLISECONDS);
            return answer.send(failed ? 500 : 200, failed ? "the route failed" : "ok", true);
        } catch (TimeoutException | InterruptedException | ExecutionException e) {
            if (e instanceof InterruptedException) {
                // the server is stopping: the push was accepted and its route goes on, as at answerTimeout
                Thread.currentThread().interrupt();
            }
            answeredOnTimeout(callback);
            return answer.send(200, "ok", true);
        }
    }

    /** The deadline thread: a push whose route runs on the HTTP server's thread is still waiting at answerTimeout. */
    private void answerOnDeadline(Object waiting) {
        Answer answer = (Answer) waiting;
        if (answer.sendAlone(200, "ok")) {
            answeredOnTimeout(null);
        }
    }

    private void answeredOnTimeout(GeweCallback callback) {
        stats.answeredOnTimeout.increment();
        if (callback != null) {
            LOG.debug("GeWe callback on {}: answered after {} ms while the route of {} goes on", cfg.getPath(),
                    cfg.getAnswerTimeout(), callback);
        } else {
            LOG.debug("GeWe callback on {}: answered after {} ms while its route goes on", cfg.getPath(),
                    cfg.getAnswerTimeout());
        }
    }

    /** What answers at answerTimeout the pushes routed on the HTTP server's threads; null with answerAfter=RECEIPT. */
    AnswerDeadlines deadlines() {
        return deadlines;
    }

    /**
     * Whether a request's headers pass the checks {@link #handle} makes before it reads a body (method, secret,
     * declared size): the engine may then take the body in before the request reaches this handler, which checks
     * them again and refuses as it always does.
     *
     * @param method        the HTTP method
     * @param secretHeader  the X-Gewe-Secret header; null for none
     * @param rawQuery      the query string as it came; null for none
     * @param contentLength the Content-Length header; null for none
     */
    boolean headersAdmit(String method, String secretHeader, String rawQuery, String contentLength) {
        if (!"POST".equalsIgnoreCase(method)) {
            return false;
        }
        if (secret != null) {
            String given = secretOf(secretHeader, rawQuery);
            if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
                return false;
            }
        }
        try {
            return contentLength == null || Long.parseLong(contentLength.strip()) <= cfg.getMaxBodySize();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Sets what took bodies in before this handler (Vert.x); null for none. */
    void setPrefetch(CallbackBody.Prefetch prefetch) {
        this.prefetch = prefetch;
    }

    private boolean refuse(Answer answer, int status, String reason) {
        LOG.debug("GeWe callback on {}: answered {}: {}", cfg.getPath(), status, reason);
        stats.refused.increment();
        return answer.send(status, reason, true);
    }

    /** The secret from the header, else from the query string; null when neither has one. */
    private static String secretOf(Message request) {
        String query = request.getHeader(Exchange.HTTP_RAW_QUERY, String.class);
        if (query == null) {
            query = request.getHeader(Exchange.HTTP_QUERY, String.class);
        }
        return secretOf(request.getHeader(SECRET_HEADER, String.class), query);
    }

    /** The secret from the header, else from the raw query string; null when neither has one. */
    private static String secretOf(String header, String query) {
        if (header != null) {
            return header;
        }
        if (query == null) {
            return null;
        }
        try {
            Map<String, Object> parameters = URISupport.parseQuery(query, false, true);
            if (!parameters.containsKey(SECRET_PARAMETER)) {
                return null;
            }
            Object value = parameters.get(SECRET_PARAMETER);
            // a repeated parameter comes as a list: the first one counts
            Object first = value instanceof List<?> list ? list.get(0) : value;
            // parseQuery turns + into a space but leaves %-escapes, as Camel's endpoint URIs want
            return first == null ? "" : URLDecoder.decode(first.toString(), StandardCharsets.UTF_8);
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return "";
        }
    }

    /** What happened to the POSTs, before any route. */
    Stats stats() {
        return stats;
    }

    /** The HTTP side's counters. */
    static final class Stats {
        /** The most accounts whose last arrival is kept: the least recent go first. */
        static final int MAX_ACCOUNTS = 1000;
        /** The longest appId kept as it is: the Appid of a push is whatever its sender wrote. */
        static final int MAX_APP_ID = 64;
        /** How stale a last arrival may be: the dev console shows it to the second. */
        static final long ARRIVAL_RESOLUTION_MILLIS = 1000;

        final LongAdder received = new LongAdder();
        final LongAdder duplicates = new LongAdder();
        final LongAdder skipped = new LongAdder();
        final LongAdder refused = new LongAdder();
        final LongAdder pings = new LongAdder();
        final LongAdder answeredOnTimeout = new LongAdder();
        final LongAdder unreadable = new LongAdder();
        private final Map<String, Long> lastArrivals = LRUCacheFactory.newLRUCache(MAX_ACCOUNTS);
        private final long arrivalResolution;

        /**
         * @param silenceTimeout the consumer's silenceTimeout (0: off); a last arrival is kept at a tenth of it when
         *                       that is finer than a second, so that an account heard from is never taken for silent
         */
        Stats(long silenceTimeout) {
            this.arrivalResolution = silenceTimeout > 0
                    ? Math.max(1, Math.min(ARRIVAL_RESOLUTION_MILLIS, silenceTimeout / 10)) : ARRIVAL_RESOLUTION_MILLIS;
        }

        /** A callback of this account arrived (read, past the secret): when it did is kept. */
        void arrived(String appId) {
            String key = appId == null ? "" : appId.length() > MAX_APP_ID ? appId.substring(0, MAX_APP_ID) + "..." : appId;
            long now = System.currentTimeMillis();
            Long last = lastArrivals.get(key);
            // at most one write per account and second: a read costs the LRU cache nothing, a write records a change
            // it must later compress, on every push of a busy account
            if (last == null || now - last >= arrivalResolution || now < last) {
                lastArrivals.put(key, now);
            }
        }

        /** A last arrival kept from before a restart; a later one already seen here wins. */
        void restore(String appId, long at) {
            if (appId.length() <= MAX_APP_ID + 3) {
                lastArrivals.merge(appId, at, Math::max);
            }
        }

        /** When a callback of each account last arrived (epoch milliseconds, to the second), by appId. */
        Map<String, Long> lastArrivals() {
            return Map.copyOf(lastArrivals);
        }
    }

    /** The one answer to one POST; whoever comes first (route, answerTimeout, refusal) sends it. */
    static final class Answer {
        final CallbackBody body;
        private final Exchange http;
        private final AsyncCallback callback;
        private final AtomicBoolean sent = new AtomicBoolean();
        /** Set when the route runs on the HTTP server's thread: the deadline thread then answers at answerTimeout. */
        AnswerDeadlines.Deadline deadline;

        Answer(Exchange http, AsyncCallback callback, CallbackBody body) {
            this.http = http;
            this.callback = callback;
            this.body = body;
        }

        /** Sends the answer unless it was sent already; true when this call sent it. */
        boolean send(int status, String text, boolean doneSync) {
            if (!sent.compareAndSet(false, true)) {
                return false;
            }
            body.answered();
            Message response = http.getMessage();
            // platform-http writes the message's headers back: the request's (the secret among them) must not echo
            response.getHeaders().clear();
            response.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
            response.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
            if (status == 405) {
                response.setHeader("Allow", "POST");
            }
            response.setBody(text);
            callback.done(doneSync);
            return true;
        }

        /**
         * The deadline thread answers through the engine, the exchange's thread being busy with the route; the
         * exchange is completed by {@link #routed} once the route is done. True when this call answered.
         */
        boolean sendAlone(int status, String text) {
            return sent.compareAndSet(false, true) && body.answerAlone(status, text);
        }

        /** The route that ran on the HTTP server's thread completed: its answer, unless the deadline gave one. */
        void routed(boolean failed, boolean doneSync) {
            deadline.cancel();
            if (!send(failed ? 500 : 200, failed ? "the route failed" : "ok", doneSync)) {
                // answered at answerTimeout already: platform-http finds the response written and leaves it
                callback.done(doneSync);
            }
        }
    }
}
