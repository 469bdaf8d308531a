package io.camelgewe.gewe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.camelgewe.gewe.catalog.GeweCatalog;
import org.apache.camel.catalog.CamelCatalog;
import org.apache.camel.catalog.ConfigurationPropertiesValidationResult;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.catalog.EndpointValidationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What Camel tooling says about {@code gewe:} URIs: camel-catalog 4.18.0, the validation IDE plugins and
 * camel-report-maven-plugin's {@code validate} run, loaded with the {@code gewe.json} the build generates. It must
 * refuse what the runtime refuses and accept what the runtime accepts.
 */
class GeweToolingCatalogTest {

    static CamelCatalog catalog;

    @BeforeAll
    static void loadOurComponent() throws IOException {
        String json;
        try (InputStream in = GeweComponent.class.getResourceAsStream("/META-INF/io/camelgewe/gewe/gewe.json")) {
            assertNotNull(in, "the generated gewe.json is on the class path");
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catalog = new DefaultCamelCatalog();
        catalog.addComponent("gewe", GeweComponent.class.getName(), json);
    }

    @Test
    void anUnknownOrAmbiguousOperationIsFlagged() {
        for (String uri : new String[] { "gewe:postTxt", "gewe:add", "gewe:message/postTxt", "gewe:label/postText" }) {
            EndpointValidationResult r = catalog.validateEndpointProperties(uri);
            assertFalse(r.isSuccess(), uri + " passes tooling");
            assertTrue(r.getInvalidEnum() != null && r.getInvalidEnum().containsKey("operation"),
                    uri + ": " + r.summaryErrorMessage(false));
        }
        EndpointValidationResult ambiguous = catalog.validateEndpointProperties("gewe:add");
        assertTrue(ambiguous.getEnumChoices("operation").containsAll(java.util.List.of("label/add", "im/add")),
                "the choices offered include the qualified names");
    }

    @Test
    void everyNameTheRuntimeAcceptsPassesTooling() {
        for (String name : GeweCatalog.get().uriNames()) {
            EndpointValidationResult r = catalog.validateEndpointProperties("gewe:" + name);
            assertTrue(r.isSuccess(), "gewe:" + name + ": " + r.summaryErrorMessage(false));
        }
        assertTrue(catalog.validateEndpointProperties("gewe:callback").isSuccess());
    }

    @Test
    void millisecondOptionsAreDurationsInBothForms() {
        for (String option : new String[] { "responseTimeout", "connectTimeout" }) {
            for (String value : new String[] { "60s", "60000", "1m30s", "PT45S" }) {
                EndpointValidationResult r = catalog.validateEndpointProperties("gewe:postText?" + option + "=" + value);
                assertTrue(r.isSuccess(), option + "=" + value + ": " + r.summaryErrorMessage(false));
            }
            EndpointValidationResult bad = catalog.validateEndpointProperties("gewe:postText?" + option + "=abc");
            assertEquals("abc", bad.getInvalidDuration() == null ? null : bad.getInvalidDuration().get(option),
                    bad.summaryErrorMessage(false));
        }
        assertTrue(catalog.validateEndpointProperties("gewe:callback?answerTimeout=2s").isSuccess());
    }

    @Test
    void componentMillisecondOptionsAreDurationsInApplicationProperties() {
        for (String option : new String[] { "response-timeout", "pacing-person-interval", "pacing-group-jitter",
                                            "pacing-download-interval", "account-health-refresh" }) {
            ConfigurationPropertiesValidationResult ok
                    = catalog.validateConfigurationProperty("camel.component.gewe." + option + " = 90s");
            assertTrue(ok.isSuccess(), option + ": " + ok.summaryErrorMessage(false, false, false));
            ConfigurationPropertiesValidationResult bad
                    = catalog.validateConfigurationProperty("camel.component.gewe." + option + " = soon");
            assertFalse(bad.isSuccess(), option + "=soon passes tooling");
        }
    }

    @Test
    void aTypedOptionGivenTextOfAnotherTypeIsFlagged() {
        EndpointValidationResult r = catalog.validateEndpointProperties("gewe:postVideo?videoDuration=ten");
        assertEquals("ten", r.getInvalidInteger().get("videoDuration"), r.summaryErrorMessage(false));
        r = catalog.validateEndpointProperties("gewe:postText?pacing=maybe");
        assertEquals("maybe", r.getInvalidBoolean().get("pacing"), r.summaryErrorMessage(false));
    }

    @Test
    void consumerOptionsOnAProducerAndProducerOptionsOnTheConsumerAreFlagged() {
        EndpointValidationResult r = catalog.validateEndpointProperties("gewe:postText?answerAfter=RECEIPT", false,
                false, true);
        assertTrue(r.getNotProducerOnly() != null && r.getNotProducerOnly().contains("answerAfter"),
                r.summaryErrorMessage(false));
        r = catalog.validateEndpointProperties("gewe:callback?fetch=true", false, true, false);
        assertTrue(r.getNotConsumerOnly() != null && r.getNotConsumerOnly().contains("fetch"),
                r.summaryErrorMessage(false));
        // the callback's registration calls GeWe: the timeouts are the consumer's too
        r = catalog.validateEndpointProperties("gewe:callback?registerUrl=http://h/gewe/callback&responseTimeout=5s",
                false, true, false);
        assertTrue(r.isSuccess(), r.summaryErrorMessage(false));
    }

    @Test
    void gewesFieldsPassAsTheComponentsLenientOptions() {
        // every field of every operation is an option under GeWe's name; tooling cannot tell which operation takes
        // which, so it lets them through (lenientProperties) and the runtime checks them against the operation
        EndpointValidationResult r = catalog.validateEndpointProperties("gewe:getChatroomInfo?chatroomId=1@chatroom");
        assertTrue(r.isSuccess(), r.summaryErrorMessage(false));
    }
}
