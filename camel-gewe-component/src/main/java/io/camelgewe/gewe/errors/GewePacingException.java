package io.camelgewe.gewe.errors;

/**
 * The account's pacing queue was full, or the component stopped while the exchange waited for its slot: nothing was
 * sent. Failing fast keeps a burst from piling up in memory; the route decides whether to retry later.
 */
public class GewePacingException extends GeweException {

    private static final long serialVersionUID = 1L;

    /**
     * @param operation the operation's qualified name
     * @param problem   why the exchange got no slot
     */
    public GewePacingException(String operation, String problem) {
        super(operation, GeweDelivery.NOT_SENT, problem, null);
    }
}
