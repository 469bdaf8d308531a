package io.camelgewe.gewe.springboot;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the gewe component's secrets (the token and the callback secret) wherever the actuator shows a property:
 * under its own name in any spelling ({@code camel.component.gewe.token}, {@code camelComponentGeweToken},
 * {@code CAMEL_COMPONENT_GEWE_TOKEN}), and under any other name whose value is the secret itself, such as the
 * environment variable a {@code ${GEWE_TOKEN}} placeholder reads.
 */
final class GeweSecretsSanitizer implements SanitizingFunction {

    private static final Set<String> SECRET_KEYS = GeweComponentConfiguration.SECRET_OPTIONS.stream()
            .map(option -> uniform("camel.component.gewe." + option)).collect(Collectors.toUnmodifiableSet());

    private final GeweComponentConfiguration configuration;

    GeweSecretsSanitizer(GeweComponentConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public SanitizableData apply(SanitizableData data) {
        Object value = data.getValue();
        if (value == null) {
            return data;
        }
        if (SECRET_KEYS.contains(uniform(data.getKey())) || isSecret(value.toString())) {
            return data.withSanitizedValue();
        }
        return data;
    }

    private boolean isSecret(String value) {
        return matches(value, configuration.getToken()) || matches(value, configuration.getSecret());
    }

    private static boolean matches(String value, String secret) {
        return secret != null && !secret.isBlank() && secret.equals(value);
    }

    /** The key as Spring Boot's relaxed binding sees it: no case, no dashes, underscores as dots. */
    private static String uniform(String key) {
        return key == null ? "" : key.replace('_', '.').replace("-", "").toLowerCase(Locale.ROOT);
    }
}
