package io.camelgewe.gewe.account;

/**
 * Where the component learnt an account's state from.
 */
public enum AccountSignal {

    /** A call for the account: its success, or GeWe's offline refusal of it. */
    SEND,

    /** GeWe's answer to {@code login/checkOnline}, asked by the health check or by a route. */
    CHECK_ONLINE,

    /** An {@code Offline} callback GeWe pushed. */
    CALLBACK,

    /** A login operation that went through ({@code login/reconnection}, a completed {@code login/checkLogin}). */
    LOGIN,

    /** The application said so ({@link GeweAccounts#forget}). */
    APPLICATION
}
