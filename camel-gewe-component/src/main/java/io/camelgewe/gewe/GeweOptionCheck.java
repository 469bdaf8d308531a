package io.camelgewe.gewe;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.camel.CamelContext;
import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.catalog.impl.AbstractCamelCatalog;
import org.apache.camel.catalog.impl.DefaultRuntimeCamelCatalog;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.tooling.model.BaseOptionModel;
import org.apache.camel.util.URISupport;

/**
 * Checks the options of a {@code gewe:} URI before they are set, with the validation Camel tooling runs
 * (camel-catalog's {@code validateEndpointProperties}, here through the CamelContext's runtime catalog over the same
 * generated {@code gewe.json}), so that the runtime refuses what the tooling flags.
 * <p>
 * Without it a number given as text of another kind is silently 0: Camel's property configurer reads the text given
 * to an int or long option as a time pattern ({@code TimeUtils.toMilliSeconds}), which makes 0 of anything without a
 * unit ({@code responseTimeout=abc} would mean no timeout at all to HttpClient, {@code videoDuration=ten} a 0-second
 * video sent to GeWe). The check also refuses a consumer option on an operation and a producer option on
 * {@code gewe:callback}, as the options' labels say.
 */
final class GeweOptionCheck {

    private static final String SCHEME = "gewe";

    /** The path option: the operation name is checked by the catalog of operations, with its own message. */
    private static final String PATH = "operation";

    private final AbstractCamelCatalog catalog;
    /** The options gewe.json marks secret (token, secret). */
    private final List<String> secrets;

    /** @param context the CamelContext: its runtime catalog, or one of this check's own, reads gewe.json */
    GeweOptionCheck(CamelContext context) {
        // the consumer/producer check is on the catalog implementation, not on the RuntimeCamelCatalog interface
        if (PluginHelper.getRuntimeCamelCatalog(context) instanceof AbstractCamelCatalog shared) {
            this.catalog = shared;
        } else {
            DefaultRuntimeCamelCatalog own = new DefaultRuntimeCamelCatalog();
            own.setCamelContext(context);
            this.catalog = own;
        }
        this.secrets = catalog.componentModel(SCHEME).getEndpointParameterOptions().stream()
                .filter(BaseOptionModel::isSecret).map(BaseOptionModel::getName).toList();
    }

    /**
     * @param operation  the operation as the URI names it
     * @param parameters the URI's options as Camel parsed them (RAW values resolved)
     * @param callback   whether it is gewe:callback (a consumer) rather than an operation (a producer)
     * @throws IllegalArgumentException naming every option that is wrong and why
     */
    void check(String operation, Map<String, Object> parameters, boolean callback) {
        // the catalog validates a URI: rebuilt from what Camel parsed, every value encoded (a RAW value may hold any
        // character), the secrets replaced: what the catalog reads back may end up in a message
        Map<String, Object> options = new LinkedHashMap<>(parameters);
        for (String secret : secrets) {
            options.computeIfPresent(secret, (name, value) -> "xxxxxx");
        }
        String uri = SCHEME + ":" + operation + (options.isEmpty() ? "" : "?" + URISupport.createQueryString(options));
        EndpointValidationResult r = catalog.validateEndpointProperties(uri, false, callback, !callback);
        List<String> problems = new ArrayList<>();
        if (r.getSyntaxError() != null) {
            problems.add("the URI is not valid: " + r.getSyntaxError());
        }
        invalid(problems, r.getInvalidInteger(), "an integer");
        invalid(problems, r.getInvalidNumber(), "a number");
        invalid(problems, r.getInvalidBoolean(), "true or false");
        invalid(problems, r.getInvalidDuration(), "a duration (milliseconds such as 60000, or 60s, 1m30s, PT1M)");
        invalid(problems, r.getInvalidReference(), "a reference to a bean (#name)");
        if (r.getInvalidEnum() != null) {
            r.getInvalidEnum().forEach((name, value) -> {
                if (!PATH.equals(name)) {
                    problems.add(name + " '" + value + "' is not one of " + String.join(", ", r.getEnumChoices(name)));
                }
            });
        }
        if (callback) {
            // the names gewe:callback does not take: unknown ones and the producers' (the catalog is strict for it)
            Collection<String> refused = sorted(r.getUnknown(), r.getNotConsumerOnly());
            if (!refused.isEmpty()) {
                problems.add(0, "it receives GeWe's callbacks and does not take the option"
                                + (refused.size() > 1 ? "s " : " ") + String.join(", ", refused));
            }
        } else {
            Collection<String> consumerOptions = sorted(r.getNotProducerOnly());
            if (!consumerOptions.isEmpty()) {
                problems.add(String.join(", ", consumerOptions) + (consumerOptions.size() > 1 ? " are options" : " is an option")
                             + " of gewe:callback (receiving GeWe's callbacks), not of an operation that calls GeWe");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("gewe:" + operation + ": " + String.join("; ", problems));
        }
    }

    private static void invalid(List<String> problems, Map<String, String> invalid, String expected) {
        if (invalid != null) {
            invalid.forEach((name, value) -> problems.add(name + " must be " + expected + ", not '" + value + "'"));
        }
    }

    @SafeVarargs
    private static Collection<String> sorted(Collection<String>... names) {
        TreeSet<String> all = new TreeSet<>();
        for (Collection<String> n : names) {
            if (n != null) {
                all.addAll(n);
            }
        }
        return all;
    }
}
