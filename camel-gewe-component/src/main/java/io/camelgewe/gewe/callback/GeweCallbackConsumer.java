package io.camelgewe.gewe.callback;

import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;

import io.camelgewe.gewe.account.GeweAccounts;
import io.camelgewe.gewe.spi.GeweClient;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
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
 * ({@link CallbackDeduplication}) itself; routes run on this consumer's own threads, or, with answerAfter=COMPLETION
 * on Vert.x, on the HTTP server's worker that waits for the answer anyway (up to poolSize at once, a deadline thread
 * answering at answerTimeout), so that the answer never waits for a slow route longer than {@code answerTimeout}. How many callbacks were routed and how many of their routes
 * failed is what Camel's route statistics count (JMX {@code ManagedRoute}); this consumer counts what happened
 * before a route, on the HTTP side.
 */
@ManagedResource(description = "Managed GeWe callback consumer")
public class GeweCallbackConsumer extends DefaultConsumer implements HealthCheckAware {

    /** Dead letters: why the push was refused (never quoting it). */
    public static final String REFUSED_REASON = "CamelGeweRefusedReason";
    /** Dead letters: the HTTP status GeWe was answered. */
    public static final String REFUSED_STATUS = "CamelGeweRefusedStatus";
    /** Dead letters: the HTTP path the push was posted to. */
    public static final String CALLBACK_PATH = "CamelGeweCallbackPath";

    private static final Logger LOG = LoggerFactory.getLogger(GeweCallbackConsumer.class);

    private final GeweCallbackOptions options;
    private final BiConsumer<Message, GeweCallback> binding;
    private final Callable<GeweClient> registrationClient;
    private volatile GeweAccounts accounts;
    private CallbackDeduplication deduplication;
    private GeweCallbackHandler handler;
    private ExecutorService routeThreads;
    /** How many routes may run on the HTTP server's threads at once (answerAfter=COMPLETION, Vert.x): poolSize. */
    private Semaphore routeSlots;
    private ExecutorService deadlineThread;
    private org.apache.camel.Consumer httpConsumer;
    /** The Vert.x intake, typed loosely: Vert.x is an optional dependency. */
    private CallbackBody.Prefetch intake;
    private ScheduledExecutorService livenessTimer;
    private volatile CallbackPingWatch pingWatch;
    private volatile GeweCallbackRegistration registration;
    private AsyncProducer deadLetter;
    private final LongAdder deadLettered = new LongAdder();
    private final LongAdder deadLetterFailed = new LongAdder();
    private volatile CallbackSilenceWatch silenceWatch;
    private volatile Predicate<String> expectsCallbacks = appId -> true;

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
        if (options.getDeadLetterUri() != null && !options.getDeadLetterUri().isBlank()) {
            deadLetter = getEndpoint().getCamelContext().getEndpoint(options.getDeadLetterUri().strip())
                    .createAsyncProducer();
            ServiceHelper.startService(deadLetter);
        }
        handler = new GeweCallbackHandler(this, options, filter, deduplication);
        routeSlots = new Semaphore(options.getPoolSize());
        if (handler.deadlines() != null) {
            deadlineThread = threads.newSingleThreadExecutor(this, "GeweCallbackDeadline");
            deadlineThread.execute(handler.deadlines());
        }

        // the HTTP side is a platform-http consumer of its own, on whatever server the application runs; it leaves
        // the body unread, so that the handler checks the secret and the declared size before taking any of it in
        Endpoint http = getEndpoint().getCamelContext()
                .getEndpoint("platform-http:" + path + "?muteException=true&useBodyHandler=false");
        httpConsumer = http.createConsumer(handler);
        if (CallbackBody.VERTX) {
            intake = VertxCallbackIntake.register(getEndpoint().getCamelContext(), http, path, handler,
                    options.getMaxBodySize(), options.getReadTimeout());
            handler.setPrefetch(intake);
        }
        ServiceHelper.startService(httpConsumer);
        LOG.info("Receiving GeWe callbacks on HTTP path {} (answer after {}{})", path, options.getAnswerAfter(),
                options.getSecret() == null ? "" : ", secret required");

