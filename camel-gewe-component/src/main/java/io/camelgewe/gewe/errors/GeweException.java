package io.camelgewe.gewe.errors;

import org.apache.camel.RuntimeCamelException;

/**
 * Base of every failure of a {@code gewe:} endpoint. Its message names the operation and never contains the token.
 * Subclasses let {@code onException(...)} tell failures apart; {@link #getDelivery()} says whether the call may have
 * reached GeWe.
 */
public class GeweException extends RuntimeCamelException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final GeweDelivery delivery;

    /**
     * @param operation the operation's qualified name ({@code message/postImage}), or null when none applies
     * @param delivery  whether the call may have reached GeWe
     * @param message   what happened, without the operation (it is prefixed here)
     * @param cause     the underlying failure, or null
     */
    public GeweException(String operation, GeweDelivery delivery, String message, Throwable cause) {
        super(operation == null ? message : "GeWe " + operation + ": " + message, cause);
        this.operation = operation;
        this.delivery = delivery;
    }

    /** The operation's qualified name ({@code message/postImage}), or null. */
    public String getOperation() {
        return operation;
    }

    /** Whether the call may have reached GeWe: decides whether a retry is safe. */
    public GeweDelivery getDelivery() {
        return delivery;
    }
}
