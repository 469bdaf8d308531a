package io.camelgewe.gewe.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;

import io.camelgewe.gewe.spi.FetchedFile;
import io.camelgewe.gewe.spi.GeweTimeouts;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.RequestNotExecutedException;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.net.URIAuthority;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.apache.hc.core5.http.nio.RequestChannel;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolStats;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.reactor.IOReactorShutdownException;
import org.apache.hc.core5.reactor.IOReactorStatus;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport: one pooled Apache HttpClient 5 async client per component, the one place where requests are sent.
 * <p>
 * No thread waits on GeWe: replies arrive on the client's I/O threads and complete the caller's future there.
 * Automatic retries are off, because a POST to GeWe that is retried by the transport can send a WeChat message twice;
 * retrying is the route's decision (see {@code GeweDelivery}).
 * <p>
 * Nothing from the network is trusted to be small or quick: GeWe's answer is refused once it grows past
 * {@code maxResponseSize}; every call has a deadline ({@code requestTimeout}) and every fetch its own
 * ({@code fetchTimeout}), at which its future completes and its exchange is cancelled: the connection is dropped, at
 * the latest with the next bytes of the answer or after responseTimeout of silence. If the I/O
 * reactor stops under the component (an Error on one of its threads, an outside close), the calls it held fail and
 * the next call starts a new client. Failures say whether the request may have reached GeWe by what is known of it:
 * a request whose body was never written cannot have ({@link TransportFailures}).
 */
public final class GeweHttpClient implements Closeable {

    /** The largest answer accepted from GeWe unless the component says otherwise: 8 MiB. */
    public static final int DEFAULT_MAX_RESPONSE_SIZE = 8 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(GeweHttpClient.class);
    private static final AtomicInteger CLIENTS = new AtomicInteger();
    /** Set on the I/O threads of every client, which nothing may block. */
    private static final ThreadLocal<Boolean> IO_THREAD = new ThreadLocal<>();

    private final Settings settings;
    private final CallDeadlines deadlines;
    private final int id = CLIENTS.incrementAndGet();
    private final AtomicInteger threads = new AtomicInteger();
    private final Object lock = new Object();
    private volatile Reactor reactor;
    private boolean closed;

    /**
     * @param settings pool size, proxy, TLS, the answer size limit and the scheduler of deadlines
     */
    public GeweHttpClient(Settings settings) {
        if (settings.deadlines == null) {
            throw new IllegalArgumentException("the HTTP client needs a scheduler for its deadlines");
        }
        if (settings.maxResponseSize < 1) {
            throw new IllegalArgumentException("maxResponseSize must be at least 1 byte, not " + settings.maxResponseSize);
        }
        this.settings = settings;
        this.deadlines = new CallDeadlines(settings.deadlines);
        this.reactor = new Reactor();
    }

    /**
     * Posts a JSON body. The future completes on one of the client's I/O threads with what {@code read} makes of
     * GeWe's answer (at most maxResponseSize bytes), or exceptionally with a {@code GeweException} (the transport's,
     * or the one {@code read} threw); nothing waits for it.
     *
     * @param operation   the operation's qualified name, for messages
     * @param uri         where to post
     * @param json        the request body
     * @param tokenHeader the X-GEWE-TOKEN header (its toString() must not show the token)
     * @param config      the connect and response timeouts of this request
     * @param timeouts    the limits, of which requestMillis is the call's deadline
     * @param read        turns the answer into the call's result, on the I/O thread, as the call completes (one stage,
     *                    not a second future chained to the first)
     */
    <R> CompletableFuture<R> post(String operation, PostTarget target, byte[] json, Header tokenHeader,
                                  RequestConfig config, GeweTimeouts timeouts,
                                  Function<BoundedReplyConsumer.Reply, R> read) {
        return new Call<BoundedReplyConsumer.Reply, R>(operation, timeouts, false,
                () -> SimpleRequestProducer.create(target.request(json, tokenHeader, config)),
                () -> new BoundedReplyConsumer(settings.maxResponseSize), read, null).start();
    }

