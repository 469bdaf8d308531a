package io.camelgewe.gewe.errors;

/**
 * The connection to GeWe failed: refused, unknown host, TLS failure (nothing sent), or closed before GeWe answered
 * (the request may have been acted on). {@link #getDelivery()} says which.
 */
public class GeweConnectionException extends GeweException {

    private static final long serialVersionUID = 1L;

    /**
     * @param operation the operation's qualified name
     * @param delivery  NOT_SENT when the request could not have left, UNKNOWN when it may have
     * @param problem   what failed
     * @param cause     the transport's exception
     */
    public GeweConnectionException(String operation, GeweDelivery delivery, String problem, Throwable cause) {
        super(operation, delivery, problem, cause);
    }
}
