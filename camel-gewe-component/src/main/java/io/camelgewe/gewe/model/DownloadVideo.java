package io.camelgewe.gewe.model;

/**
 * The request of {@code message/downloadVideo}: download the video of a received message, described by its XML.
 */
public class DownloadVideo extends DownloadRequest {

    /** Creates an empty request. */
    public DownloadVideo() {
    }
}
