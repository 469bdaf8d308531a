package io.camelgewe.gewe.errors;

import java.util.List;

/**
 * The request was refused before anything was sent: required fields are missing, or a value does not fit its
 * field's type. {@link #getProblems()} lists each, naming the field.
 */
public class GeweValidationException extends GeweException {

    private static final long serialVersionUID = 1L;

    private final List<String> missingFields;
    private final List<String> problems;

    /**
     * @param operation     the operation's qualified name
     * @param missingFields the required fields that have no value
     * @param problems      every problem, one line each, each naming its field (the missing ones included)
     */
    public GeweValidationException(String operation, List<String> missingFields, List<String> problems) {
        super(operation, GeweDelivery.NOT_SENT, "invalid request, nothing was sent: " + String.join("; ", problems),
              null);
        this.missingFields = List.copyOf(missingFields);
        this.problems = List.copyOf(problems);
    }

    /** The required fields that had no value in the body, the headers, the endpoint options or GeWe's defaults. */
    public List<String> getMissingFields() {
        return missingFields;
    }

    /** Every problem found, each naming its field. */
    public List<String> getProblems() {
        return problems;
    }
}
