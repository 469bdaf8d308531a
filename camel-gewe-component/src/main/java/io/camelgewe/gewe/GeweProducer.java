package io.camelgewe.gewe;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import io.camelgewe.gewe.account.AccountStatus;
import io.camelgewe.gewe.account.GeweAccounts;
import io.camelgewe.gewe.catalog.GeweOperation;
import io.camelgewe.gewe.spi.FetchOrigins;
import io.camelgewe.gewe.spi.FetchedFile;
import io.camelgewe.gewe.spi.GeweClient;
import io.camelgewe.gewe.client.GeweHttpClient;
import io.camelgewe.gewe.client.GeweRequestBuilder;
import io.camelgewe.gewe.spi.GeweTimeouts;
import io.camelgewe.gewe.errors.GeweAccountOfflineException;
import io.camelgewe.gewe.errors.GeweException;
import io.camelgewe.gewe.errors.GewePacingException;
import io.camelgewe.gewe.health.AccountActivity;
import io.camelgewe.gewe.health.GeweAccountHealthCheck;
import io.camelgewe.gewe.model.SendResult;
import io.camelgewe.gewe.pacing.GewePacer;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls one GeWe operation per exchange, asynchronously: the request is resolved from the message on the caller's
 * thread, the call goes through the component's {@link GeweClient} (paced per account when pacing is on), and the
 * exchange is resumed when GeWe answers, on the component's worker pool (or on the HTTP client's I/O thread with
 * continueOnIoThread). The callback is completed exactly once on every path.
 * <p>
 * The hop to the worker is skipped where it would only cost a wake-up: after a success that ends the exchange
 * ({@link RouteEnd}), and for a transacted exchange. With synchronous=true the caller's thread waits for the answer,
 * as camel-http's does, and the route goes on there: the call itself then blocks that thread on the component's
 * classic HTTP client ({@link GeweClient#callOnCallersThread}), with no I/O thread between, unless the pacer starts it
 * from another thread (its timer, the end of the account's previous call), where it keeps the asynchronous client;
 * a fetch=true download always does. On one of the HTTP client's I/O threads, which nothing may block, a
 * synchronous=true producer works as an asynchronous one.
 * <p>
 * What this class does is the exchange binding, pacing and the hand-off; the call itself is a chain of
 * {@link CallStep}s: the plain call, wrapped by {@link CdnReuse} and {@link ImageTypeFallback} where the endpoint asks
 * for them, then {@link FetchedDownload} with fetch=true.
 */
public class GeweProducer extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(GeweProducer.class);

    private final GeweEndpoint endpoint;
    private GeweOperation operation;
    private GeweRequestBuilder builder;
    private GeweClient client;
    private CallStep calls;
    private CallStep callsHere;
    private FetchedDownload fetch;
    private GewePacer pacer;
    private Executor worker;
    private RouteEnd routeEnd;
    private boolean synchronous;
    private GeweAccounts accounts;
    private volatile GeweAccountHealthCheck lastHealth;
    private volatile AccountActivity lastActivity;

    /** @param endpoint the endpoint whose operation this producer calls */
    public GeweProducer(GeweEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        GeweConfiguration cfg = endpoint.getConfiguration();
        GeweComponent component = endpoint.getComponent();
        this.operation = endpoint.getOperation();
        this.builder = endpoint.newRequestBuilder();
        this.client = component.client(cfg);
        GeweTimeouts timeouts = new GeweTimeouts(cfg.getConnectTimeout(), cfg.getResponseTimeout(),
                cfg.getRequestTimeout(), cfg.getFetchTimeout());
        this.calls = steps(client, cfg, timeouts, component);
        // the same steps over the classic client, for the calls made on a caller's thread that waits for them
        this.callsHere = cfg.isSynchronous() ? steps(new OnCallersThread(client), cfg, timeouts, component) : null;
        this.fetch = cfg.isFetch() ? new FetchedDownload(operation, client,
                FetchOrigins.of(cfg.getDownloadBaseUrl(), cfg.getDownloadHosts()), endpoint.fetchDirectory(), timeouts)
                : null;
        this.worker = component.worker();
        this.routeEnd = new RouteEnd(endpoint);
        this.synchronous = cfg.isSynchronous();
        this.accounts = component.getAccounts();
        accountHealth(cfg.getAppId());
        this.pacer = cfg.isPacing() && (operation.isSend() || operation.isDownload()) ? component.pacer() : null;
    }

    /** The plain call through {@code via}, wrapped by the steps the endpoint asks for. */
    private CallStep steps(GeweClient via, GeweConfiguration cfg, GeweTimeouts timeouts, GeweComponent component)
            throws Exception {
        CallStep step = (exchange, values) -> via.call(operation, values, timeouts);
        if (cfg.isCdnReuse()) {
            step = new CdnReuse(step, builder, endpoint.cdnForwardOperation(), via, timeouts, component.cdnMemory());
        }
        if (cfg.isTypeFallback()) {
            step = new ImageTypeFallback(step, builder);
        }
        return step;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<Object> result;
        boolean waitHere;
        GeweAccountHealthCheck health;
        AccountActivity activity;
        Object appId = endpoint.getConfiguration().getAppId();
        try {
            Object[] values = builder.resolve(exchange);
            appId = builder.value(values, "appId");
            if (appId != null && appId.toString().isEmpty()) {
                // a first login asks GeWe for a new device with an empty appId: there is no account yet to speak of
                appId = null;
            }
            health = appId == null ? null : accountHealth(appId.toString());
            activity = appId == null ? null : activity(appId.toString());
            failIfOffline(exchange, appId);
            waitHere = synchronous && !GeweHttpClient.onIoThread();
            result = pacer != null ? paced(exchange, values, String.valueOf(appId), waitHere)
                    : waitHere ? callsHere.call(exchange, values) : calls.call(exchange, values);
            if (fetch != null) {
                // the file comes from a storage host, not from GeWe: it does not hold the account's slot
                result = result.thenCompose(r -> fetch.fetch(exchange, r));
            }
        } catch (Exception e) {
            if (appId != null && e instanceof GeweException gewe) {
                // refused before any call (invalid, pacing queue full): a failure of the account all the same
                activity(appId.toString()).failed(operation.qualifiedName(), gewe);
            }
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        String account = appId == null ? null : appId.toString();
        if (waitHere) {
            // the caller's thread waits, as with camel-http: the I/O thread only wakes it, the route goes on here
            awaitOnCaller(exchange, result, health, activity, account);
            callback.done(true);
            return true;
        }
        if (worker == null || exchange.isTransacted()) {
            // a transacted exchange is routed synchronously by Camel: its own thread waits for this callback and goes on
            // with the route itself, so a hop to a worker would only add a wake-up
            result.whenComplete((r, e) -> complete(exchange, callback, r, e, health, activity, account));
        } else {
            // the route continues on a worker: a step after this call that blocks must not hold HttpClient's I/O thread;
            // when nothing but Camel's bookkeeping follows a success, the hop would only cost a wake-up
            boolean last = routeEnd.endsWithThisCall(exchange);
            result.whenComplete((r, e) -> {
                Runnable rest = () -> complete(exchange, callback, r, e, health, activity, account);
                if (e == null && last && RouteEnd.nothingWaits(exchange)) {
                    rest.run();
                    return;
                }
                try {
                    worker.execute(rest);
                } catch (RejectedExecutionException full) {
                    // a pool that is full or shut down must not strand the exchange (CompletableFuture's own hand-off
                    // would drop it): it goes on here, as Camel's CallerRuns policy would do
                    rest.run();
                }
            });
        }
        return false;
    }

    /** Waits on the caller's thread for the outcome and puts it on the exchange; the route then goes on here. */
    private void awaitOnCaller(Exchange exchange, CompletableFuture<Object> result, GeweAccountHealthCheck health,
                               AccountActivity activity, String appId) {
        Object r = null;
        Throwable failure = null;
        try {
            // bounded all the same: the client's timeouts (and the pacing queue's) end every call
            r = result.get();
        } catch (java.util.concurrent.ExecutionException e) {
            failure = e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // the call may still reach GeWe: whether it was sent is unknown, as for any interrupted call
            failure = e;
        }
        outcome(exchange, r, failure, health, activity, appId);
    }

    /**
     * An account known OFFLINE would only have its call refused again: it fails here, before pacing and HTTP, with
     * nothing sent. Login operations go through, as they are how the account comes back.
     */
    private void failIfOffline(Exchange exchange, Object appId) {
        if (appId == null || GeweAccounts.passesWhileOffline(operation)) {
            return;
        }
        AccountStatus status = accounts.status(appId.toString());
        if (status.isOffline()) {
            exchange.getMessage().setHeader(GeweConstants.ACCOUNT_STATE, status.state().name());
            throw new GeweAccountOfflineException(operation.qualifiedName(), status.appId(), status.sinceMillis(),
                    status.reason());
        }
    }

    /** The calls, started when the account's pacing slot comes; the slot is held until they are over. */
    private CompletableFuture<Object> paced(Exchange exchange, Object[] values, String appId, boolean waitHere) {
        GewePacer.Lane lane = GewePacer.Lane.of(operation.isDownload(), builder.value(values, "toWxid"));
        CompletableFuture<Object> result = new CompletableFuture<>();
        Thread caller = Thread.currentThread();
        try {
            pacer.submit(appId, lane, permit -> {
                // the classic client only on the caller's own thread: a call the pacer starts from its timer, or on
                // the thread that ended the account's previous call, must not block that thread
                CallStep steps = waitHere && Thread.currentThread() == caller ? callsHere : calls;
                CompletableFuture<Object> call;
                try {
                    call = steps.call(exchange, values);
                } catch (RuntimeException e) {
                    permit.release();
                    result.completeExceptionally(e);
                    return;
                }
                call.whenComplete((r, e) -> {
                    try {
                        // the slot first: the route's later steps (on this thread with continueOnIoThread) must not
                        // hold the account's next send
                        permit.release();
                    } finally {
                        if (e == null) {
                            result.complete(r);
                        } else {
                            result.completeExceptionally(e);
                        }
                    }
                });
            }, reason -> result.completeExceptionally(new GewePacingException(operation.qualifiedName(), reason)));
        } catch (RejectedExecutionException full) {
            throw new GewePacingException(operation.qualifiedName(), full.getMessage());
        }
        return result;
    }

    /** The health check of an account; the last one used is kept, as most endpoints drive one account. */
    private GeweAccountHealthCheck accountHealth(String appId) {
        if (appId == null) {
            return null;
        }
        GeweAccountHealthCheck last = lastHealth;
        if (last != null && last.getAppId().equals(appId)) {
            return last;
        }
        GeweAccountHealthCheck check = endpoint.getComponent().accountHealth(client, appId);
        lastHealth = check;
        return check;
    }

    /** The activity of an account; the last one used is kept, as most endpoints drive one account. */
    private AccountActivity activity(String appId) {
        AccountActivity last = lastActivity;
        if (last != null && last.getAppId().equals(appId)) {
            return last;
        }
        AccountActivity activity = endpoint.getComponent().activity(appId);
        lastActivity = activity;
        return activity;
    }

    /**
     * Ends the exchange with the outcome, and tells the account's health check and activity: a success means GeWe
     * and the account worked; only GeWe's own refusals (not a file host's failure) say anything about the account.
     */
    private void complete(Exchange exchange, AsyncCallback callback, Object result, Throwable failure,
                          GeweAccountHealthCheck health, AccountActivity activity, String appId) {
        try {
            outcome(exchange, result, failure, health, activity, appId);
        } finally {
            resume(exchange, callback);
        }
    }

    /** Puts the outcome on the exchange, and tells the account's health check and activity. */
    private void outcome(Exchange exchange, Object result, Throwable failure, GeweAccountHealthCheck health,
                         AccountActivity activity, String appId) {
        try {
            if (failure == null) {
                if (appId != null) {
                    accounts.callSucceeded(appId, operation, result);
                }
                apply(exchange, result);
                if (health != null) {
                    health.succeeded();
                }
                if (activity != null && operation.isSend()) {
                    activity.sent(operation.qualifiedName());
                }
            } else {
                Throwable cause = GeweClient.causeOf(failure);
                if (appId != null) {
                    accounts.callFailed(appId, operation, cause);
                }
                exchange.setException(cause);
                if (health != null) {
                    health.failed(cause);
                }
                if (activity != null && cause instanceof GeweException gewe) {
                    activity.failed(operation.qualifiedName(), gewe);
                }
            }
            if (appId != null) {
                exchange.getMessage().setHeader(GeweConstants.ACCOUNT_STATE, accounts.status(appId).state().name());
            }
        } catch (Throwable t) {
            exchange.setException(t);
        }
    }

    /**
     * Goes on with the route. Camel turns what a later step throws into the exchange's exception, but not an
     * {@link Error} (an AssertionError, a NoClassDefFoundError...): on this thread nobody would see it, as the
     * CompletableFuture that runs us swallows it, and the exchange would hang without a word. Camel cannot complete
     * the exchange from here either (the steps before the error already ran), so it is said loudly.
     */
    private void resume(Exchange exchange, AsyncCallback callback) {
        try {
            callback.done(false);
        } catch (Throwable t) {
            LOG.error("Exchange {} (route {}): a step after {} threw {} on thread {}; Camel does not handle it and the "
                      + "exchange cannot complete", exchange.getExchangeId(), exchange.getFromRouteId(),
                    operation.qualifiedName(), t, Thread.currentThread().getName(), t);
        }
    }

    /** Puts a result on the exchange: the body, and the message ids as headers. */
    private static void apply(Exchange exchange, Object result) throws java.io.IOException {
        if (result instanceof FetchedFile) {
            FetchedDownload.bind(exchange, (FetchedFile) result);
            return;
        }
        Message message = exchange.getMessage();
        message.setBody(result);
        if (result instanceof SendResult) {
            SendResult sent = (SendResult) result;
            setOrRemove(message, GeweConstants.MSG_ID, sent.getMsgId());
            setOrRemove(message, GeweConstants.NEW_MSG_ID, sent.getNewMsgId());
            // a stale createTime from an earlier step would make a later revokeMsg target the wrong message
            setOrRemove(message, GeweConstants.CREATE_TIME, sent.getCreateTime());
        }
    }

    private static void setOrRemove(Message message, String header, Object value) {
        if (value == null) {
            message.removeHeader(header);
        } else {
            message.setHeader(header, value);
        }
    }
}
