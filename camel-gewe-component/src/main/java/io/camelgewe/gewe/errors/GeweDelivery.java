package io.camelgewe.gewe.errors;

/**
 * What a failed call tells about whether GeWe acted on it: the question a route must answer before it retries a
 * send, because a retried send that had in fact been delivered reaches the WeChat user twice.
 */
public enum GeweDelivery {

    /** Nothing reached GeWe (bad input, refused connection, connect timeout): retrying cannot send twice. */
    NOT_SENT,

    /** GeWe answered and refused ({@code ret != 200}): the message was not sent; retrying the same request is
     * unlikely to help until the cause (offline account, expired token, rate limit) is gone. */
    REJECTED,

    /** The request may have reached GeWe (timeout after sending, connection lost mid-reply, a gateway error, an
     * unreadable answer): a retry may send the message twice. */
    UNKNOWN
}
