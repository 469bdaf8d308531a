package io.camelgewe.gewe.client;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;

import io.camelgewe.gewe.errors.GeweException;
import io.camelgewe.gewe.spi.GeweTimeouts;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.RequestNotExecutedException;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolStats;
import org.apache.hc.core5.util.ByteArrayBuffer;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The synchronous transport: one pooled Apache HttpClient 5 classic (blocking) client per component, for the calls
 * of endpoints with synchronous=true, made on the caller's thread, which waits for GeWe anyway. No I/O thread takes
 * part, so a call costs no hand-over and no wake-up; the price is a thread held per call in flight, the caller's.
 * <p>
 * It keeps the promises of the asynchronous {@link GeweHttpClient}, with the same settings: no automatic retries (a
 * POST retried by the transport can send a WeChat message twice) but the one of a request HttpClient reports as not
 * executed; no redirects; GeWe's answer refused once it grows past {@code maxResponseSize}, as it is read; the
 * connect and response timeouts of the endpoint; the call's deadline ({@code requestTimeout}), at which the request
 * is cancelled and its connection dropped, and after which a body not yet written is never written. Failures are
 * translated by {@link TransportFailures}, knowing whether the body started to be written. Its connections never
 * carry HttpClient's wire log, which would print the token.
 */
public final class GeweClassicHttpClient implements Closeable {

    private final GeweHttpClient.Settings settings;
    private final PoolingHttpClientConnectionManager pool;
    private final CloseableHttpClient client;
    // the endpoint's config with the wait for a pooled connection bounded by the deadline; built once per endpoint
    private final Map<RequestConfig, RequestConfig> configs = new ConcurrentHashMap<>();
    /** The deadlines of the calls in flight, which are also the calls close() must end. */
    private final CallDeadlines deadlines;
    private volatile boolean closed;

