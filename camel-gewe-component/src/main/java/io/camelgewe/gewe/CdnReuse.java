package io.camelgewe.gewe;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.camelgewe.gewe.catalog.GeweOperation;
import io.camelgewe.gewe.client.CdnMemory;
import io.camelgewe.gewe.spi.GeweClient;
import io.camelgewe.gewe.client.GeweRequestBuilder;
import io.camelgewe.gewe.spi.GeweTimeouts;
import io.camelgewe.gewe.errors.GeweDelivery;
import io.camelgewe.gewe.errors.GeweException;
import io.camelgewe.gewe.model.CdnSendResult;
import io.camelgewe.gewe.model.ImageSendResult;
import io.camelgewe.gewe.model.VideoSendResult;
import org.apache.camel.Exchange;

/**
 * cdnReuse: a postImage or postVideo of media this account sent before goes as a forward of WeChat's CDN copy
 * (forwardImage, forwardVideo), skipping GeWe's download and upload; a refused forward falls back to the full send. A
 * forward whose fate is unknown is not followed by a full send: that could deliver the media twice.
 */
final class CdnReuse implements CallStep {

    private final CallStep send;
    private final GeweOperation operation;
    private final GeweRequestBuilder builder;
    private final GeweOperation forward;
    private final GeweRequestBuilder forwardBuilder;
    private final GeweClient client;
    private final GeweTimeouts timeouts;
    private final CdnMemory cdn;
    private final Class<? extends CdnSendResult> resultType;

    /**
     * @param send     the full send
     * @param builder  the request builder of the media send
     * @param forward  the forward that resends the CDN copy
     * @param client   the client the forward is sent with
     * @param timeouts the time limits of the forward
     * @param cdn      the memory of CDN copies
     */
    CdnReuse(CallStep send, GeweRequestBuilder builder, GeweOperation forward, GeweClient client,
             GeweTimeouts timeouts, CdnMemory cdn) {
        this.send = send;
        this.operation = builder.operation();
        this.builder = builder;
        this.forward = forward;
        this.forwardBuilder = new GeweRequestBuilder(forward, Map.of());
        this.client = client;
        this.timeouts = timeouts;
        this.cdn = cdn;
        this.resultType = operation.resultType() == VideoSendResult.class ? VideoSendResult.class
                : ImageSendResult.class;
    }

    @Override
    public CompletableFuture<Object> call(Exchange exchange, Object[] values) {
        String appId = String.valueOf(builder.value(values, "appId"));
        String url = String.valueOf(builder.value(values, operation.mainField()));
        CdnSendResult known = cdn.recall(appId, operation.action(), url, resultType);
        if (known == null) {
            return fullSend(exchange, values, appId, url);
        }
        Object[] fwd = forwardBuilder.resolve(Map.of("appId", appId, "toWxid", builder.value(values, "toWxid"),
                "xml", forwardXml(known, values)));
        return client.call(forward, fwd, timeouts).handle((r, e) -> {
            if (e == null) {
                exchange.getMessage().setHeader(GeweConstants.CDN_REUSED, Boolean.TRUE);
                return CompletableFuture.completedFuture(r);
            }
            Throwable cause = GeweClient.causeOf(e);
            if (cause instanceof GeweException && ((GeweException) cause).getDelivery() == GeweDelivery.UNKNOWN) {
                return CompletableFuture.failedFuture(cause);
            }
            cdn.forget(appId, operation.action(), url);
            return fullSend(exchange, values, appId, url);
        }).thenCompose(f -> f);
    }

    /** The full send, whose CDN copy is remembered for the next time. */
    private CompletableFuture<Object> fullSend(Exchange exchange, Object[] values, String appId, String url) {
        return send.call(exchange, values).thenApply(r -> {
            if (r instanceof CdnSendResult) {
                cdn.remember(appId, operation.action(), url, (CdnSendResult) r);
            }
            exchange.getMessage().setHeader(GeweConstants.CDN_REUSED, Boolean.FALSE);
            return r;
        });
    }

    private Object forwardXml(CdnSendResult known, Object[] values) {
        if (known instanceof VideoSendResult) {
            Object seconds = builder.value(values, "videoDuration");
            return ((VideoSendResult) known).toForwardVideo(seconds == null ? 0 : Long.parseLong(seconds.toString()))
                    .getXml();
        }
        return ((ImageSendResult) known).toForwardImage().getXml();
    }
}
