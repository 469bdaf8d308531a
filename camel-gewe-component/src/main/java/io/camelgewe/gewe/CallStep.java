package io.camelgewe.gewe;

import java.util.concurrent.CompletableFuture;

import org.apache.camel.Exchange;

/**
 * One step of a producer's GeWe call, from the exchange's resolved request to GeWe's result. The plain call is a
 * step; CDN reuse ({@link CdnReuse}) and the image type fallback ({@link ImageTypeFallback}) are steps that wrap
 * another, so that the producer only chains them.
 */
@FunctionalInterface
interface CallStep {

    /**
     * @param  exchange the exchange, for the headers a step reports on
     * @param  values   the request's field values, as {@link io.camelgewe.gewe.client.GeweRequestBuilder} resolved
     *                  them
     * @return          GeWe's result
     */
    CompletableFuture<Object> call(Exchange exchange, Object[] values);
}
