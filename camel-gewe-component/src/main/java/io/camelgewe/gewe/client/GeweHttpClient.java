package io.camelgewe.gewe.client;

import java.io.Closeable;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import io.camelgewe.gewe.errors.GeweConnectionException;
import io.camelgewe.gewe.errors.GeweDelivery;
import io.camelgewe.gewe.errors.GeweException;
import io.camelgewe.gewe.errors.GeweTimeoutException;
import io.camelgewe.gewe.spi.FetchedFile;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.RequestNotExecutedException;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolStats;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.DeadlineTimeoutException;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The transport: one pooled Apache HttpClient 5 async client per component, the one place where requests are sent.
 * <p>
 * No thread waits on GeWe: replies arrive on the client's I/O threads and complete the caller's callback there.
 * Automatic retries are off, because a POST to GeWe that is retried by the transport can send a WeChat message twice;
 * retrying is the route's decision (see {@code GeweDelivery}).
 */
public final class GeweHttpClient implements Closeable {

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final CloseableHttpAsyncClient client;
    private final PoolingAsyncClientConnectionManager pool;

    /**
     * @param settings pool size, proxy and TLS of the client
     */
    public GeweHttpClient(Settings settings) {
        PoolingAsyncClientConnectionManagerBuilder pb = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections)
                .setMaxConnPerRoute(settings.maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(settings.connectTimeoutMillis))
                        // a pooled connection the server closed while idle would fail the next send; check it first
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build());
        if (settings.sslContext != null) {
            pb.setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(settings.sslContext).buildAsync());
        }
        this.pool = pb.build();
        int id = CLIENTS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, "gewe-http-" + id + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        var builder = HttpAsyncClients.custom()
                .setConnectionManager(pool)
                .setIOReactorConfig(IOReactorConfig.custom().setSoKeepAlive(true).setTcpNoDelay(true).build())
                .setThreadFactory(tf)
                // HttpClient's wire log (org.apache.hc.client5.http.wire at DEBUG) would print the raw request, token
                // included: the component's sessions are never decorated with it
                .setIoSessionDecorator(session -> session)
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
        this.client.start();
    }

    /**
     * Posts a JSON body. The future completes on one of the client's I/O threads with the buffered response, or
     * exceptionally with the transport's exception; nothing waits for it.
     *
     * @param uri         where to post
     * @param json        the request body
     * @param tokenHeader the X-GEWE-TOKEN header (its toString() must not show the token)
     * @param config      timeouts of this request
     */
    public CompletableFuture<SimpleHttpResponse> post(URI uri, byte[] json, Header tokenHeader, RequestConfig config) {
        CompletableFuture<SimpleHttpResponse> future = new CompletableFuture<>();
        client.execute(request(uri, json, tokenHeader, config), new Bridge<>(future) {
            private boolean retried;

            @Override
            public void failed(Exception ex) {
                // a request the client reports as not executed (a pooled connection the server or a proxy had closed)
                // provably never left: it is sent once more on a fresh connection, which cannot send it twice
                if (ex instanceof RequestNotExecutedException && !retried) {
                    retried = true;
                    client.execute(request(uri, json, tokenHeader, config), this);
                } else {
                    super.failed(ex);
                }
            }
        });
        return future;
    }

    private static SimpleHttpRequest request(URI uri, byte[] json, Header tokenHeader, RequestConfig config) {
        return SimpleRequestBuilder.post(uri)
                .setBody(json, ContentType.APPLICATION_JSON)
                .setHeader(tokenHeader)
                .setRequestConfig(config)
                .build();
    }

    /**
     * Downloads a file into {@code directory} as it arrives, never holding it whole in memory. No token is sent: the
     * file lives on a storage host, not on GeWe.
     *
     * @param uri       the file's URL
     * @param config    timeouts of this request
     * @param directory where the file is written (a new temporary file)
     */
    public CompletableFuture<FetchedFile> fetch(URI uri, RequestConfig config, Path directory) {
        SimpleHttpRequest request = SimpleRequestBuilder.get(uri).setRequestConfig(config).build();
        CompletableFuture<FetchedFile> future = new CompletableFuture<>();
        client.execute(SimpleRequestProducer.create(request), new FileResponseConsumer(uri, directory), null,
                new Bridge<>(future));
        return future;
    }

    /** Completes a future from the client's callback. */
    private static class Bridge<T> implements FutureCallback<T> {
        private final CompletableFuture<T> future;

        Bridge(CompletableFuture<T> future) {
            this.future = future;
        }

        @Override
        public void completed(T result) {
            future.complete(result);
        }

        @Override
        public void failed(Exception ex) {
            future.completeExceptionally(ex);
        }

        @Override
        public void cancelled() {
            future.completeExceptionally(new CancellationException("the HTTP client is shutting down"));
        }
    }

    /**
     * Translates a transport failure into the component's exception, saying whether the request may have reached
     * GeWe: a failure before the connection was made cannot have sent anything; one after may have.
     *
     * @param operation       the operation's qualified name
     * @param failure         what the HTTP client reported
     * @param connectTimeout  the connect timeout in force, for the message
     * @param responseTimeout the response timeout in force, for the message
     */
    public static GeweException failure(String operation, Throwable failure, long connectTimeout,
                                        long responseTimeout) {
        if (failure instanceof GeweException) {
            return (GeweException) failure;
        }
        if (failure instanceof CancellationException) {
            return new GeweConnectionException(operation, GeweDelivery.UNKNOWN,
                    "the request was cancelled (the HTTP client is shutting down)", failure);
        }
        if (failure instanceof ConnectTimeoutException) {
            return new GeweTimeoutException(operation, true, connectTimeout, failure);
        }
        if (failure instanceof SocketTimeoutException) {
            return new GeweTimeoutException(operation, false, responseTimeout, failure);
        }
        if (failure instanceof DeadlineTimeoutException || failure instanceof TimeoutException) {
            return new GeweConnectionException(operation, GeweDelivery.NOT_SENT,
                    "no pooled connection to GeWe became free in time (raise maxConnections or slow the route down)",
                    failure);
        }
        if (failure instanceof ConnectException || failure instanceof UnknownHostException
                || failure instanceof NoRouteToHostException || failure instanceof SSLHandshakeException
                || failure instanceof RequestNotExecutedException) {
            return new GeweConnectionException(operation, GeweDelivery.NOT_SENT,
                    "could not reach GeWe, nothing was sent: " + describe(failure), failure);
        }
        return new GeweConnectionException(operation, GeweDelivery.UNKNOWN,
                "the connection failed before GeWe answered, the request may have been acted on: " + describe(failure),
                failure);
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
    }


    /** The pool's current figures (leased, available, pending); for tests of connection reuse. */
    PoolStats poolStats() {
        return pool.getTotalStats();
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }

    /** How the client is built: pool size, default connect timeout, proxy and TLS. */
    public static final class Settings {
        int maxConnections = 200;
        long connectTimeoutMillis = 10_000;
        String proxyScheme = "http";
        String proxyHost;
        int proxyPort;
        SSLContext sslContext;

        /** Maximum connections to GeWe (all calls go to one host, so this is also the per-host limit). */
        public Settings maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        /** The connect timeout used when a request gives none. */
        public Settings connectTimeoutMillis(long connectTimeoutMillis) {
            this.connectTimeoutMillis = connectTimeoutMillis;
            return this;
        }

        /** An HTTP proxy in front of GeWe; null host for none. */
        public Settings proxy(String scheme, String host, int port) {
            this.proxyScheme = scheme == null ? "http" : scheme;
            this.proxyHost = host;
            this.proxyPort = port;
            return this;
        }

        /** The TLS context for an https baseUrl; null for the JVM's default. */
        public Settings sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }
    }
}