    /**
     * @param settings pool size, proxy, TLS, the answer size limit and the scheduler of deadlines, as the component
     *                 gives its asynchronous client
     */
    public GeweClassicHttpClient(GeweHttpClient.Settings settings) {
        if (settings.deadlines == null) {
            throw new IllegalArgumentException("the HTTP client needs a scheduler for its deadlines");
        }
        this.settings = settings;
        this.deadlines = new CallDeadlines(settings.deadlines);
        PoolingHttpClientConnectionManagerBuilder pb = PoolingHttpClientConnectionManagerBuilder.create()
                // its own pool, bounded like the asynchronous one's
                .setMaxConnTotal(settings.maxConnections)
                .setMaxConnPerRoute(settings.maxConnections)
                .setConnectionFactory(socket -> new QuietConnection())
                .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).setSoKeepAlive(true).build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(settings.connectTimeoutMillis))
                        // a pooled connection the server closed while idle would fail the next send; check it first
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build());
        if (settings.sslContext != null) {
            pb.setTlsSocketStrategy(ClientTlsStrategyBuilder.create().setSslContext(settings.sslContext).buildClassic());
        }
        this.pool = pb.build();
        var builder = HttpClients.custom()
                .setConnectionManager(pool)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableConnectionState()
                .evictIdleConnections(TimeValue.ofSeconds(30));
        if (settings.proxyHost != null && !settings.proxyHost.isEmpty()) {
            builder.setProxy(new HttpHost(settings.proxyScheme, settings.proxyHost, settings.proxyPort));
        }
        this.client = builder.build();
    }

    /**
     * Posts a JSON body and waits for GeWe's answer (at most maxResponseSize bytes) on this thread.
     *
     * @param  operation    the operation's qualified name, for messages
     * @param  uri          where to post
     * @param  json         the request body
     * @param  tokenHeader  the X-GEWE-TOKEN header (its toString() must not show the token)
     * @param  config       the connect and response timeouts of this request
     * @param  timeouts     the limits, of which requestMillis is the call's deadline
     * @throws GeweException saying whether the request may have reached GeWe
     */
    BoundedReplyConsumer.Reply post(String operation, URI uri, byte[] json, Header tokenHeader, RequestConfig config,
                                    GeweTimeouts timeouts) {
        RequestConfig bounded = configs.computeIfAbsent(config, c -> RequestConfig.copy(c)
                .setConnectionRequestTimeout(Timeout.ofMilliseconds(timeouts.requestMillis()))
                .build());
        return new Call(operation, uri, json, tokenHeader, bounded, timeouts).run();
    }

    /** The pool's current figures (leased, available, pending); for tests of connection reuse. */
    PoolStats poolStats() {
        return pool.getTotalStats();
    }

    @Override
    public void close() {
        closed = true;
        // a call blocked in a read must not outlive the component by its responseTimeout
        deadlines.forEach(d -> ((Call) d).cancel(new CancellationException("the component stopped")));
        client.close(CloseMode.GRACEFUL);
    }

    /**
     * One call: its attempts, its deadline and its one outcome. Once it is over (answered, failed, past its deadline,
     * or cancelled by the component's stop) its body is never written, and its connection is dropped.
     */
    private final class Call extends CallDeadlines.Deadline {
        private final String operation;
        private final URI uri;
        private final byte[] json;
        private final Header tokenHeader;
        private final RequestConfig config;
        private final GeweTimeouts timeouts;
        // guarded by this: whether the body started to be written, and whether the call is over, change together
        private boolean written;
        private boolean over;
        private Exception endedBy;
        private volatile HttpPost request;

        Call(String operation, URI uri, byte[] json, Header tokenHeader, RequestConfig config, GeweTimeouts timeouts) {
            this.operation = operation;
            this.uri = uri;
            this.json = json;
            this.tokenHeader = tokenHeader;
            this.config = config;
            this.timeouts = timeouts;
        }

        BoundedReplyConsumer.Reply run() {
            try {
                if (closed) {
                    throw new RejectedExecutionException("closed");
                }
                // a deadline swept with the others (CallDeadlines): no scheduler task, and so no wake-up, per call
                deadlines.start(this, timeouts.requestMillis());
            } catch (RejectedExecutionException stopping) {
                throw TransportFailures.translate(operation, new CancellationException("the component is stopping"),
                        false, false, timeouts);
            }
            try {
                BoundedReplyConsumer.Reply reply;
                try {
                    reply = attempt();
                } catch (RequestNotExecutedException notSent) {
                    // provably never left (a pooled connection closed under it): once more, which cannot send twice
                    reply = attempt();
                }
                synchronized (this) {
                    if (!over) {
                        over = true;
                        return reply;
                    }
                }
                throw new InterruptedIOException("the call had ended");
            } catch (IOException | RuntimeException e) {
                throw failure(e);
            } finally {
                deadlines.cancel(this);
            }
        }

        @Override
        void expire() {
            cancel(new TransportFailures.DeadlineExceeded(timeouts.requestMillis()));
        }

        private BoundedReplyConsumer.Reply attempt() throws IOException {
            HttpPost post = new HttpPost(uri);
            post.setHeader(tokenHeader);
            post.setConfig(config);
            post.setEntity(new MarkedBody());
            synchronized (this) {
                if (over) {
                    throw new InterruptedIOException("the call had ended before it was sent");
                }
                written = false;
                request = post;
            }
            ClassicHttpResponse response = client.executeOpen(null, post, null);
            BoundedReplyConsumer.Reply reply;
            try {
                reply = read(response);
            } catch (IOException | RuntimeException e) {
                drop(response);
                throw e;
            }
            // read to its end: the connection goes back to the pool
            response.close();
            return reply;
        }

        /** An answer refused or cut off half-read: its connection is dropped rather than drained (as close() would). */
        private void drop(ClassicHttpResponse response) throws IOException {
            if (response instanceof CloseableHttpResponse) {
                ((CloseableHttpResponse) response).close(CloseMode.IMMEDIATE);
            } else {
                response.close();
            }
        }

        /** GeWe's answer, refused as soon as it declares or reaches more than maxResponseSize. */
        private BoundedReplyConsumer.Reply read(ClassicHttpResponse response) throws IOException {
            int limit = settings.maxResponseSize;
            HttpEntity entity = response.getEntity();
            long declared = entity == null ? -1 : entity.getContentLength();
            BoundedReplyConsumer.refuseDeclared(declared, limit);
            byte[] body = entity == null ? new byte[0] : declared >= 0 ? readDeclared(entity, (int) declared)
                    : readUndeclared(entity, limit);
            return new BoundedReplyConsumer.Reply(response.getCode(), response.getReasonPhrase(), body);
        }

        // the streams are not closed here: closing one before its end would read the rest

        /** A body of known length (already checked against the limit), read into its own array. */
        private byte[] readDeclared(HttpEntity entity, int length) throws IOException {
            byte[] body = new byte[length];
            // HttpClient fails a body that ends short of its Content-Length; this is in case it did not
            if (entity.getContent().readNBytes(body, 0, length) < length) {
                throw new ConnectionClosedException("GeWe's answer ended before its Content-Length (" + length + ")");
            }
            return body;
        }

        /** A chunked body, refused at the chunk that takes it past the limit. */
        private byte[] readUndeclared(HttpEntity entity, int limit) throws IOException {
            InputStream in = entity.getContent();
            ByteArrayBuffer body = new ByteArrayBuffer(1024);
            byte[] chunk = new byte[4096];
            for (int n; (n = in.read(chunk)) != -1; ) {
                if ((long) body.length() + n > limit) {
                    throw new TransportFailures.ResponseTooLarge(limit, "");
                }
                body.append(chunk, 0, n);
            }
            return body.toByteArray();
        }

        /** Ends the call from another thread (its deadline, the component's stop): its connection is dropped. */
        void cancel(Exception why) {
            synchronized (this) {
                if (over) {
                    return;
                }
                over = true;
                endedBy = why;
            }
            HttpPost r = request;
            if (r != null) {
                r.cancel();
            }
        }

        private GeweException failure(Exception e) {
            boolean sent;
            Exception cause;
            synchronized (this) {
                over = true;
                sent = written;
                cause = endedBy != null ? endedBy : e;
            }
            if (cause instanceof ConnectionRequestTimeoutException) {
                // the wait for a pooled connection is bounded by the call's deadline: it is the deadline that passed
                cause = new TransportFailures.DeadlineExceeded(timeouts.requestMillis());
            }
            return TransportFailures.translate(operation, cause, false, sent, timeouts);
        }

        /** The JSON body, which notes when it starts to be written and is never written for a call that is over. */
        private final class MarkedBody extends AbstractHttpEntity {

            MarkedBody() {
                super(ContentType.APPLICATION_JSON, null);
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                // HttpClient writes the body after the request head; GeWe cannot act on a head
                synchronized (Call.this) {
                    if (over) {
                        throw new InterruptedIOException("the call had ended (its deadline passed or the component "
                                                         + "stopped)");
                    }
                    written = true;
                }
                out.write(json);
            }

            @Override
            public boolean isRepeatable() {
                return true;
            }

            @Override
            public long getContentLength() {
                return json.length;
            }

            @Override
            public InputStream getContent() {
                return new ByteArrayInputStream(json);
            }

            @Override
            public boolean isStreaming() {
                return false;
            }

            @Override
            public void close() {
                // nothing held
            }
        }
    }

    /**
     * A connection on a plain socket holder: HttpClient's own connections wrap their socket in its wire log when
     * {@code org.apache.hc.client5.http.wire} is at DEBUG, which would print the raw request, token included.
     */
    private static final class QuietConnection extends DefaultBHttpClientConnection
            implements ManagedHttpClientConnection {
        private volatile Timeout socketTimeout;

        QuietConnection() {
            super(Http1Config.DEFAULT);
        }

        @Override
        public Socket getSocket() {
            SocketHolder holder = getSocketHolder();
            return holder == null ? null : holder.getSocket();
        }

        @Override
        public void setSocketTimeout(Timeout timeout) {
            super.setSocketTimeout(timeout);
            this.socketTimeout = timeout;
        }

        @Override
        public void passivate() {
            // an idle pooled connection is only ever polled for staleness
            super.setSocketTimeout(Timeout.ZERO_MILLISECONDS);
        }

        @Override
        public void activate() {
            Timeout t = socketTimeout;
            if (t != null) {
                super.setSocketTimeout(t);
            }
        }
    }
}
