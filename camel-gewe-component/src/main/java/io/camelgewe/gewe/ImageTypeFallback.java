package io.camelgewe.gewe;

import java.util.concurrent.CompletableFuture;

import io.camelgewe.gewe.spi.GeweClient;
import io.camelgewe.gewe.client.GeweRequestBuilder;
import io.camelgewe.gewe.errors.GeweApiException;
import org.apache.camel.Exchange;

/**
 * downloadImage with typeFallback: when GeWe refuses the image type asked for (not every image has an HD or a normal
 * version), the other types are tried, nearest first (asked 1: 2, 3; asked 2: 1, 3; asked 3: 2, 1). Only GeWe's own
 * refusals are retried, never a transport failure. The type delivered goes in the CamelGeweImageType header.
 */
final class ImageTypeFallback implements CallStep {

    private final CallStep download;
    private final GeweRequestBuilder builder;

    /**
     * @param download the download of one type
     * @param builder  the request builder of downloadImage
     */
    ImageTypeFallback(CallStep download, GeweRequestBuilder builder) {
        this.download = download;
        this.builder = builder;
    }

    @Override
    public CompletableFuture<Object> call(Exchange exchange, Object[] values) {
        return download.call(exchange, values).exceptionallyCompose(e -> otherTypes(exchange, values, e, 0));
    }

    private CompletableFuture<Object> otherTypes(Exchange exchange, Object[] values, Throwable failure, int tried) {
        Throwable cause = GeweClient.causeOf(failure);
        if (!(cause instanceof GeweApiException)) {
            return CompletableFuture.failedFuture(cause);
        }
        long asked = ((Number) builder.value(values, "type")).longValue();
        long[] order = asked == 1 ? new long[] { 2, 3 } : asked == 3 ? new long[] { 2, 1 } : new long[] { 1, 3 };
        if (tried >= order.length) {
            return CompletableFuture.failedFuture(cause);
        }
        long type = order[tried];
        return download.call(exchange, builder.with(values, "type", type))
                .thenApply(r -> {
                    exchange.getMessage().setHeader(GeweConstants.IMAGE_TYPE, (int) type);
                    return r;
                })
                .exceptionallyCompose(e -> otherTypes(exchange, values, e, tried + 1));
    }
}
