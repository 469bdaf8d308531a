package io.camelgewe.gewe.model;

/**
 * The request of {@code message/forwardVideo}: forward a video by its XML, without uploading it again.
 */
public class ForwardVideo extends ForwardRequest {

    /** Creates an empty request. */
    public ForwardVideo() {
    }
}
