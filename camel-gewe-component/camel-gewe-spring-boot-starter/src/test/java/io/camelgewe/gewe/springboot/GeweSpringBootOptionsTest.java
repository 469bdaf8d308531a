package io.camelgewe.gewe.springboot;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelgewe.gewe.GeweComponent;
import io.camelgewe.gewe.GeweConfiguration;
import io.camelgewe.gewe.springboot.bare.BareApplication;
import org.apache.camel.Producer;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every option of the component's generated gewe.json (componentProperties) reaches the component from a property,
 * in kebab-case and in camelCase; what is not set keeps the component's default; what is wrong stops the
 * application with the property's name.
 */
@ExtendWith(OutputCaptureExtension.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class GeweSpringBootOptionsTest {

    static final String GOING_LIVE = "# application.properties (Spring Boot, with camel-gewe-spring-boot-starter)";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The beans of BareApplication, by the type of the option that takes them. */
    private static final Map<String, String> BEANS = Map.of(
            "io.camelgewe.gewe.GeweConfiguration", "sharedConfiguration",
            "io.camelgewe.gewe.spi.GeweClient", "answeringNothing",
            "java.util.concurrent.ExecutorService", "sharedPool",
            "org.apache.camel.spi.IdempotentRepository", "seenMessages",
            "org.apache.camel.spi.StateRepository", "cdnCopies",
            "org.apache.camel.support.jsse.SSLContextParameters", "tls");

    @TempDir
    Path dir;

    /** One option: its name, the text a property gives it, and what the component should then hold. */
    private record Given(String name, String text, Object expected) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"kebab-case", "camelCase"})
    void everyComponentPropertyOfGeweJsonReachesTheComponent(String spelling) throws Exception {
        List<Given> options = new ArrayList<>();
        StringBuilder properties = new StringBuilder("spring.task.execution.mode = force\n");
        int n = 0;
        for (Map.Entry<String, JsonNode> e : componentProperties().properties()) {
            Given given = given(e.getKey(), e.getValue(), n++, spelling.equals("camelCase") ? "#bean:" : "#");
            options.add(given);
            String key = spelling.equals("camelCase") ? given.name() : given.name().replaceAll("([A-Z])", "-$1").toLowerCase();
            properties.append("camel.component.gewe.").append(key).append(" = ").append(given.text()).append('\n');
        }
        try (GeweSpringBootApp app = GeweSpringBootApp.start(Readme.write(properties.toString(),
                dir.resolve("application.properties")), new GeweSpringBootApp.Settings().bare(BareApplication.class))) {
            GeweComponent gewe = app.gewe();
            PropertyConfigurerGetter getter = (PropertyConfigurerGetter) gewe.getComponentPropertyConfigurer();
            for (Given given : options) {
                Object actual = getter.getOptionValue(gewe, given.name(), false);
                Object expected = given.expected() instanceof String bean && bean.startsWith("bean ")
                        ? app.context().getBean(bean.substring(5)) : given.expected();
                if (expected instanceof Number number) {
                    assertEquals(number.longValue(), ((Number) actual).longValue(), given.name());
                } else if (expected instanceof String || expected instanceof Boolean || expected instanceof Enum) {
                    assertEquals(expected, actual, given.name());
                } else {
                    assertSame(expected, actual, given.name());
                }
            }
            // the configuration bean came first: the other options were set on it, not on one it replaced
            assertSame(app.context().getBean("sharedConfiguration", GeweConfiguration.class), gewe.getConfiguration());
            assertEquals("value-of-baseUrl", gewe.getConfiguration().getBaseUrl());
        }
    }

    /** A value unlike the option's default, as a property gives it, and as the component should hold it. */
    private static Given given(String name, JsonNode option, int n, String reference) {
        JsonNode def = option.get("defaultValue");
        switch (option.path("type").asText()) {
            case "boolean": {
                boolean value = def == null || !def.asBoolean();
                return new Given(name, String.valueOf(value), value);
            }
            case "integer":
                return new Given(name, String.valueOf(1001 + n), 1001L + n);
            case "string":
                return new Given(name, "value-of-" + name, "value-of-" + name);
            case "duration":
                // Camel's duration text, as tooling and the component read it: the component holds milliseconds
                return new Given(name, (11 + n) + "s", (11L + n) * 1000);
            case "enum": {
                String value = null;
                for (JsonNode v : option.get("enum")) {
                    if (def == null || !v.asText().equals(def.asText())) {
                        value = v.asText();
                    }
                }
                Object expected = value;
                if (!"java.lang.String".equals(option.path("javaType").asText())) {
                    expected = enumValue(option.path("javaType").asText(), value);
                }
                return new Given(name, value.toLowerCase(), expected);
            }
            case "object": {
                String type = option.path("javaType").asText().replaceAll("<.*>", "");
                String bean = BEANS.get(type);
                if (bean == null) {
                    throw new AssertionError("option " + name + " takes a " + type + ": add a bean of it to BareApplication");
                }
                return new Given(name, reference + bean, "bean " + bean);
            }
            default:
                throw new AssertionError("option " + name + " has a type this test does not know: " + option);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(String type, String value) {
        try {
            return Enum.valueOf((Class<Enum>) Class.forName(type), value);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theGoingLiveLinesSetTokenAppIdAndBaseUrlAndNothingElse() throws Exception {
        Path file = Readme.write(Readme.snippet(GOING_LIVE), dir.resolve("application.properties"));
        try (GeweSpringBootApp app = GeweSpringBootApp.start(file, new GeweSpringBootApp.Settings()
                .bare(BareApplication.class).env("GEWE_TOKEN", "token-from-the-environment")
                .env("GEWE_APP_ID", "wx_app_from_the_environment"))) {
            GeweComponent gewe = app.gewe();
            assertEquals("token-from-the-environment", gewe.getConfiguration().getToken());
            assertEquals("wx_app_from_the_environment", gewe.getConfiguration().getAppId());
            assertEquals("http://api.geweapi.com/gewe/v2/api", gewe.getConfiguration().getBaseUrl());

            GeweComponent untouched = new GeweComponent();
            untouched.setCamelContext(app.camel());
            PropertyConfigurerGetter getter = (PropertyConfigurerGetter) PluginHelper.getConfigurerResolver(app.camel())
                    .resolvePropertyConfigurer("gewe-component", app.camel());
            for (Map.Entry<String, JsonNode> e : componentProperties().properties()) {
                String name = e.getKey();
                // configuration is the object holding the three: its other options are compared one by one
                if (!List.of("token", "appId", "baseUrl", "configuration").contains(name)) {
                    assertEquals(getter.getOptionValue(untouched, name, false), getter.getOptionValue(gewe, name, false),
                            name + " keeps the component's default");
                }
            }
        }
    }

    @Test
    void camelsEnvPlaceholderIsNoSpringBootPlaceholder() throws Exception {
        // what the README warns of: Spring reads ${env:GEWE_TOKEN} as the property env, defaulting to GEWE_TOKEN
        Path file = Readme.write("camel.component.gewe.token = ${env:GEWE_TOKEN}\n", dir.resolve("application.properties"));
        try (GeweSpringBootApp app = GeweSpringBootApp.start(file, new GeweSpringBootApp.Settings()
                .bare(BareApplication.class).env("GEWE_TOKEN", "token-from-the-environment"))) {
            assertEquals("GEWE_TOKEN", app.gewe().getConfiguration().getToken());
        }
    }

    @Test
    void aPropertyThatIsNoOptionStopsTheApplicationWithItsNameButNotItsValue(CapturedOutput output) {
        Path file = Readme.write("camel.component.gewe.base-url = http://127.0.0.1:1/gewe/v2/api\n"
                                 + "camel.component.gewe.tokn = the-secret-token-1234\n",
                dir.resolve("application.properties"));
        Exception e = assertThrows(Exception.class, () -> GeweSpringBootApp.start(file,
                new GeweSpringBootApp.Settings().bare(BareApplication.class)
                        .env("CAMEL_COMPONENT_GEWE_APP_ID", "known, as an environment variable")
                        .env("CAMEL_COMPONENT_GEWE_TOKN", "the-secret-token-5678")).close());
        String messages = messages(e);
        assertTrue(messages.contains("camel.component.gewe.tokn (URL [file:"), "the file's line: " + messages);
        assertTrue(messages.contains("CAMEL_COMPONENT_GEWE_TOKN"), "the environment variable: " + messages);
        assertFalse(messages.contains("APP_ID"), "the environment variable of a known option is no error: " + messages);
        assertFalse(messages.contains("the-secret-token"), messages);
        assertFalse(output.getAll().contains("the-secret-token"), "a value in the start-up failure's log");
    }

    @Test
    void aValueOfTheWrongTypeStopsTheApplicationNamingTheProperty() {
        Path file = Readme.write("camel.component.gewe.pacing = maybe\n", dir.resolve("application.properties"));
        Exception e = assertThrows(Exception.class, () -> GeweSpringBootApp.start(file,
                new GeweSpringBootApp.Settings().bare(BareApplication.class)).close());
        assertTrue(messages(e).contains("camel.component.gewe.pacing"), messages(e));
    }

    @ParameterizedTest
    @ValueSource(strings = { "response-timeout", "pacing-person-interval" })
    void aDurationThatIsNoneStopsTheApplicationNamingTheOption(String property) {
        // Spring Boot binds a duration as text, and Camel's conversion would have read this as 0
        Path file = Readme.write("camel.component.gewe.base-url = http://127.0.0.1:1/gewe/v2/api\n"
                                 + "camel.component.gewe.token = a-token\n"
                                 + "camel.component.gewe.app-id = wx_app\n"
                                 + "camel.component.gewe." + property + " = abc\n"
                                 + "spring.task.execution.mode = force\n",
                dir.resolve("application.properties"));
        // the full application: its routes make Camel create the component as it starts
        Exception e = assertThrows(Exception.class, () -> GeweSpringBootApp.start(file,
                new GeweSpringBootApp.Settings()).close());
        String option = org.apache.camel.util.StringHelper.dashToCamelCase(property);
        assertTrue(messages(e).contains(option + " must be a duration") && messages(e).contains("not 'abc'"),
                messages(e));
    }

    @Test
    void aReferenceToNoBeanStopsTheApplicationNamingTheOptionAndTheBean() {
        Path file = Readme.write("camel.component.gewe.base-url = http://127.0.0.1:1/gewe/v2/api\n"
                                 + "camel.component.gewe.token = a-token\n"
                                 + "camel.component.gewe.app-id = wx_app\n"
                                 + "camel.component.gewe.worker-pool = #noSuchPool\n"
                                 + "spring.task.execution.mode = force\n",
                dir.resolve("application.properties"));
        // the full application: its routes make Camel create the component as it starts
        Exception e = assertThrows(Exception.class, () -> GeweSpringBootApp.start(file,
                new GeweSpringBootApp.Settings()).close());
        String messages = messages(e);
        assertTrue(messages.contains("workerPool") && messages.contains("noSuchPool"), messages);
    }

    @Test
    void enabledFalseLeavesTheComponentAsCamelMakesIt() throws Exception {
        Path file = Readme.write("camel.component.gewe.enabled = false\ncamel.component.gewe.app-id = wx_ignored\n",
                dir.resolve("application.properties"));
        try (GeweSpringBootApp app = GeweSpringBootApp.start(file,
                new GeweSpringBootApp.Settings().bare(BareApplication.class))) {
            assertNull(app.gewe().getConfiguration().getAppId());
        }
    }

    @Test
    void healthCheckProducerEnabledFalseLeavesTheAccountsChecksOut() throws Exception {
        Path file = Readme.write("camel.component.gewe.token = a-token\n"
                                 + "camel.component.gewe.app-id = wx_app\n"
                                 + "camel.component.gewe.health-check-producer-enabled = false\n",
                dir.resolve("application.properties"));
        try (GeweSpringBootApp app = GeweSpringBootApp.start(file,
                new GeweSpringBootApp.Settings().bare(BareApplication.class))) {
            Producer producer = app.camel().getEndpoint("gewe:postText").createProducer();
            ServiceHelper.startService(producer);
            try {
                assertTrue(HealthCheckRegistry.get(app.camel()).getCheck("gewe-account-wx_app").isEmpty(),
                        "the account's check was registered");
            } finally {
                ServiceHelper.stopService(producer);
            }
        }
    }

    private static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
        }
        return sb.toString();
    }

    static JsonNode componentProperties() throws Exception {
        try (InputStream in = GeweComponent.class.getClassLoader().getResourceAsStream("META-INF/io/camelgewe/gewe/gewe.json")) {
            return JSON.readTree(in).get("componentProperties");
        }
    }
}
