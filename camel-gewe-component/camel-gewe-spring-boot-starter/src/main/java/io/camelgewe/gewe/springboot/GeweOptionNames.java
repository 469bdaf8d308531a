package io.camelgewe.gewe.springboot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;

/**
 * Refuses {@code camel.component.gewe.*} properties that are no option of the component. Spring Boot would ignore
 * them, and {@code camel.component.gewe.tokn} would then fail much later as a missing token; its own strict mode
 * (ignoreUnknownFields) would print the value, which may be the token. The message here names the property and
 * where it comes from, never its value.
 */
final class GeweOptionNames {

    private static final ConfigurationPropertyName PREFIX = ConfigurationPropertyName.of("camel.component.gewe");

    /** Every name in its uniform form (lower case, no dashes); customizer.enabled and enabled are camel-spring-boot's. */
    private static final Set<String> KNOWN = Stream.concat(GeweComponentConfiguration.OPTIONS.stream(),
            Stream.of("enabled", "customizerEnabled")).map(n -> n.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());

    private GeweOptionNames() {
    }

    /**
     * @throws IllegalArgumentException naming every unknown {@code camel.component.gewe.*} property and its origin
     */
    static void check(Environment environment) {
        List<String> unknown = new ArrayList<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable) {
                iterable.filter(PREFIX::isAncestorOf).stream().filter(name -> !isKnown(name))
                        .forEach(name -> unknown.add(describe(name, source.getConfigurationProperty(name))));
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", unknown) + (unknown.size() == 1 ? " is" : " are")
                                               + " no option of the gewe component. Its options are listed in the "
                                               + "README and in META-INF/spring-configuration-metadata.json, in "
                                               + "kebab-case (camel.component.gewe.base-url) or camelCase "
                                               + "(camel.component.gewe.baseUrl); the configuration's own options "
                                               + "are set directly, not under camel.component.gewe.configuration");
        }
    }

    /**
     * Known when the elements after the prefix, joined, are an option: {@code base-url} and {@code baseUrl} are one
     * element, the environment variable {@code CAMEL_COMPONENT_GEWE_BASE_URL} comes as two ({@code base.url}).
     */
    private static boolean isKnown(ConfigurationPropertyName name) {
        StringBuilder joined = new StringBuilder();
        for (int i = PREFIX.getNumberOfElements(); i < name.getNumberOfElements(); i++) {
            joined.append(name.getElement(i, ConfigurationPropertyName.Form.UNIFORM));
        }
        return KNOWN.contains(joined.toString());
    }

    private static String describe(ConfigurationPropertyName name, ConfigurationProperty property) {
        return property == null || property.getOrigin() == null ? name.toString()
                : name + " (" + property.getOrigin() + ")";
    }
}