        if (options.getRegisterUrl() != null && !options.getRegisterUrl().isBlank()) {
            // GeWe pings the URL right after setCallback: register once every route, and the server, is up
            CallbackPingWatch watch = new CallbackPingWatch(() -> handler.stats().pings.sum(), this::isRunAllowed,
                    livenessTimer(), options.getPingTimeout());
            pingWatch = watch;
            registration = new GeweCallbackRegistration(options, registrationClient, this::isRunAllowed, watch);
            getEndpoint().getCamelContext().addStartupListener(registration);
        }
        if (options.getSilenceTimeout() > 0 || options.getArrivalRepository() != null) {
            startSilenceWatch(path);
        }
    }

    @Override
    protected void doStop() throws Exception {
        // no new pushes first, then let the routes already accepted finish (they answer their pushes; an answer
        // waiting for answerTimeout goes out at it, on the HTTP server's thread that waits for it)
        if (intake != null) {
            ((VertxCallbackIntake) intake).remove();
            intake = null;
        }
        ServiceHelper.stopAndShutdownService(httpConsumer);
        httpConsumer = null;
        var threads = getEndpoint().getCamelContext().getExecutorServiceManager();
        if (silenceWatch != null) {
            silenceWatch.save();
            silenceWatch = null;
        }
        if (livenessTimer != null) {
            // a ping or silence check due after the stop has nothing left to say
            threads.shutdownNow(livenessTimer);
            livenessTimer = null;
        }
        registration = null;
        if (routeThreads != null) {
            threads.shutdownGraceful(routeThreads);
            routeThreads = null;
        }
        if (deadlineThread != null) {
            // the routes still running on the server's threads answer when they complete
            handler.deadlines().stop();
            threads.shutdownNow(deadlineThread);
            deadlineThread = null;
        }
        ServiceHelper.stopAndShutdownService(deadLetter);
        deadLetter = null;
        ServiceHelper.stopService(deduplication);
        super.doStop();
    }

    private ScheduledExecutorService livenessTimer() {
        if (livenessTimer == null) {
            livenessTimer = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newSingleThreadScheduledExecutor(this, "GeweCallbackLiveness");
        }
        return livenessTimer;
    }

    private void startSilenceWatch(String path) {
        long timeout = options.getSilenceTimeout();
        GeweCallbackRegistration again = registration;
        Runnable reregister = options.isReregisterOnSilence() && again != null ? again::reregister : null;
        Set<String> own = registration != null && options.getAppId() != null ? Set.of(options.getAppId()) : Set.of();
        GeweCallbackHandler.Stats stats = handler.stats();
        CallbackSilenceWatch watch = new CallbackSilenceWatch(path, timeout > 0 ? timeout : Long.MAX_VALUE,
                stats::lastArrivals, own, options.getArrivalRepository(), reregister, System::currentTimeMillis);
        // an account known to be offline (a refused send, an Offline push) gets no pushes: its silence says nothing
        watch.setExpectsCallbacks(appId -> expectsCallbacks.test(appId) && (accounts == null || !accounts.isOffline(appId)));
        // a FileStateRepository reads its file when started; a user's repository is theirs to stop
        ServiceHelper.startService(options.getArrivalRepository());
        watch.load().forEach(stats::restore);
        silenceWatch = watch;
        // often enough that a silence is reported within a quarter of silenceTimeout, never busier than 10 a second
        long every = timeout > 0 ? Math.max(100, Math.min(timeout / 4, 60_000)) : 60_000;
        Runnable task = timeout > 0 ? watch::check : watch::save;
        livenessTimer().scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("GeWe callback on {}: the silence check failed: {}", path, e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * The hook that says whether an account (appId) expects callbacks now, for silenceTimeout: by default every
     * account heard from before and the endpoint's appId with registerUrl. An account the component's account state
     * knows to be offline expects none, whatever this says.
     */
    public void setExpectsCallbacks(Predicate<String> expectsCallbacks) {
        this.expectsCallbacks = expectsCallbacks == null ? appId -> true : expectsCallbacks;
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

    /**
     * Takes one of the poolSize slots for a route on the calling (HTTP server's) thread; false when all are taken.
     * They bound how many of the server's threads routes hold, a slow route holding its thread past answerTimeout.
     */
    boolean takeRouteSlot() {
        return routeSlots.tryAcquire();
    }

    /**
     * Routes one callback on the calling thread, in a slot {@link #takeRouteSlot taken} for it (and given back when
     * the route completes).
     *
     * @param  callback  the callback
     * @param  key       its deduplication key, already added; null for none
     * @param  completed told whether the route failed and whether it completed within this call
     * @return           whether the route completed within this call (Camel's doneSync)
     */
    boolean routeHere(GeweCallback callback, String key, BiConsumer<Boolean, Boolean> completed) {
        Exchange exchange;
        try {
            exchange = createExchange(false);
            exchange.setPattern(ExchangePattern.InOnly);
            binding.accept(exchange.getMessage(), callback);
        } catch (RuntimeException e) {
            routeSlots.release();
            throw e;
        }
        return getAsyncProcessor().process(exchange, doneSync -> {
            routeSlots.release();
            complete(exchange, key, failed -> completed.accept(failed, doneSync));
        });
    }

    /**
     * Sends a refused push's raw bytes to deadLetterUri, on the route threads so that GeWe's answer never waits for
     * it; nothing when there is no deadLetterUri. A dead letter that cannot be sent is counted and logged in one line.
     *
     * @param body   the bytes as they arrived, within maxBodySize
     * @param status the HTTP status GeWe was answered
     * @param reason why the push was refused, never quoting it
     */
    void deadLetter(byte[] body, int status, String reason) {
        AsyncProducer producer = deadLetter;
        if (producer == null) {
            return;
        }
        Exchange exchange = producer.getEndpoint().createExchange(ExchangePattern.InOnly);
        exchange.getMessage().setBody(body);
        exchange.getMessage().setHeader(REFUSED_REASON, reason);
        exchange.getMessage().setHeader(REFUSED_STATUS, status);
        exchange.getMessage().setHeader(CALLBACK_PATH, getPath());
        try {
            routeThreads.execute(() -> producer.process(exchange, doneSync -> {
                if (exchange.getException() != null) {
                    deadLetterFailed.increment();
                    LOG.warn("GeWe callback on {}: a refused push ({} bytes) could not be sent to deadLetterUri: {}",
                            getPath(), body.length, exchange.getException().toString());
                } else {
                    deadLettered.increment();
                }
            }));
        } catch (RuntimeException e) {
            deadLetterFailed.increment();
            LOG.warn("GeWe callback on {}: a refused push ({} bytes) was not sent to deadLetterUri: {}", getPath(),
                    body.length, e.toString());
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

    /**
     * Whether GeWe could not reach registerUrl: it accepted the registration, and no ping arrived within
     * pingTimeout (false again once one does; false without registerUrl).
     */
    @ManagedAttribute(description = "GeWe accepted registerUrl but its ping did not arrive within pingTimeout")
    public boolean isPingMissing() {
        CallbackPingWatch watch = pingWatch;
        return watch != null && watch.isPingMissing();
    }

    /**
     * The consumer's liveness for Camel's consumer health checks: DOWN while GeWe's registration ping is missing or
     * an account is silent (see pingTimeout, silenceTimeout), UP otherwise.
     */
    @Override
    public HealthCheck getHealthCheck() {
        return new GeweCallbackHealthCheck(getPath(), this::isPingMissing, this::getSilentAccounts);
    }

    /** The accounts that expect callbacks and sent none for silenceTimeout, comma-separated; empty for none. */
    @ManagedAttribute(description = "Accounts that expect callbacks and sent none for silenceTimeout")
    public String getSilentAccounts() {
        CallbackSilenceWatch watch = silenceWatch;
        return watch == null || options.getSilenceTimeout() <= 0 ? "" : String.join(",", watch.silentAccounts());
    }

    /** Refused pushes sent to deadLetterUri. */
    @ManagedAttribute(description = "Refused pushes sent to deadLetterUri with their raw bytes")
    public long getDeadLetterCount() {
        return deadLettered.sum();
    }

    /** Refused pushes that could not be sent to deadLetterUri (lost). */
    @ManagedAttribute(description = "Refused pushes that could not be sent to deadLetterUri")
    public long getDeadLetterFailedCount() {
        return deadLetterFailed.sum();
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
