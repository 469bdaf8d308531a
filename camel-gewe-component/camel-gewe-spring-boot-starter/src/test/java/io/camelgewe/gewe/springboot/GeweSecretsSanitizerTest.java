package io.camelgewe.gewe.springboot;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SanitizableData;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which of the actuator's entries the sanitizer masks: the secrets by any spelling of their names, or by value. */
class GeweSecretsSanitizerTest {

    private static Object shown(GeweSecretsSanitizer sanitizer, String key, Object value) {
        return sanitizer.apply(new SanitizableData(null, key, value)).getValue();
    }

    @Test
    void theSecretsNamesAreMaskedInEverySpelling() {
        GeweSecretsSanitizer sanitizer = new GeweSecretsSanitizer(new GeweComponentConfiguration());
        for (String key : new String[] {"camel.component.gewe.token", "camel.component.gewe.Token",
                "CAMEL_COMPONENT_GEWE_TOKEN", "camel.component.gewe.secret", "CAMEL_COMPONENT_GEWE_SECRET"}) {
            assertEquals(SanitizableData.SANITIZED_VALUE, shown(sanitizer, key, "whatever"), key);
        }
        assertEquals("wx_app", shown(sanitizer, "camel.component.gewe.app-id", "wx_app"));
        assertEquals("x", shown(sanitizer, "other.library.token", "x"), "another library's token is its own business");
    }

    @Test
    void anyEntryHoldingTheConfiguredTokenOrSecretIsMasked() {
        GeweComponentConfiguration configuration = new GeweComponentConfiguration();
        configuration.setToken("the-token");
        configuration.setSecret("the-secret");
        GeweSecretsSanitizer sanitizer = new GeweSecretsSanitizer(configuration);
        assertEquals(SanitizableData.SANITIZED_VALUE, shown(sanitizer, "GEWE_TOKEN", "the-token"));
        assertEquals(SanitizableData.SANITIZED_VALUE, shown(sanitizer, "my.callback.secret", "the-secret"));
        assertEquals("the-token-not", shown(sanitizer, "GEWE_TOKEN", "the-token-not"));
    }

    @Test
    void aBlankTokenMasksNoBlankValue() {
        GeweComponentConfiguration configuration = new GeweComponentConfiguration();
        configuration.setToken("");
        assertEquals("", shown(new GeweSecretsSanitizer(configuration), "some.empty.property", ""));
    }
}
