package io.camelgewe.gewe.model;

/**
 * The request of {@code login/checkOnline}: ask whether the account is online.
 */
public class CheckOnline extends GeweRequest {

    /** Creates an empty request. */
    public CheckOnline() {
    }
}
