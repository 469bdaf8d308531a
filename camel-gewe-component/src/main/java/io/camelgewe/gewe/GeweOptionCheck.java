package io.camelgewe.gewe;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.apache.camel.CamelContext;
import org.apache.camel.catalog.ConfigurationPropertiesValidationResult;
import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.catalog.impl.AbstractCamelCatalog;
import org.apache.camel.catalog.impl.DefaultRuntimeCamelCatalog;
import org.apache.camel.spi.GeneratedPropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurerGetter;
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
 * <p>
 * The component's own options ({@code camel.component.gewe.*} in Camel Main or Spring Boot) go through the
 * same generated configurer and had the same fault; {@link #componentOption} checks each one given as text, with
 * the catalog's check of a configuration property, before it is set.
 */
final class GeweOptionCheck {

    private static final String SCHEME = "gewe";

    /** The path option: the operation name is checked by the catalog of operations, with its own message. */
    private static final String PATH = "operation";

    private final AbstractCamelCatalog catalog;
    /** The options gewe.json marks secret (token, secret). */
    private final List<String> secrets;
    /** The component options gewe.json marks secret. */
    private final List<String> componentSecrets;

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
        this.componentSecrets = catalog.componentModel(SCHEME).getComponentOptions().stream()
                .filter(BaseOptionModel::isSecret).map(BaseOptionModel::getName).toList();
    }

    /**
     * Checks one component option given as text, before it is set.
     *
     * @param name the option's name as it was given ({@code responseTimeout} or {@code response-timeout})
     * @param text its value, placeholders resolved; a bean reference ({@code #name}) is left to Camel
     * @throws IllegalArgumentException naming the option, what it must be and (unless it is a secret) what it was
     */
    void componentOption(String name, String text) {
        if (text.startsWith("#")) {
            // a bean reference: Camel resolves it to the object it names
            return;
        }
        ConfigurationPropertiesValidationResult r = catalog.validateConfigurationProperty(
                "camel.component." + SCHEME + "." + name + "=" + text);
        List<String> problems = new ArrayList<>();
        invalidTypes(problems, this::isComponentSecret, r.getInvalidInteger(), r.getInvalidNumber(),
                r.getInvalidBoolean(), r.getInvalidDuration(), r.getInvalidReference());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the gewe component's option " + String.join("; ", problems));
        }
    }

    private boolean isComponentSecret(String name) {
        String plain = name.replace("-", "");
        return componentSecrets.stream().anyMatch(plain::equalsIgnoreCase);
    }

    /**
     * Each option whose value is not of its type, as "name must be ..., not 'value'": the invalid integers, numbers,
     * booleans, durations and references of a validation result, in that order (the results' common type is not
     * public).
     */
    @SafeVarargs
    private static void invalidTypes(List<String> problems, Predicate<String> secret, Map<String, String>... invalid) {
        for (int i = 0; i < invalid.length; i++) {
            invalid(problems, invalid[i], EXPECTED[i], secret);
        }
    }

    /** What a value of each type must be, in the order of {@link #invalidTypes}. */
    private static final String[] EXPECTED = {
        "an integer", "a number", "true or false", "a duration (milliseconds such as 60000, or 60s, 1m30s, PT1M)",
        "a reference to a bean (#name)" };

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
        // secrets were replaced before the check: their value is never quoted
        invalidTypes(problems, name -> false, r.getInvalidInteger(), r.getInvalidNumber(), r.getInvalidBoolean(),
                r.getInvalidDuration(), r.getInvalidReference());
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

    private static void invalid(List<String> problems, Map<String, String> invalid, String expected,
                                Predicate<String> secret) {
        if (invalid != null) {
            invalid.forEach((key, value) -> {
                // a component option comes back under its whole key, camel.component.gewe.<name>
                String name = key.substring(key.lastIndexOf('.') + 1);
                problems.add(name + " must be " + expected + (secret.test(name) ? "" : ", not '" + value + "'"));
            });
        }
    }

    /**
     * The component's generated configurer with each option given as text checked first ({@link #componentOption}):
     * Camel Main and Camel Spring Boot set {@code camel.component.gewe.*} through it. A bean
     * reference ({@code #name}) is left to Camel.
     */
    static final class CheckedConfigurer implements GeneratedPropertyConfigurer, PropertyConfigurerGetter {
        private final PropertyConfigurer generated;
        private final PropertyConfigurerGetter getter;
        private final Supplier<GeweOptionCheck> check;

        /** @param generated the generated configurer: a setter and a getter of every option */
        CheckedConfigurer(PropertyConfigurer generated, Supplier<GeweOptionCheck> check) {
            this.generated = generated;
            this.getter = (PropertyConfigurerGetter) generated;
            this.check = check;
        }

        @Override
        public boolean configure(CamelContext camelContext, Object target, String name, Object value,
                                 boolean ignoreCase) {
            if (value instanceof String text) {
                check.get().componentOption(name, text);
            }
            return generated.configure(camelContext, target, name, value, ignoreCase);
        }

        @Override
        public Class<?> getOptionType(String name, boolean ignoreCase) {
            return getter.getOptionType(name, ignoreCase);
        }

        @Override
        public Object getOptionValue(Object target, String name, boolean ignoreCase) {
            return getter.getOptionValue(target, name, ignoreCase);
        }

        @Override
        public Object getCollectionValueType(Object target, String name, boolean ignoreCase) {
            return getter.getCollectionValueType(target, name, ignoreCase);
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
