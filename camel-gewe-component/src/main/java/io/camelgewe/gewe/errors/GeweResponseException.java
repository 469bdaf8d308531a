package io.camelgewe.gewe.errors;

/**
 * GeWe's answer cannot be used: HTTP 2xx but not GeWe's JSON envelope ({@code {"ret":..,"msg":..,"data":..}}: an HTML
 * error page, a truncated body, a proxy's answer), an ambiguous envelope (a field twice, a {@code ret} that is not an
 * integer), an answer larger than the component's {@code maxResponseSize}, or, with {@code fetch=true}, a file that
 * cannot be fetched (a {@code fileUrl} outside the hosts files are fetched from, a file host's error). A call's answer
 * may come after GeWe acted ({@link GeweDelivery#UNKNOWN}); a fetch only reads a file ({@link GeweDelivery#NOT_SENT}).
 */
public class GeweResponseException extends GeweException {

    private static final long serialVersionUID = 1L;

    /**
     * @param operation the operation's qualified name
     * @param problem   what is wrong with the answer, with the start of the body, already cleared of the token
     * @param cause     the parse failure, or null
     */
    public GeweResponseException(String operation, String problem, Throwable cause) {
        this(operation, GeweDelivery.UNKNOWN, problem, cause);
    }

    /**
     * @param operation the operation's qualified name
     * @param delivery  NOT_SENT when nothing was acted on (a fetch refused or failed), UNKNOWN after a call
     * @param problem   what is wrong, already cleared of the token and of signed query strings
     * @param cause     the underlying failure, or null
     */
    public GeweResponseException(String operation, GeweDelivery delivery, String problem, Throwable cause) {
        super(operation, delivery, problem, cause);
    }
}