    /**
     * Where one operation is posted, taken apart once. Built from its URL on every call, a request has the URL parsed
     * into scheme, authority and path, and HttpClient formats the Host header from the authority again as it sends:
     * together about 2% of the component's CPU per call at 64 in flight, for the same answer every time.
     */
    static final class PostTarget {
        private final URI uri;
        private final String scheme;
        private final URIAuthority authority;
        private final String path;
        /** Null for a URL that names a user: HttpClient's own steps see it, and refuse it, as they always did. */
        private final Header host;

        PostTarget(URI uri) {
            this.uri = uri;
            // the parts exactly as HttpClient's builder takes them from the URL
            SimpleHttpRequest parsed = SimpleRequestBuilder.post(uri).build();
            this.scheme = parsed.getScheme();
            this.authority = parsed.getAuthority();
            this.path = parsed.getPath();
            this.host = authority == null || authority.getUserInfo() != null ? null
                    : new BasicHeader(HttpHeaders.HOST, authority.toString());
        }

        /** The URL, for the classic client and for messages. */
        URI uri() {
            return uri;
        }

        SimpleHttpRequest request(byte[] json, Header tokenHeader, RequestConfig config) {
            if (host == null) {
                return SimpleRequestBuilder.post(uri).setBody(json, ContentType.APPLICATION_JSON).setHeader(tokenHeader)
                        .setRequestConfig(config).build();
            }
            SimpleHttpRequest request = new SimpleHttpRequest(Method.POST.name(), scheme, authority, path);
            request.setBody(json, ContentType.APPLICATION_JSON);
            request.addHeader(tokenHeader);
            // what HttpClient's RequestTargetHost would add, formatted once: it adds none when one is there
            request.addHeader(host);
            request.setConfig(config);
            return request;
        }
    }

    /**
     * Downloads a file into {@code directory} as it arrives, never holding it whole in memory. No token is sent: the
     * file lives on a storage host, not on GeWe. The URL must have been checked ({@link DownloadPolicy}).
     *
     * @param operation the download operation's qualified name, for messages
     * @param uri       the file's URL
     * @param config    the connect and response timeouts of this request
     * @param timeouts  the limits, of which fetchMillis is the fetch's deadline
     * @param directory where the file is written (a new temporary file)
     */
    CompletableFuture<FetchedFile> fetch(String operation, URI uri, RequestConfig config, GeweTimeouts timeouts,
                                         Path directory) {
        SimpleHttpRequest request = SimpleRequestBuilder.get(uri).setRequestConfig(config).build();
        return new Call<FetchedFile, FetchedFile>(operation, timeouts, true, () -> SimpleRequestProducer.create(request),
                () -> new FileResponseConsumer(uri, directory), Function.identity(), GeweHttpClient::delete).start();
    }

    private static void delete(FetchedFile file) {
        try {
            Files.deleteIfExists(file.path());
        } catch (IOException ignored) {
            // a temporary file in the spool folder, which is the user's to clean
        }
    }

    /** The calls in flight on a reactor. */
    private List<Call<?, ?>> callsOn(Reactor r) {
        List<Call<?, ?>> on = new java.util.ArrayList<>();
        deadlines.forEach(d -> {
            if (d instanceof Call<?, ?> call && call.on == r) {
                on.add(call);
            }
        });
        return on;
    }

    /** The client calls go through: the current one, or a new one when the current one's reactor has stopped. */
    private Reactor current() {
        Reactor r = reactor;
        if (r.usable()) {
            return r;
        }
        synchronized (lock) {
            if (closed) {
                throw new CancellationException("the HTTP client is closed");
            }
            r = reactor;
            if (!r.usable()) {
                Reactor stopped = r;
                stopped.stopped("found " + stopped.client.getStatus() + " as a call began", null);
                r = new Reactor();
                reactor = r;
                LOG.warn("GeWe HTTP client {}: the I/O reactor of {} had stopped; calls go through {} from now on", id,
                        stopped, r);
            }
            return r;
        }
    }

    /**
     * Whether this thread is one of the I/O threads of a component's client (a route that goes on after a call with
     * continueOnIoThread, or completes there): a call made here must not wait for GeWe, it would hold up every call
     * of that thread.
     */
    public static boolean onIoThread() {
        return IO_THREAD.get() != null;
    }

