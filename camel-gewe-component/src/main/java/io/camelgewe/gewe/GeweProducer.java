package io.camelgewe.gewe;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;

import io.camelgewe.gewe.catalog.GeweCatalog;
import io.camelgewe.gewe.catalog.GeweOperation;
import io.camelgewe.gewe.client.CdnMemory;
import io.camelgewe.gewe.client.FetchedFile;
import io.camelgewe.gewe.client.GeweHttpClient;
import io.camelgewe.gewe.client.GeweReplyReader;
import io.camelgewe.gewe.client.GeweRequestBuilder;
import io.camelgewe.gewe.errors.GeweApiException;
import io.camelgewe.gewe.errors.GeweDelivery;
import io.camelgewe.gewe.errors.GeweException;
import io.camelgewe.gewe.errors.GewePacingException;
import io.camelgewe.gewe.errors.GeweResponseException;
import io.camelgewe.gewe.health.GeweAccountHealthCheck;
import io.camelgewe.gewe.model.CdnSendResult;
import io.camelgewe.gewe.model.DownloadResult;
import io.camelgewe.gewe.model.ImageSendResult;
import io.camelgewe.gewe.model.SendResult;
import io.camelgewe.gewe.model.VideoSendResult;
import io.camelgewe.gewe.pacing.GewePacer;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls one GeWe operation per exchange, asynchronously: the request is built and validated on the caller's thread,
 * sent without blocking, and the exchange is resumed when GeWe answers, on the component's worker pool (or on the HTTP
 * client's I/O thread with continueOnIoThread). The callback is completed exactly once on every path.
 * <p>
 * Optional steps compose around the call without blocking: CDN reuse (a forward instead of a full media send), image
 * type fallback (downloadImage), and fetching the downloaded file.
 */
