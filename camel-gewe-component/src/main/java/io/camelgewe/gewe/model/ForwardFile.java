package io.camelgewe.gewe.model;

/**
 * The request of {@code message/forwardFile}: forward a file message by its XML.
 */
public class ForwardFile extends ForwardRequest {

    /** Creates an empty request. */
    public ForwardFile() {
    }
}