    /** The pool's current figures (leased, available, pending); for tests of connection reuse. */
    PoolStats poolStats() {
        return reactor.pool.getTotalStats();
    }

    /** The async client calls go through now; for tests that stop it under the component. */
    CloseableHttpAsyncClient currentClient() {
        return reactor.client;
    }

    /** Runs a request on the current client with a consumer of the test's (one whose callback throws, say). */
    <T> Future<T> execute(AsyncRequestProducer request, AsyncResponseConsumer<T> consumer,
                          FutureCallback<T> callback) {
        return current().client.execute(request, consumer, null, null, callback);
    }

    @Override
    public void close() {
        Reactor r;
        synchronized (lock) {
            closed = true;
            r = reactor;
        }
        r.close(CloseMode.GRACEFUL);
        // a call the closed client did not complete must not hang
        r.failCalls("the component stopped", null);
    }

    /**
     * One HttpClient 5 async client and its pool, and the calls in flight on it. Its threads report their own end: a
     * reactor thread ends only when the reactor stops, and if that was not the component's doing, the calls it held
     * would otherwise never complete.
     */
    private final class Reactor {
        private final CloseableHttpAsyncClient client;
        private final PoolingAsyncClientConnectionManager pool;
        private final AtomicBoolean stopped = new AtomicBoolean();
        private volatile boolean closing;

        Reactor() {
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
            ThreadFactory tf = r -> {
                Thread t = new Thread(() -> {
                    Throwable error = null;
                    IO_THREAD.set(Boolean.TRUE);
                    try {
                        r.run();
                    } catch (Throwable e) {
                        error = e;
                        throw e;
                    } finally {
                        threadEnded(error);
                    }
                }, "gewe-http-" + id + "-" + threads.incrementAndGet());
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
                    // a redirect would lead a fetch past the hosts DownloadPolicy allows, and a POST nowhere useful
                    .disableRedirectHandling()
                    .disableCookieManagement()
                    .disableAuthCaching()
                    .disableConnectionState()
                    // nothing here answers an authentication challenge: HttpClient's step would only prepare for one
                    .replaceExecInterceptor(ChainElement.PROTOCOL.name(), new TokenOnlyProtocolExec())
                    .evictIdleConnections(TimeValue.ofSeconds(30));
            if (settings.proxyHost != null && !settings.proxyHost.isEmpty()) {
                builder.setProxy(new HttpHost(settings.proxyScheme, settings.proxyHost, settings.proxyPort));
            }
            this.client = builder.build();
            this.client.start();
        }

        /** Whether calls can go through this client: starting or running, and none of its threads has ended. */
        boolean usable() {
            return !stopped.get() && client.getStatus().compareTo(IOReactorStatus.SHUTTING_DOWN) < 0;
        }

        private void threadEnded(Throwable error) {
            if (!closing) {
                stopped(error == null ? "thread " + Thread.currentThread().getName() + " ended"
                        : Thread.currentThread().getName() + " died of " + error, error);
            }
        }

        /** Fails the calls in flight and closes what is left of the client, once. */
        void stopped(String why, Throwable error) {
            if (!stopped.compareAndSet(false, true)) {
                return;
            }
            LOG.error("GeWe HTTP client {}: the I/O reactor of {} stopped ({}); its {} calls in flight fail, the next "
                      + "call starts a new client", id, this, why, callsOn(this).size(), error);
            failCalls(why, error);
            try {
                // not on this thread: it may be one of the reactor's own
                settings.deadlines.execute(() -> close(CloseMode.IMMEDIATE));
            } catch (RejectedExecutionException stopping) {
                close(CloseMode.IMMEDIATE);
            }
        }

        void failCalls(String why, Throwable error) {
            for (Call<?, ?> call : callsOn(this)) {
                call.finish(null, new TransportFailures.ReactorStopped(why, error));
            }
        }

        void close(CloseMode mode) {
            closing = true;
            client.close(mode);
        }

        @Override
        public String toString() {
            return client.getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(client));
        }
    }

