package io.camelgewe.gewe;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import io.camelgewe.gewe.catalog.GeweOperation;
import io.camelgewe.gewe.spi.FetchOrigins;
import io.camelgewe.gewe.spi.FetchedFile;
import io.camelgewe.gewe.spi.GeweClient;
import io.camelgewe.gewe.spi.GeweTimeouts;

/**
 * A client's calls made on the caller's thread ({@link GeweClient#callOnCallersThread}), for the call steps of a
 * synchronous=true producer, so that {@link CdnReuse}'s forward and {@link ImageTypeFallback}'s retries block where
 * the plain call does. Fetches keep the client's asynchronous transport: a file may take minutes.
 */
final class OnCallersThread implements GeweClient {

    private final GeweClient client;

    /** @param client the client whose calls are made on the caller's thread */
    OnCallersThread(GeweClient client) {
        this.client = client;
    }

    @Override
    public CompletableFuture<Object> call(GeweOperation operation, Object[] values, GeweTimeouts timeouts) {
        return client.callOnCallersThread(operation, values, timeouts);
    }

    @Override
    public CompletableFuture<FetchedFile> fetch(GeweOperation operation, String fileUrl, FetchOrigins origins,
                                                Path directory, GeweTimeouts timeouts) {
        return client.fetch(operation, fileUrl, origins, directory, timeouts);
    }

    @Override
    public String toString() {
        return client + " on the caller's thread";
    }
}
