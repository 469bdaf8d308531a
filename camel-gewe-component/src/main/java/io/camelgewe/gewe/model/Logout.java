package io.camelgewe.gewe.model;

/**
 * The request of {@code login/logout}: log the account out.
 */
public class Logout extends GeweRequest {

    /** Creates an empty request. */
    public Logout() {
    }
}
