package io.camelgewe.gewe.errors;

/**
 * GeWe did not answer in time. A connect timeout means nothing was sent; a response timeout means the request was
 * sent and may have been acted on (GeWe downloads media before it answers, so slow media hosts make slow sends). A
 * deadline ({@code requestTimeout}, {@code fetchTimeout}) ends a call or a fetch whose answer is still arriving; its
 * delivery says whether the request had been sent.
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

    /**
     * A deadline or a timeout whose delivery is known from elsewhere (whether the request was written, whether it was
     * a fetch that only reads a file).
     *
     * @param operation     the operation's qualified name
     * @param delivery      NOT_SENT when the request had not been written or only read a file, else UNKNOWN
     * @param problem       what expired, and what it means for the request
     * @param timeoutMillis the limit that expired
     * @param cause         the transport's exception, or null
     */
    public GeweTimeoutException(String operation, GeweDelivery delivery, String problem, long timeoutMillis,
                                Throwable cause) {
        super(operation, delivery, problem, cause);
        this.connect = false;
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
