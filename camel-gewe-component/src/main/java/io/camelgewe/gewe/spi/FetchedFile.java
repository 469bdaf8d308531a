package io.camelgewe.gewe.spi;

import java.nio.file.Path;

/**
 * A file downloaded to local disk by {@link GeweHttpClient#fetch}.
 *
 * @param path        where it was written
 * @param fileName    its name: from the server's Content-Disposition, else the URL's last path segment
 * @param contentType the server's Content-Type, or null
 * @param length      its size in bytes
 */
public record FetchedFile(Path path, String fileName, String contentType, long length) {
}
