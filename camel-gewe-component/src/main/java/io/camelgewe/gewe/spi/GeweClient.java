package io.camelgewe.gewe.spi;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import io.camelgewe.gewe.catalog.GeweOperation;

/**
 * Everything of a GeWe call that is HTTP, for one base URL and token: where an operation is posted, the token header,
 * the time limits, writing the request, reading GeWe's answer, translating failures, fetching downloaded files.
 * <p>
 * The component owns one per base URL and token (the HTTP one of package {@code client}) and closes it when it stops; its producers,
 * the account health checks and the callback registration all call GeWe through it. A test can give the component a
 * client of its own ({@code GeweComponent#setClient}) to answer without any server.
 * <p>
 * Every method returns at once; the future completes when GeWe has answered, exceptionally with a
 * {@link io.camelgewe.gewe.errors.GeweException} that says whether the request may have been acted on.
 */
public interface GeweClient extends AutoCloseable {

    /**
     * Calls one operation.
     *
     * @param  operation the operation
     * @param  values    the value of each of its fields in {@link GeweOperation#fields()} order, already in their JSON
     *                   types (as the component's request builder resolves them); null values are left out
     * @param  timeouts  the time limits of this call
     * @return           GeWe's {@code data} as the operation's result type, or null when GeWe sent none
     */
    CompletableFuture<Object> call(GeweOperation operation, Object[] values, GeweTimeouts timeouts);

    /**
     * Calls one operation for a caller that waits for the answer anyway (synchronous=true): the HTTP client blocks
     * this thread instead of answering on one of its own, and the future is complete when this returns. Results and
     * failures are those of {@link #call}. A client that cannot block returns {@link #call}'s future, which the caller
     * then waits for; never call this on a thread that must not block.
     *
     * @param  operation the operation
     * @param  values    the value of each of its fields, as for {@link #call}
     * @param  timeouts  the time limits of this call
     * @return           GeWe's {@code data} as the operation's result type, or null when GeWe sent none
     */
    default CompletableFuture<Object> callOnCallersThread(GeweOperation operation, Object[] values,
                                                          GeweTimeouts timeouts) {
        return call(operation, values, timeouts);
    }

    /**
     * Fetches the file a download operation answered with, into a new file in {@code directory}, never holding it
     * whole in memory. The token is not sent: the file lives on a storage host, not on GeWe. A fileUrl that is not
     * http(s) or points anywhere but the origins files may come from is refused before anything is fetched.
     *
     * @param  operation the download operation whose answer named the file (for messages)
     * @param  fileUrl   the file's URL as GeWe gave it, absolute or relative
     * @param  origins   what a relative fileUrl is resolved against, and the hosts files may come from besides the
     *                   base URL's and GeWe's own download hosts
     * @param  directory where the file is written
     * @param  timeouts  the time limits of this fetch
     * @return           the file written
     */
    CompletableFuture<FetchedFile> fetch(GeweOperation operation, String fileUrl, FetchOrigins origins,
                                         Path directory, GeweTimeouts timeouts);

    /**
     * The failure behind the wrappers CompletableFuture puts around it.
     *
     * @param failure what a future completed with
     */
    static Throwable causeOf(Throwable failure) {
        Throwable c = failure;
        while (c instanceof java.util.concurrent.CompletionException && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    /** Releases what the client holds; a client the component made is closed by the component. */
    @Override
    default void close() {
    }
}
