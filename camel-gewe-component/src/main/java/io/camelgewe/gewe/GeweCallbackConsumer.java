package io.camelgewe.gewe;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import io.camelgewe.gewe.callback.GeweCallback;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code from("gewe:callback")}: receives the callbacks GeWe POSTs and routes each message or event as one exchange
 * whose body is a {@link GeweCallback}.
 * <p>
 * It listens through Camel's platform-http, on the HTTP server the application already runs (Camel Main with
 * camel-platform-http-main and {@code camel.server.port}, Spring Boot, Quarkus), at {@code path}. The HTTP side
 * ({@link GeweCallbackHandler}) answers pings, bad requests, filtered callbacks and GeWe's repeated pushes itself;
 * routes run on this consumer's own threads so that the answer never waits for a slow route longer than
 * {@code answerTimeout}.
 * <p>
 * Repeated pushes are dropped on {@code Appid + NewMsgId} through an {@link IdempotentRepository}, with Camel's
 * idempotent-consumer semantics: the key is added when the push is accepted (so a repeat that arrives while the first
 * is still routing is dropped too), confirmed when the route succeeds, and removed when it fails (unless
 * {@code removeOnFailure=false}) or cannot be routed at all, so that GeWe's next push of it is routed again.
 */
@ManagedResource(description = "Managed GeWe callback consumer")
public class GeweCallbackConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(GeweCallbackConsumer.class);

    private final GeweEndpoint endpoint;
    private final Stats stats = new Stats();
    private IdempotentRepository repository;
    private boolean ownRepository;
    private ExecutorService routeThreads;
    private ScheduledExecutorService timer;
    private org.apache.camel.Consumer httpConsumer;

    /**
     * @param endpoint  the gewe:callback endpoint
     * @param processor the route
     */
    public GeweCallbackConsumer(GeweEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    public GeweEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    public boolean isHostedService() {
        return true;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        GeweConfiguration cfg = endpoint.getConfiguration();
        String path = checkOptions(cfg);
        GeweCallbackFilter filter = GeweCallbackFilter.of(cfg);

        repository = cfg.getIdempotentRepository();
        ownRepository = repository == null;
        if (ownRepository) {
            repository = MemoryIdempotentRepository.memoryIdempotentRepository(cfg.getIdempotentCacheSize());
        }
        ServiceHelper.startService(repository);

        var threads = endpoint.getCamelContext().getExecutorServiceManager();
        ThreadPoolProfile profile = new ThreadPoolProfile("GeweCallback");
        profile.setPoolSize(cfg.getPoolSize());
        profile.setMaxPoolSize(cfg.getPoolSize());
        profile.setMaxQueueSize(cfg.getMaxQueueSize());
        // Camel's default, CallerRuns, would run the route on the HTTP thread and hold the answer: refuse instead
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        routeThreads = threads.newThreadPool(this, "GeweCallback", profile);
        timer = threads.newSingleThreadScheduledExecutor(this, "GeweCallbackAnswer");

        // the HTTP side is a platform-http consumer of its own, on whatever server the application runs
        Endpoint http = endpoint.getCamelContext().getEndpoint("platform-http:" + path + "?muteException=true");
        httpConsumer = http.createConsumer(new GeweCallbackHandler(this, cfg, filter));
        ServiceHelper.startService(httpConsumer);
        LOG.info("Receiving GeWe callbacks on HTTP path {} (answer after {}{})", path, cfg.getAnswerAfter(),
                cfg.getSecret() == null ? "" : ", secret required");

        if (cfg.getRegisterUrl() != null && !cfg.getRegisterUrl().isBlank()) {
            // GeWe pings the URL right after setCallback: register once every route, and the server, is up
            endpoint.getCamelContext().addStartupListener(new GeweCallbackRegistration(endpoint, this::isRunAllowed));
        }
    }

    @Override
    protected void doStop() throws Exception {
        // no new pushes first, then let the routes already accepted finish (they answer their pushes), then the
        // answers still waiting for answerTimeout go out (a scheduled executor runs its delayed tasks on shutdown)
        ServiceHelper.stopAndShutdownService(httpConsumer);
        httpConsumer = null;
        var threads = endpoint.getCamelContext().getExecutorServiceManager();
        if (routeThreads != null) {
            threads.shutdownGraceful(routeThreads);
            routeThreads = null;
        }
        if (timer != null) {
            threads.shutdownGraceful(timer);
            timer = null;
        }
        if (ownRepository) {
            ServiceHelper.stopService(repository);
        }
        super.doStop();
    }

    /** Checks the consumer's options; returns the path, with its leading slash. */
    private static String checkOptions(GeweConfiguration cfg) {
        String path = cfg.getPath() == null ? "" : cfg.getPath().strip();
        if (path.isEmpty() || !path.matches("[A-Za-z0-9._~!$'()*+,;=:@%/-]+")) {
            throw new IllegalArgumentException("gewe:callback: path must be a plain URL path such as "
                                               + GeweConfiguration.DEFAULT_CALLBACK_PATH + ", not '" + path + "'");
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
        if (cfg.getMaxBodySize() <= 0 || cfg.getPoolSize() <= 0 || cfg.getMaxQueueSize() <= 0
                || cfg.getIdempotentCacheSize() <= 0) {
            throw new IllegalArgumentException("gewe:callback: maxBodySize, poolSize, maxQueueSize and "
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
        populate(exchange.getMessage(), callback);
        try {
            routeThreads.execute(() -> getAsyncProcessor().process(exchange, doneSync -> complete(exchange, key, completed)));
        } catch (RuntimeException e) {
            releaseExchange(exchange, false);
            throw e;
        }
        stats.routed.increment();
    }

    private void complete(Exchange exchange, String key, Consumer<Boolean> completed) {
        boolean failed = exchange.isFailed() || exchange.isRollbackOnly();
        try {
            if (failed) {
                stats.failed.increment();
                if (getEndpoint().getConfiguration().isRemoveOnFailure()) {
                    forget(key);
                } else if (key != null) {
                    repository.confirm(key);
                }
                if (exchange.getException() != null) {
                    getExceptionHandler().handleException("Error routing a GeWe callback", exchange,
                            exchange.getException());
                }
            } else if (key != null) {
                repository.confirm(key);
            }
        } catch (RuntimeException e) {
            LOG.warn("GeWe callback: the idempotent repository failed after a route: {}", e.toString());
        } finally {
            releaseExchange(exchange, false);
            completed.accept(failed);
        }
    }

    /** Forgets a deduplication key, so that GeWe's next push of that message is routed. */
    void forget(String key) {
        if (key != null) {
            repository.remove(key);
        }
    }

    private static void populate(Message message, GeweCallback callback) {
        message.setBody(callback);
        setHeader(message, GeweConstants.APP_ID, callback.getAppId());
        setHeader(message, GeweConstants.TYPE_NAME, callback.getTypeName());
        setHeader(message, GeweConstants.MSG_TYPE, callback.getMsgType());
        setHeader(message, GeweConstants.FROM_WXID, callback.getFromWxid());
        setHeader(message, GeweConstants.SENDER_WXID, callback.getSenderWxid());
        setHeader(message, GeweConstants.CHATROOM_ID, callback.getChatroomId());
        setHeader(message, GeweConstants.NEW_MSG_ID, callback.getNewMsgId());
        setHeader(message, GeweConstants.MSG_ID, callback.getMsgId());
        if (callback.getCreateTime() != null) {
            message.setHeader(Exchange.MESSAGE_TIMESTAMP, callback.getCreateTime() * 1000);
        }
    }

    private static void setHeader(Message message, String name, Object value) {
        if (value != null) {
            message.setHeader(name, value);
        }
    }

    IdempotentRepository repository() {
        return repository;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    Stats stats() {
        return stats;
    }

    /** POSTs received on the path, whatever became of them. */
    @ManagedAttribute(description = "POSTs received")
    public long getReceivedCount() {
        return stats.received.sum();
    }

    /** Callbacks handed to the route. */
    @ManagedAttribute(description = "Callbacks routed")
    public long getRoutedCount() {
        return stats.routed.sum();
    }

    /** Callbacks whose route failed. */
    @ManagedAttribute(description = "Callbacks whose route failed")
    public long getFailedCount() {
        return stats.failed.sum();
    }

    /** Repeated pushes dropped. */
    @ManagedAttribute(description = "Repeated pushes dropped")
    public long getDuplicateCount() {
        return stats.duplicates.sum();
    }

    /** Callbacks the filter options dropped. */
    @ManagedAttribute(description = "Callbacks dropped by the filter options")
    public long getSkippedCount() {
        return stats.skipped.sum();
    }

    /** Requests refused: wrong method, secret, size or body, or no thread free. */
    @ManagedAttribute(description = "Requests refused (4xx, 5xx)")
    public long getRefusedCount() {
        return stats.refused.sum();
    }

    /** GeWe's registration pings answered. */
    @ManagedAttribute(description = "Registration pings answered")
    public long getPingCount() {
        return stats.pings.sum();
    }

    /** Pushes answered when answerTimeout elapsed, their route still running. */
    @ManagedAttribute(description = "Pushes answered on answerTimeout, their route still running")
    public long getAnsweredOnTimeoutCount() {
        return stats.answeredOnTimeout.sum();
    }

    /** The consumer's counters. */
    static final class Stats {
        final LongAdder received = new LongAdder();
        final LongAdder routed = new LongAdder();
        final LongAdder failed = new LongAdder();
        final LongAdder duplicates = new LongAdder();
        final LongAdder skipped = new LongAdder();
        final LongAdder refused = new LongAdder();
        final LongAdder pings = new LongAdder();
        final LongAdder answeredOnTimeout = new LongAdder();
    }
}
