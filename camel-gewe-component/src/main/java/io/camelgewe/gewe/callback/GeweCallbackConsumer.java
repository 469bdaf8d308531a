package io.camelgewe.gewe.callback;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import io.camelgewe.gewe.account.GeweAccounts;
import io.camelgewe.gewe.spi.GeweClient;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code from("gewe:callback")}: receives the callbacks GeWe POSTs and routes each message or event as one exchange
 * whose body is a {@link GeweCallback}.
 * <p>
 * It listens through Camel's platform-http, on the HTTP server the application already runs (Camel Main with
 * camel-platform-http-main and {@code camel.server.port}, Spring Boot, Quarkus), at {@code path}. The HTTP side
 * ({@link GeweCallbackHandler}) answers pings, bad requests, filtered callbacks and GeWe's repeated pushes
 * ({@link CallbackDeduplication}) itself; routes run on this consumer's own threads so that the answer never waits
 * for a slow route longer than {@code answerTimeout}. How many callbacks were routed and how many of their routes
 * failed is what Camel's route statistics count (JMX {@code ManagedRoute}); this consumer counts what happened
 * before a route, on the HTTP side.
 */
@ManagedResource(description = "Managed GeWe callback consumer")
public class GeweCallbackConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(GeweCallbackConsumer.class);

    private final GeweCallbackOptions options;
    private final BiConsumer<Message, GeweCallback> binding;
    private final Callable<GeweClient> registrationClient;
    private volatile GeweAccounts accounts;
    private CallbackDeduplication deduplication;
    private GeweCallbackHandler handler;
    private ExecutorService routeThreads;
    private org.apache.camel.Consumer httpConsumer;

    /**
     * @param endpoint           the gewe:callback endpoint
     * @param processor          the route
     * @param options            the endpoint's options
     * @param binding            puts a callback on the exchange's message (its body and headers)
     * @param registrationClient the client registerUrl is registered through, asked for once the context has started
     */
    public GeweCallbackConsumer(Endpoint endpoint, Processor processor, GeweCallbackOptions options,
                                BiConsumer<Message, GeweCallback> binding, Callable<GeweClient> registrationClient) {
        super(endpoint, processor);
        this.options = options;
        this.binding = binding;
        this.registrationClient = registrationClient;
    }

    /** The account state an Offline callback tells; set by the endpoint before start. */
    public void setAccounts(GeweAccounts accounts) {
        this.accounts = accounts;
    }

    /** Tells the account state what a push says of its account (before any filter: an Offline push counts). */
    void accountSignal(GeweCallback callback) {
        if (accounts != null && GeweMsgTypes.OFFLINE.equalsIgnoreCase(callback.getTypeName())) {
            accounts.offlineCallback(callback.getAppId());
        }
    }

    @Override
    public boolean isHostedService() {
        return true;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        String path = checkOptions(options);
        GeweCallbackFilter filter = GeweCallbackFilter.of(options);
        deduplication = new CallbackDeduplication(options.getIdempotentRepository(), options.getIdempotentCacheSize(),
                options.isRemoveOnFailure());
        ServiceHelper.startService(deduplication);

        var threads = getEndpoint().getCamelContext().getExecutorServiceManager();
        ThreadPoolProfile profile = new ThreadPoolProfile("GeweCallback");
        profile.setPoolSize(options.getPoolSize());
        profile.setMaxPoolSize(options.getPoolSize());
        profile.setMaxQueueSize(options.getMaxQueueSize());
        // Camel's default, CallerRuns, would run the route on the HTTP thread and hold the answer: refuse instead
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        routeThreads = threads.newThreadPool(this, "GeweCallback", profile);
        handler = new GeweCallbackHandler(this, options, filter, deduplication,
                threads.newSingleThreadScheduledExecutor(this, "GeweCallbackAnswer"));

        // the HTTP side is a platform-http consumer of its own, on whatever server the application runs; it leaves
        // the body unread, so that the handler checks the secret and the declared size before taking any of it in
        Endpoint http = getEndpoint().getCamelContext()
                .getEndpoint("platform-http:" + path + "?muteException=true&useBodyHandler=false");
        httpConsumer = http.createConsumer(handler);
        ServiceHelper.startService(httpConsumer);
        LOG.info("Receiving GeWe callbacks on HTTP path {} (answer after {}{})", path, options.getAnswerAfter(),
                options.getSecret() == null ? "" : ", secret required");

        if (options.getRegisterUrl() != null && !options.getRegisterUrl().isBlank()) {
            // GeWe pings the URL right after setCallback: register once every route, and the server, is up
            getEndpoint().getCamelContext().addStartupListener(
                    new GeweCallbackRegistration(options, registrationClient, this::isRunAllowed));
        }
    }

    @Override
    protected void doStop() throws Exception {
        // no new pushes first, then let the routes already accepted finish (they answer their pushes), then the
        // answers still waiting for answerTimeout go out (a scheduled executor runs its delayed tasks on shutdown)
        ServiceHelper.stopAndShutdownService(httpConsumer);
        httpConsumer = null;
        var threads = getEndpoint().getCamelContext().getExecutorServiceManager();
        if (routeThreads != null) {
            threads.shutdownGraceful(routeThreads);
            routeThreads = null;
        }
        if (handler != null) {
            threads.shutdownGraceful(handler.timer());
        }
        ServiceHelper.stopService(deduplication);
        super.doStop();
    }

    /** Checks the consumer's options; returns the path, with its leading slash. */
    private static String checkOptions(GeweCallbackOptions cfg) {
        String path = cfg.getPath() == null ? "" : cfg.getPath().strip();
        if (path.isEmpty() || !path.matches("[A-Za-z0-9._~!$'()*+,;=:@%/-]+")) {
            throw new IllegalArgumentException("gewe:callback: path must be a plain URL path such as "
                                               + GeweCallbackOptions.DEFAULT_PATH + ", not '" + path + "'");
        }
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        if (cfg.getAnswerTimeout() <= 0) {
            throw new IllegalArgumentException("gewe:callback: answerTimeout must be positive, got " + cfg.getAnswerTimeout());
        }
        if (cfg.getAnswerTimeout() >= 3000) {
            LOG.warn("gewe:callback: answerTimeout is {} ms, but GeWe drops pushes not answered within 3000 ms",
                    cfg.getAnswerTimeout());
        }
        if (cfg.getMaxBodySize() <= 0 || cfg.getReadTimeout() <= 0 || cfg.getPoolSize() <= 0
                || cfg.getMaxQueueSize() <= 0 || cfg.getIdempotentCacheSize() <= 0) {
            throw new IllegalArgumentException("gewe:callback: maxBodySize, readTimeout, poolSize, maxQueueSize and "
                                               + "idempotentCacheSize must be positive");
        }
        return path;
    }

    /**
     * Routes one callback on the consumer's threads.
     *
     * @param  callback                                        the callback
     * @param  key                                             its deduplication key, already added; null for none
     * @param  completed                                       told whether the route failed, once it has completed
     * @throws java.util.concurrent.RejectedExecutionException when every thread and the queue are busy
     */
    void dispatch(GeweCallback callback, String key, Consumer<Boolean> completed) {
        Exchange exchange = createExchange(false);
        exchange.setPattern(ExchangePattern.InOnly);
        binding.accept(exchange.getMessage(), callback);
        try {
            routeThreads.execute(() -> getAsyncProcessor().process(exchange, doneSync -> complete(exchange, key, completed)));
        } catch (RuntimeException e) {
            releaseExchange(exchange, false);
            throw e;
        }
    }

    private void complete(Exchange exchange, String key, Consumer<Boolean> completed) {
        boolean failed = exchange.isFailed() || exchange.isRollbackOnly();
        try {
            deduplication.routed(key, failed);
            if (failed && exchange.getException() != null) {
                getExceptionHandler().handleException("Error routing a GeWe callback", exchange, exchange.getException());
            }
        } finally {
            releaseExchange(exchange, false);
            completed.accept(failed);
        }
    }

    /** The HTTP path callbacks are received on. */
    public String getPath() {
        return options.getPath();
    }

    /** When a callback of each account last arrived here (epoch milliseconds), by appId. */
    public java.util.Map<String, Long> getLastArrivals() {
        return handler == null ? java.util.Map.of() : handler.stats().lastArrivals();
    }

    /** POSTs received on the path, whatever became of them. */
    @ManagedAttribute(description = "POSTs received")
    public long getReceivedCount() {
        return handler == null ? 0 : handler.stats().received.sum();
    }

    /** Repeated pushes dropped. */
    @ManagedAttribute(description = "Repeated pushes dropped")
    public long getDuplicateCount() {
        return handler == null ? 0 : handler.stats().duplicates.sum();
    }

    /** Callbacks the filter options dropped. */
    @ManagedAttribute(description = "Callbacks dropped by the filter options")
    public long getSkippedCount() {
        return handler == null ? 0 : handler.stats().skipped.sum();
    }

    /** Requests refused: wrong method, secret, size or body, a body too slow, or no thread free. */
    @ManagedAttribute(description = "Requests refused (4xx, 5xx)")
    public long getRefusedCount() {
        return handler == null ? 0 : handler.stats().refused.sum();
    }

    /** Pushes whose reading threw (an error such as a stack overflow or an exhausted heap), answered 400. */
    @ManagedAttribute(description = "Pushes whose reading threw an exception or an error, answered 400")
    public long getUnreadableCount() {
        return handler == null ? 0 : handler.stats().unreadable.sum();
    }

    /** GeWe's registration pings answered. */
    @ManagedAttribute(description = "Registration pings answered")
    public long getPingCount() {
        return handler == null ? 0 : handler.stats().pings.sum();
    }

    /** Pushes answered when answerTimeout elapsed, their route still running. */
    @ManagedAttribute(description = "Pushes answered on answerTimeout, their route still running")
    public long getAnsweredOnTimeoutCount() {
        return handler == null ? 0 : handler.stats().answeredOnTimeout.sum();
    }
}