public class GeweProducer extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(GeweProducer.class);

    /** The header GeWe reads its token from. */
    static final String TOKEN_HEADER = "X-GEWE-TOKEN";

    private final GeweEndpoint endpoint;
    private GeweOperation operation;
    private GeweHttpClient client;
    private Header tokenHeader;
    private RequestConfig requestConfig;
    private Call call;
    private Call forward;
    private CdnMemory cdn;
    private Path fetchDirectory;
    private URI downloadBase;
    private GewePacer pacer;
    private java.util.concurrent.Executor worker;
    private Call checkOnline;
    private volatile GeweAccountHealthCheck lastHealth;

    /** @param endpoint the endpoint whose operation this producer calls */
    public GeweProducer(GeweEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        GeweConfiguration cfg = endpoint.getConfiguration();
        if (cfg.getToken() == null || cfg.getToken().isBlank()) {
            throw new IllegalArgumentException("gewe:" + cfg.getOperation() + " needs a GeWe token: set it on the "
                                               + "component (camel.component.gewe.token) or as the endpoint's token option");
        }
        this.operation = endpoint.getOperation();
        this.tokenHeader = new SecretHeader(TOKEN_HEADER, cfg.getToken());
        this.requestConfig = RequestConfig.custom()
                .setConnectTimeout(Timeout.ofMilliseconds(cfg.getConnectTimeout()))
                .setResponseTimeout(Timeout.ofMilliseconds(cfg.getResponseTimeout()))
                .build();
        this.call = new Call(operation, endpoint.newRequestBuilder(), endpoint.newReplyReader(),
                endpoint.operationUri(operation));
        if (cfg.isCdnReuse()) {
            GeweOperation fwd = endpoint.cdnForwardOperation();
            this.forward = new Call(fwd, endpoint.newRequestBuilder(fwd), endpoint.newReplyReader(fwd),
                    endpoint.operationUri(fwd));
            this.cdn = endpoint.getComponent().cdnMemory();
        }
        if (cfg.isFetch()) {
            this.fetchDirectory = endpoint.fetchDirectory();
            this.downloadBase = endpoint.downloadBase();
        }
        this.client = endpoint.getComponent().httpClient();
        this.worker = endpoint.getComponent().worker();
        GeweOperation online = GeweCatalog.get().find("login/checkOnline");
        this.checkOnline = new Call(online, endpoint.newRequestBuilder(online), endpoint.newReplyReader(online),
                endpoint.operationUri(online));
        accountHealth(cfg.getAppId());
        boolean paced = cfg.getPacing() != null ? cfg.getPacing() : endpoint.getComponent().isPacing();
        this.pacer = paced && (operation.isSend() || operation.isDownload()) ? endpoint.getComponent().pacer() : null;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<Object> result;
        GeweAccountHealthCheck health;
        try {
            Object[] values = call.builder.resolve(exchange);
            Object appId = call.builder.value(values, "appId");
            health = appId == null ? null : accountHealth(appId.toString());
            result = pacer == null ? calls(exchange, values) : paced(exchange, values, String.valueOf(appId));
            if (fetchDirectory != null) {
                // the file comes from a storage host, not from GeWe: it does not hold the account's slot
                result = result.thenCompose(r -> fetch(exchange, r));
            }
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        if (worker == null || exchange.isTransacted()) {
            // a transacted exchange is routed synchronously by Camel: its own thread waits for this callback and goes on
            // with the route itself, so a hop to a worker would only add a wake-up
            result.whenComplete((r, e) -> complete(exchange, callback, r, e, health));
        } else {
            // the route continues on a worker: a step after this call that blocks must not hold HttpClient's I/O thread
            result.whenComplete((r, e) -> {
                Runnable rest = () -> complete(exchange, callback, r, e, health);
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

    /** The GeWe calls of one exchange: the send (or its CDN forward) and the image type fallback. */
    private CompletableFuture<Object> calls(Exchange exchange, Object[] values) {
        CompletableFuture<Object> result = cdn != null ? sendReusingCdn(exchange, values) : send(call, values);
        if (endpoint.getConfiguration().isTypeFallback()) {
            result = result.exceptionallyCompose(e -> otherImageTypes(exchange, values, e, 0));
        }
        return result;
    }

    /** The calls, started when the account's pacing slot comes; the slot is held until they are over. */
    private CompletableFuture<Object> paced(Exchange exchange, Object[] values, String appId) {
        Object to = call.builder.value(values, "toWxid");
        GewePacer.Lane lane = operation.isDownload() ? GewePacer.Lane.DOWNLOAD
                : to != null && to.toString().endsWith("@chatroom") ? GewePacer.Lane.GROUP : GewePacer.Lane.PERSON;
        CompletableFuture<Object> result = new CompletableFuture<>();
        try {
            pacer.submit(appId, lane, permit -> {
                CompletableFuture<Object> calls;
                try {
                    calls = calls(exchange, values);
                } catch (RuntimeException e) {
                    permit.release();
                    result.completeExceptionally(e);
                    return;
                }
                calls.whenComplete((r, e) -> {
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
        GeweAccountHealthCheck check = endpoint.getComponent().accountHealth(appId,
                () -> send(checkOnline, checkOnline.builder.resolve(java.util.Map.of("appId", appId))));
        lastHealth = check;
        return check;
    }

    /**
     * Ends the exchange with the outcome, and tells the account's health check: a success means GeWe and the account
     * worked; only GeWe's own refusals (not a file host's failure) say anything about the account.
     */
    private void complete(Exchange exchange, AsyncCallback callback, Object result, Throwable failure,
                          GeweAccountHealthCheck health) {
        try {
            if (failure == null) {
                apply(exchange, result);
                if (health != null) {
                    health.succeeded();
                }
            } else {
                Throwable cause = unwrap(failure);
                exchange.setException(cause);
                if (health != null) {
                    health.failed(cause);
                }
            }
        } catch (Throwable t) {
            exchange.setException(t);
        } finally {
            resume(exchange, callback);
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

    /** One HTTP call: the request is sent and GeWe's answer read into the operation's result. */
    private CompletableFuture<Object> send(Call target, Object[] values) {
        byte[] json = target.builder.write(values);
        GeweConfiguration cfg = endpoint.getConfiguration();
        return client.post(target.uri, json, tokenHeader, requestConfig)
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw GeweHttpClient.failure(target.operation.qualifiedName(), unwrap(failure),
                                cfg.getConnectTimeout(), cfg.getResponseTimeout());
                    }
                    return target.reader.read(response.getCode(), response.getReasonPhrase(), response.getBodyBytes());
                });
    }

    /**
     * A media send that GeWe uploaded before for this account goes as a forward of the CDN copy; a refused forward
     * falls back to the full send. A forward whose fate is unknown is not followed by a full send: that could deliver
     * the media twice.
     */
    private CompletableFuture<Object> sendReusingCdn(Exchange exchange, Object[] values) {
        String appId = String.valueOf(call.builder.value(values, "appId"));
        String url = String.valueOf(call.builder.value(values, operation.mainField()));
        String action = operation.action();
        CdnSendResult known = cdn.recall(appId, action, url, cdnResultType());
        if (known == null) {
            return rememberCdn(send(call, values), exchange, appId, url, false);
        }
        Object[] fwd = forward.builder.resolve(java.util.Map.of("appId", appId,
                "toWxid", call.builder.value(values, "toWxid"), "xml", forwardXml(known, values)));
        return send(forward, fwd).handle((r, e) -> {
            if (e == null) {
                exchange.getMessage().setHeader(GeweConstants.CDN_REUSED, Boolean.TRUE);
                return CompletableFuture.completedFuture(r);
            }
            Throwable cause = unwrap(e);
            if (cause instanceof GeweException && ((GeweException) cause).getDelivery() == GeweDelivery.UNKNOWN) {
                return CompletableFuture.failedFuture(cause);
            }
            cdn.forget(appId, action, url);
            return rememberCdn(send(call, values), exchange, appId, url, false);
        }).thenCompose(f -> f);
    }

    private CompletableFuture<Object> rememberCdn(CompletableFuture<Object> sent, Exchange exchange, String appId,
                                                  String url, boolean reused) {
        return sent.thenApply(r -> {
            if (r instanceof CdnSendResult) {
                cdn.remember(appId, operation.action(), url, (CdnSendResult) r);
            }
            exchange.getMessage().setHeader(GeweConstants.CDN_REUSED, reused);
            return r;
        });
    }

    private Class<? extends CdnSendResult> cdnResultType() {
        return operation.resultType() == VideoSendResult.class ? VideoSendResult.class : ImageSendResult.class;
    }

    private Object forwardXml(CdnSendResult known, Object[] values) {
        if (known instanceof VideoSendResult) {
            Object seconds = call.builder.value(values, "videoDuration");
            return ((VideoSendResult) known).toForwardVideo(seconds == null ? 0 : Long.parseLong(seconds.toString()))
                    .getXml();
        }
        return ((ImageSendResult) known).toForwardImage().getXml();
    }

    /**
     * downloadImage with typeFallback: when GeWe refuses the type asked for, the other types are tried, nearest
     * first (asked 1: 2, 3; asked 2: 1, 3; asked 3: 2, 1). Transport failures are not retried.
     */
    private CompletableFuture<Object> otherImageTypes(Exchange exchange, Object[] values, Throwable failure,
                                                      int tried) {
        Throwable cause = unwrap(failure);
        if (!(cause instanceof GeweApiException)) {
            return CompletableFuture.failedFuture(cause);
        }
        long asked = ((Number) call.builder.value(values, "type")).longValue();
        long[] order = asked == 1 ? new long[] { 2, 3 } : asked == 3 ? new long[] { 2, 1 } : new long[] { 1, 3 };
        if (tried >= order.length) {
            return CompletableFuture.failedFuture(cause);
        }
        long type = order[tried];
        return send(call, call.builder.with(values, "type", type))
                .thenApply(r -> {
                    exchange.getMessage().setHeader(GeweConstants.IMAGE_TYPE, (int) type);
                    return r;
                })
                .exceptionallyCompose(e -> otherImageTypes(exchange, values, e, tried + 1));
    }

    /** Fetches the file a download answered with; the body becomes a stream over the spooled copy. */
    private CompletableFuture<Object> fetch(Exchange exchange, Object result) {
        if (!(result instanceof DownloadResult) || ((DownloadResult) result).getFileUrl() == null) {
            return CompletableFuture.failedFuture(new GeweResponseException(operation.qualifiedName(),
                    "GeWe's answer has no fileUrl to fetch", null));
        }
        String fileUrl = ((DownloadResult) result).getFileUrl();
        URI uri;
        try {
            uri = downloadBase.resolve(fileUrl.trim());
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new GeweResponseException(operation.qualifiedName(),
                    "GeWe's fileUrl is not a URL", e));
        }
        GeweConfiguration cfg = endpoint.getConfiguration();
        return client.fetch(uri, requestConfig, fetchDirectory).handle((file, failure) -> {
            if (failure != null) {
                Throwable cause = unwrap(failure);
                if (cause instanceof org.apache.hc.core5.http.HttpException) {
                    throw new GeweResponseException(operation.qualifiedName(), cause.getMessage(), cause);
                }
                throw GeweHttpClient.failure(operation.qualifiedName(), cause, cfg.getConnectTimeout(),
                        cfg.getResponseTimeout());
            }
            exchange.getMessage().setHeader(GeweConstants.FILE_URL, fileUrl);
            return file;
        });
    }

    /** Puts a result on the exchange: the body, and the message ids as headers. */
    private static void apply(Exchange exchange, Object result) throws java.io.IOException {
        Message message = exchange.getMessage();
        if (result instanceof FetchedFile) {
            FetchedFile file = (FetchedFile) result;
            SpooledFileStream body = new SpooledFileStream(file.path());
            message.setBody(body);
            message.setHeader(Exchange.FILE_NAME, file.fileName());
            message.setHeader(Exchange.FILE_LENGTH, file.length());
            setOrRemove(message, Exchange.CONTENT_TYPE, file.contentType());
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    try {
                        body.close();
                    } catch (java.io.IOException ignored) {
                        // the file goes anyway
                    }
                    SpooledFileStream.delete(file.path());
                }
            });
            return;
        }
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

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while (c instanceof CompletionException && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    /** What one operation's call needs, prepared once. */
    private record Call(GeweOperation operation, GeweRequestBuilder builder, GeweReplyReader reader, URI uri) {
    }

    /** The token header, which never shows its value in logs (HttpClient's header log prints toString()). */
    private static final class SecretHeader extends BasicHeader {
        private static final long serialVersionUID = 1L;

        SecretHeader(String name, String value) {
            super(name, value);
        }

        @Override
        public String toString() {
            return getName() + ": ******";
        }
    }
}
