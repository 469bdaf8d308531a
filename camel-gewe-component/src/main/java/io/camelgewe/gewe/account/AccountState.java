package io.camelgewe.gewe.account;

/**
 * What the component knows of a WeChat account (appId): whether GeWe can act for it now.
 */
public enum AccountState {

    /** The last signal says the account works: a send went through, or checkOnline answered true. */
    ONLINE,

    /**
     * The account is offline or logged out: GeWe refused a call as offline ({@code 微信已离线}), pushed an
     * {@code Offline} callback, or checkOnline answered false. Calls other than the login ones fail at once.
     */
    OFFLINE,

    /** Nothing was heard yet, or a login went through and the next call will tell. */
    UNKNOWN
}
