package io.camelgewe.gewe.model;

/**
 * The request of {@code message/forwardUrl}: forward a link message by its XML.
 */
public class ForwardUrl extends ForwardRequest {

    /** Creates an empty request. */
    public ForwardUrl() {
    }
}
