package io.camelgewe.gewe.errors;

/**
 * GeWe answered with HTTP 2xx but not with its JSON envelope ({@code {"ret":..,"msg":..,"data":..}}): an HTML error
 * page, a truncated body, a proxy's answer. The request may have been acted on.
 */
public class GeweResponseException extends GeweException {

    private static final long serialVersionUID = 1L;

    /**
     * @param operation the operation's qualified name
     * @param problem   what is wrong with the answer, with the start of the body, already cleared of the token
     * @param cause     the parse failure, or null
     */
    public GeweResponseException(String operation, String problem, Throwable cause) {
        super(operation, GeweDelivery.UNKNOWN, problem, cause);
    }
}