    /**
     * One call or fetch: its attempts on the client, its deadline, and the one completion of its future, whichever
     * comes first of the answer, a failure, the deadline and the reactor stopping.
     * <p>
     * Once it is over nothing more goes out or comes in for it: a body not yet written is refused (so a call reported
     * NOT_SENT can never leave afterwards), and the next bytes of its answer fail the exchange, which drops the
     * connection. HttpClient's own cancel is tried too, but in 5.5 it can miss an exchange whose connection was made
     * on another I/O thread while {@code execute} returned; the guards do not depend on it.
     */
    private final class Call<T, R> extends CallDeadlines.Deadline implements FutureCallback<T> {
        private final String operation;
        private final GeweTimeouts timeouts;
        private final boolean fetch;
        private final Supplier<AsyncRequestProducer> requests;
        private final Supplier<AsyncResponseConsumer<T>> consumers;
        private final Function<T, R> read;
        private final Consumer<T> discard;
        private final CompletableFuture<R> result = new CompletableFuture<>();
        // guarded by this: whether the body started to be written, and whether the call is over, change together
        private boolean written;
        private boolean over;
        private volatile Future<T> http;
        private volatile Reactor on;
        private boolean retried;

        Call(String operation, GeweTimeouts timeouts, boolean fetch, Supplier<AsyncRequestProducer> requests,
             Supplier<AsyncResponseConsumer<T>> consumers, Function<T, R> read, Consumer<T> discard) {
            this.operation = operation;
            this.timeouts = timeouts;
            this.fetch = fetch;
            this.requests = requests;
            this.consumers = consumers;
            this.read = read;
            this.discard = discard;
        }

        CompletableFuture<R> start() {
            long millis = fetch ? timeouts.fetchMillis() : timeouts.requestMillis();
            try {
                deadlines.start(this, millis);
            } catch (RejectedExecutionException stopping) {
                finish(null, new CancellationException("the component is stopping"));
                return result;
            }
            attempt();
            return result;
        }

        private void attempt() {
            Reactor r;
            try {
                r = current();
            } catch (RuntimeException e) {
                finish(null, e);
                return;
            }
            // the call is among the deadlines since start(): from here on, failCalls of this reactor finds it
            on = r;
            if (!r.usable()) {
                // it stopped between current() and here, perhaps before it failed the calls it knew
                finish(null, new TransportFailures.ReactorStopped("it stopped as the call began", null));
                return;
            }
            synchronized (this) {
                written = false;
            }
            try {
                http = r.client.execute(new WriteMark(requests.get()), new Guarded(consumers.get()), null, null, this);
            } catch (RuntimeException e) {
                failed(e);
            }
            if (isOver()) {
                // the deadline came while the request was handed over
                cancel();
            }
        }

        private synchronized boolean isOver() {
            return over;
        }

        @Override
        public void completed(T value) {
            finish(value, null);
        }

        @Override
        public void failed(Exception ex) {
            // a request the client reports as not executed (a pooled connection the server or a proxy had closed)
            // provably never left: it is sent once more on a fresh connection, which cannot send it twice
            if (ex instanceof RequestNotExecutedException && !retried && !isOver()) {
                retried = true;
                attempt();
                return;
            }
            if (ex instanceof IOReactorShutdownException) {
                on.stopped("one of its I/O threads had shut down", ex);
            }
            finish(null, ex);
        }

        @Override
        public void cancelled() {
            finish(null, new CancellationException("the HTTP client is shutting down"));
        }

        @Override
        void expire() {
            long millis = fetch ? timeouts.fetchMillis() : timeouts.requestMillis();
            if (finish(null, new TransportFailures.DeadlineExceeded(millis))) {
                cancel();
            }
        }

        private void cancel() {
            Future<T> h = http;
            if (h != null) {
                h.cancel(true);
            }
        }

