package io.camelgewe.gewe.model;

/**
 * The request of {@code login/reconnection}: reconnect an account that went offline.
 */
public class Reconnection extends GeweRequest {

    /** Creates an empty request. */
    public Reconnection() {
    }
}
