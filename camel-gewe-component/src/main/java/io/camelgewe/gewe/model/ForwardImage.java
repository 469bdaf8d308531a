package io.camelgewe.gewe.model;

/**
 * The request of {@code message/forwardImage}: forward an image by its XML, without uploading it again.
 */
public class ForwardImage extends ForwardRequest {

    /** Creates an empty request. */
    public ForwardImage() {
    }
}