        /** Completes the future, if nothing else did first; true if this did. */
        boolean finish(T value, Throwable failure) {
            boolean sent;
            synchronized (this) {
                if (over) {
                    if (value != null && discard != null) {
                        // a file that completed after the deadline has no one to take it
                        discard.accept(value);
                    }
                    return false;
                }
                over = true;
                sent = written;
            }
            deadlines.cancel(this);
            if (failure == null) {
                R r;
                try {
                    r = read.apply(value);
                } catch (Throwable e) {
                    // GeWe's refusal, or an answer that is not GeWe's; an Error too, as a chained stage would take
                    // it: whatever is thrown here, the call must still end
                    result.completeExceptionally(e);
                    return true;
                }
                result.complete(r);
            } else {
                result.completeExceptionally(TransportFailures.translate(operation, failure, fetch, sent, timeouts));
            }
            return true;
        }

        /** Thrown into the exchange of a call that is over: HttpClient then fails it and drops its connection. */
        private IOException ended() {
            return new InterruptedIOException("the call had ended (its deadline passed or its I/O reactor stopped)");
        }

        /** Notes when the body starts to be written, and writes none for a call that is over. */
        private final class WriteMark implements AsyncRequestProducer {
            private final AsyncRequestProducer request;

            WriteMark(AsyncRequestProducer request) {
                this.request = request;
            }

            @Override
            public void sendRequest(RequestChannel channel, HttpContext context) throws HttpException, IOException {
                request.sendRequest(channel, context);
            }

            @Override
            public boolean isRepeatable() {
                return request.isRepeatable();
            }

            @Override
            public void failed(Exception cause) {
                request.failed(cause);
            }

            @Override
            public int available() {
                return request.available();
            }

            @Override
            public void produce(DataStreamChannel channel) throws IOException {
                // HttpClient asks for the body once the request head is on the connection; GeWe cannot act on a head
                synchronized (Call.this) {
                    if (over) {
                        throw ended();
                    }
                    written = true;
                }
                request.produce(channel);
            }

            @Override
            public void releaseResources() {
                request.releaseResources();
            }
        }

        /** Passes the answer on while the call lasts; after that, its next bytes end the exchange. */
        private final class Guarded implements AsyncResponseConsumer<T> {
            private final AsyncResponseConsumer<T> consumer;

            Guarded(AsyncResponseConsumer<T> consumer) {
                this.consumer = consumer;
            }

            private void check() throws IOException {
                if (isOver()) {
                    throw ended();
                }
            }

            @Override
            public void consumeResponse(HttpResponse response, EntityDetails entityDetails, HttpContext context,
                                        FutureCallback<T> resultCallback) throws HttpException, IOException {
                check();
                consumer.consumeResponse(response, entityDetails, context, resultCallback);
            }

            @Override
            public void informationResponse(HttpResponse response, HttpContext context)
                    throws HttpException, IOException {
                consumer.informationResponse(response, context);
            }

            @Override
            public void failed(Exception cause) {
                consumer.failed(cause);
            }

            @Override
            public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
                consumer.updateCapacity(capacityChannel);
            }

            @Override
            public void consume(ByteBuffer src) throws IOException {
                check();
                consumer.consume(src);
            }

            @Override
            public void streamEnd(List<? extends Header> trailers) throws HttpException, IOException {
                check();
                consumer.streamEnd(trailers);
            }

            @Override
            public void releaseResources() {
                consumer.releaseResources();
            }
        }
    }

    /** How the client is built: pool size, default connect timeout, proxy, TLS, the answer limit and the deadlines. */
    public static final class Settings {
        int maxConnections = 200;
        long connectTimeoutMillis = 10_000;
        String proxyScheme = "http";
        String proxyHost;
        int proxyPort;
        SSLContext sslContext;
        int maxResponseSize = DEFAULT_MAX_RESPONSE_SIZE;
        ScheduledExecutorService deadlines;

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

        /** The largest answer accepted from GeWe, in bytes; a larger one is refused as it arrives. */
        public Settings maxResponseSize(int maxResponseSize) {
            this.maxResponseSize = maxResponseSize;
            return this;
        }

        /**
         * The scheduler the deadlines of calls and fetches run on. A call that reaches its deadline completes on it,
         * so nothing may block there; the client does not shut it down.
         */
        public Settings deadlines(ScheduledExecutorService deadlines) {
            this.deadlines = deadlines;
            return this;
        }
    }
}
