package io.camelgewe.gewe.model;

/**
 * The request of {@code message/downloadFile}: download the file of a received message, described by its XML.
 */
public class DownloadFile extends DownloadRequest {

    /** Creates an empty request. */
    public DownloadFile() {
    }
}
