package io.camelgewe.gewe.errors;

/**
 * GeWe did not answer in time. A connect timeout means nothing was sent; a response timeout means the request was
 * sent and may have been acted on (GeWe downloads media before it answers, so slow media hosts make slow sends).
 */
public class GeweTimeoutException extends GeweException {

    private static final long serialVersionUID = 1L;

    private final boolean connect;
    private final long timeoutMillis;

    /**
     * @param operation     the operation's qualified name
     * @param connect       true for a connect timeout, false for a response timeout
     * @param timeoutMillis the timeout that expired
     * @param cause         the transport's exception
     */
    public GeweTimeoutException(String operation, boolean connect, long timeoutMillis, Throwable cause) {
        super(operation, connect ? GeweDelivery.NOT_SENT : GeweDelivery.UNKNOWN,
              (connect ? "could not connect to GeWe within " : "GeWe did not answer within ") + timeoutMillis
                                                                         + " ms"
                                                                         + (connect ? " (nothing was sent)"
                                                                                 : " (the request was sent and may have been acted on)"),
              cause);
        this.connect = connect;
        this.timeoutMillis = timeoutMillis;
    }

    /** True for a connect timeout (nothing sent), false for a response timeout (maybe delivered). */
    public boolean isConnectTimeout() {
        return connect;
    }

    /** The timeout that expired, in milliseconds. */
    public long getTimeoutMillis() {
        return timeoutMillis;
    }
}
