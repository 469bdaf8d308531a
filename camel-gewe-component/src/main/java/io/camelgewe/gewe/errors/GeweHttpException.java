package io.camelgewe.gewe.errors;

/**
 * GeWe (or a proxy in front of it) answered with an HTTP status other than 2xx. A 5xx may come after GeWe acted,
 * so its delivery is {@link GeweDelivery#UNKNOWN}; a 4xx means the request was refused at the HTTP level.
 */
public class GeweHttpException extends GeweException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;

    /**
     * @param operation  the operation's qualified name
     * @param statusCode the HTTP status
     * @param detail     the reason phrase and the start of the body, already cleared of the token
     */
    public GeweHttpException(String operation, int statusCode, String detail) {
        super(operation, statusCode >= 500 ? GeweDelivery.UNKNOWN : GeweDelivery.REJECTED,
              "HTTP status " + statusCode + (detail == null || detail.isEmpty() ? "" : ": " + detail), null);
        this.statusCode = statusCode;
    }

    /** The HTTP status GeWe answered with. */
    public int getStatusCode() {
        return statusCode;
    }
}
