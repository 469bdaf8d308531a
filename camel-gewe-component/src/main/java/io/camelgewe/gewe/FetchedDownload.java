package io.camelgewe.gewe;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import io.camelgewe.gewe.catalog.GeweOperation;
import io.camelgewe.gewe.spi.FetchOrigins;
import io.camelgewe.gewe.spi.FetchedFile;
import io.camelgewe.gewe.spi.GeweClient;
import io.camelgewe.gewe.spi.GeweTimeouts;
import io.camelgewe.gewe.errors.GeweResponseException;
import io.camelgewe.gewe.model.DownloadResult;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * fetch=true: after a download operation, the file behind GeWe's fileUrl is fetched to the spool folder and becomes
 * the body, a stream over the spooled copy that is deleted when the exchange completes, unless a {@code file:} step
 * moved it into place (it is the exchange's {@link Exchange#FILE_LOCAL_WORK_PATH}, which camel-file renames).
 */
final class FetchedDownload {

    private final GeweOperation operation;
    private final GeweClient client;
    private final FetchOrigins origins;
    private final Path directory;
    private final GeweTimeouts timeouts;

    /**
     * @param operation       the download operation
     * @param client          the client that fetches
     * @param origins         what a relative fileUrl is resolved against, and the hosts files may also come from
     * @param directory       the spool folder
     * @param timeouts        the time limits of the fetch
     */
    FetchedDownload(GeweOperation operation, GeweClient client, FetchOrigins origins, Path directory,
                    GeweTimeouts timeouts) {
        this.operation = operation;
        this.client = client;
        this.origins = origins;
        this.directory = directory;
        this.timeouts = timeouts;
    }

    /** Fetches the file GeWe's download answer names; the CamelGeweFileUrl header says which. */
    CompletableFuture<Object> fetch(Exchange exchange, Object result) {
        if (!(result instanceof DownloadResult) || ((DownloadResult) result).getFileUrl() == null) {
            return CompletableFuture.failedFuture(new GeweResponseException(operation.qualifiedName(),
                    "GeWe's answer has no fileUrl to fetch", null));
        }
        String fileUrl = ((DownloadResult) result).getFileUrl();
        return client.fetch(operation, fileUrl, origins, directory, timeouts).thenApply(file -> {
            exchange.getMessage().setHeader(GeweConstants.FILE_URL, fileUrl);
            return file;
        });
    }

    /** Makes a fetched file the body, with its file headers, and deletes it when the exchange completes. */
    static void bind(Exchange exchange, FetchedFile file) throws IOException {
        Message message = exchange.getMessage();
        SpooledFileStream body = SpooledFileStream.of(file.path());
        message.setBody(body);
        // camel-file renames a local work file into place rather than copying it (the idiom of camel-ftp's
        // localWorkDirectory): a large download is written once, not twice
        message.setHeader(Exchange.FILE_LOCAL_WORK_PATH, file.path().toString());
        message.setHeader(Exchange.FILE_NAME, file.fileName());
        message.setHeader(Exchange.FILE_LENGTH, file.length());
        if (file.contentType() == null) {
            message.removeHeader(Exchange.CONTENT_TYPE);
        } else {
            message.setHeader(Exchange.CONTENT_TYPE, file.contentType());
        }
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                body.release();
                SpooledFileStream.delete(file.path());
            }
        });
    }
}
