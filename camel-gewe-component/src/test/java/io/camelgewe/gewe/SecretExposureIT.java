package io.camelgewe.gewe;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.util.SensitiveUtils;
import org.apache.camel.util.URISupport;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's claims about where a token or a callback secret can show, each checked against a Camel Main with JMX,
 * platform-http and every logger of Camel and of the component at TRACE (captured here, not written to the suite's
 * log): given to the component in code, neither shows anywhere; written in a route URI or a property file, Camel
 * itself shows them where the README says, and masks them where it says.
 */
class SecretExposureIT {

    /** Given in code: must never show. Each value is distinct, so that a line shows which way it came. */
    private static final String TOKEN_CODE = "tok-in-code-" + GeweTestSupport.TOKEN_MARK;
    private static final String SECRET_CODE = "sec-in-code-" + GeweTestSupport.SECRET_MARK;
    /** Written where Camel shows them: the README warns about each. */
    private static final String TOKEN_URI = "tok-in-uri-0003";
    private static final String TOKEN_URI_PLACEHOLDER = "tok-uri-placeholder-0004";
    private static final String SECRET_URI = "sec-in-uri-0007";
    private static final String TOKEN_PROPERTY = "tok-property-value-0008";
    private static final String SECRET_PROPERTY = "sec-property-value-0009";
    private static final String TOKEN_PLACEHOLDER = "tok-from-placeholder-0002";
    private static final String TOKEN_SYS = "tok-from-sys-function-0010";

    private static final List<String> LOGGERS = List.of("org.apache.camel", "io.camelgewe");
    /** The test configuration's own loggers under those, put back afterwards. */
    private static final List<LoggerConfig> REPLACED = new CopyOnWriteArrayList<>();
    private static final List<String> LINES = new CopyOnWriteArrayList<>();
    private static AbstractAppender capture;
    private static Main main;
    private static String xml;
    private static String xmlResolved;
    private static String yamlResolved;
    private static List<String> attributes;

    @BeforeAll
    static void startCamelMainWithEveryLoggerAtTrace() throws Exception {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        capture = new AbstractAppender("secret-exposure", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent e) {
                LINES.add(e.getLevel() + " " + e.getLoggerName() + " - " + e.getMessage().getFormattedMessage());
            }
        };
        capture.start();
        config.addAppender(capture);
        List<String> names = new ArrayList<>(LOGGERS);
        // a logger the test configuration names on its own (to keep a provoked ERROR off the console) is more
        // specific than Camel's root logger: it is raised to TRACE and captured too
        for (Map.Entry<String, LoggerConfig> configured : config.getLoggers().entrySet()) {
            String name = configured.getKey();
            if (LOGGERS.stream().anyMatch(name::startsWith) && !names.contains(name)) {
                names.add(name);
                REPLACED.add(configured.getValue());
            }
        }
        REPLACED.forEach(replaced -> config.removeLogger(replaced.getName()));
        for (String name : names) {
            // not additive: what is captured here does not reach target/it.log, which TokenLeakIT reads
            LoggerConfig logger = new LoggerConfig(name, Level.TRACE, false);
            logger.addAppender(capture, Level.TRACE, null);
            config.addLogger(name, logger);
        }
        ctx.updateLoggers();

        System.setProperty("gewe.exposure.sysToken", TOKEN_SYS);
        main = new Main();
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", String.valueOf(AvailablePortFinder.getNextAvailable()));
        // a property file: values, placeholders, a function, and one property whose name Camel does not find sensitive
        main.addInitialProperty("camel.component.geweproperty.token", TOKEN_PROPERTY);
        main.addInitialProperty("camel.component.geweproperty.secret", SECRET_PROPERTY);
        main.addInitialProperty("gewe.token", TOKEN_PLACEHOLDER);
        main.addInitialProperty("camel.component.geweplaceholder.token", "{{gewe.token}}");
        main.addInitialProperty("camel.component.gewefunction.token", "{{sys:gewe.exposure.sysToken}}");
        main.addInitialProperty("gewe.uritoken", TOKEN_URI_PLACEHOLDER);
        GeweComponent code = new GeweComponent();
        code.setToken(TOKEN_CODE);
        code.getConfiguration().setSecret(SECRET_CODE);
        main.bind("gewe", code);
        for (String name : List.of("geweproperty", "geweplaceholder", "gewefunction")) {
            main.bind(name, new GeweComponent());
        }
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("gewe:callback").routeId("secret-in-code").to("log:code");
                from("gewe:callback?path=/uri&secret=" + SECRET_URI).routeId("secret-in-uri").to("log:uri");
                from("direct:code").to("gewe:postText");
                from("direct:uri").to("gewe:postText?token=" + TOKEN_URI);
                from("direct:placeholder").to("gewe:postText?token={{gewe.uritoken}}");
                from("direct:property").to("geweproperty:postText");
            }
        });
        main.start();

        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName context = server.queryNames(new ObjectName("org.apache.camel:type=context,*"), null).iterator().next();
        xml = (String) server.invoke(context, "dumpRoutesAsXml", new Object[] { false }, new String[] { "boolean" });
        xmlResolved = (String) server.invoke(context, "dumpRoutesAsXml", new Object[] { true }, new String[] { "boolean" });
        yamlResolved = (String) server.invoke(context, "dumpRoutesAsYaml", new Object[] { true },
                new String[] { "boolean" });
        attributes = new ArrayList<>();
        for (ObjectName name : server.queryNames(new ObjectName("org.apache.camel:*"), null)) {
            for (MBeanAttributeInfo a : server.getMBeanInfo(name).getAttributes()) {
                try {
                    attributes.add(name + " " + a.getName() + " = "
                                   + TokenLeakIT.deepString(server.getAttribute(name, a.getName())));
                } catch (Exception | LinkageError unreadable) {
                    // some attributes cannot be read outside a running exchange
                }
            }
        }
    }

    @AfterAll
    static void stopAndRestoreLogging() {
        if (main != null) {
            main.stop();
        }
        System.clearProperty("gewe.exposure.sysToken");
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        LOGGERS.forEach(config::removeLogger);
        REPLACED.forEach(replaced -> {
            config.removeLogger(replaced.getName());
            config.addLogger(replaced.getName(), replaced);
        });
        config.getAppenders().remove(capture.getName());
        capture.stop();
        ctx.updateLoggers();
    }

    private static List<String> linesWith(String value) {
        return LINES.stream().filter(l -> l.contains(value)).toList();
    }

    private static boolean logged(String level, String logger, String value) {
        return LINES.stream().anyMatch(l -> l.startsWith(level + " " + logger) && l.contains(value));
    }

    @Test
    void givenToTheComponentInCodeNeitherShowsInAnyLogJmxAttributeOrRouteDump() {
        assertTrue(LINES.size() > 1000, "Camel logged at TRACE: " + LINES.size() + " lines");
        assertTrue(attributes.size() > 100, "JMX attributes read: " + attributes.size());
        for (String value : List.of(TOKEN_CODE, SECRET_CODE)) {
            assertEquals(List.of(), linesWith(value), value + " was logged");
            assertEquals(List.of(), attributes.stream().filter(a -> a.contains(value)).toList());
            assertFalse(xml.contains(value) || xmlResolved.contains(value) || yamlResolved.contains(value), value);
        }
    }

    @Test
    void writtenInARouteUriTheyShowInCamelsTraceAndDebugLogsAndInRouteDumps() {
        // Camel core's TRACE of endpoint creation: the URI, placeholders resolved
        assertTrue(logged("TRACE", "org.apache.camel.impl.engine.AbstractCamelContext", "token=" + TOKEN_URI));
        assertTrue(logged("TRACE", "org.apache.camel.impl.engine.AbstractCamelContext", "secret=" + SECRET_URI));
        assertTrue(logged("TRACE", "org.apache.camel.impl.engine.AbstractCamelContext", "token=" + TOKEN_URI_PLACEHOLDER),
                "even when the URI has a placeholder");
        // DEBUG of route building: the URI as written
        assertTrue(logged("DEBUG", "org.apache.camel.impl.engine.AbstractCamelContext", "secret=" + SECRET_URI));
        // JMX route dumps: the URI as written, or resolved when asked
        assertTrue(xml.contains(TOKEN_URI) && xml.contains(SECRET_URI), xml);
        assertTrue(xml.contains("token={{gewe.uritoken}}") && !xml.contains(TOKEN_URI_PLACEHOLDER));
        assertTrue(xmlResolved.contains(TOKEN_URI_PLACEHOLDER));
        assertTrue(yamlResolved.contains(TOKEN_URI) && yamlResolved.contains(SECRET_URI)
                   && yamlResolved.contains(TOKEN_URI_PLACEHOLDER), yamlResolved);
        // nothing below INFO: Camel's route summaries and started lines mask or leave out the query
        for (String value : List.of(TOKEN_URI, SECRET_URI, TOKEN_URI_PLACEHOLDER)) {
            assertEquals(List.of(), linesWith(value).stream()
                    .filter(l -> l.startsWith("INFO") || l.startsWith("WARN") || l.startsWith("ERROR"))
                    .filter(l -> !l.contains("[InitialProperties]")).toList());
            // and Camel masks the token and secret options wherever it shows an endpoint: JMX, toString()
            assertEquals(List.of(), attributes.stream().filter(a -> a.contains(value)).toList(), value);
        }
        main.getCamelContext().getEndpoints().forEach(e -> {
            assertFalse(e.toString().contains(TOKEN_URI) || e.toString().contains(SECRET_URI), e.toString());
        });
    }

    @Test
    void inAPropertyFileTheyShowInCamelMainsAndThePropertyParsersDebug() {
        // a value: Camel Main's DEBUG of the options it sets
        assertTrue(logged("DEBUG", "org.apache.camel.main.MainHelper",
                "Configured property: camel.component.geweproperty.token=" + TOKEN_PROPERTY));
        assertTrue(logged("DEBUG", "org.apache.camel.main.MainHelper",
                "Configured property: camel.component.geweproperty.secret=" + SECRET_PROPERTY));
        assertTrue(logged("DEBUG", "org.apache.camel.main.BaseMainSupport",
                "camel.component.geweproperty.token=" + TOKEN_PROPERTY));
        // a placeholder or a function: the property parser's DEBUG when it resolves it
        assertTrue(logged("DEBUG", "org.apache.camel.component.properties.DefaultPropertiesParser",
                "Found property: gewe.token with value: " + TOKEN_PLACEHOLDER));
        assertTrue(logged("DEBUG", "org.apache.camel.component.properties.DefaultPropertiesParser",
                "applied by function [sys] -> " + TOKEN_SYS));
        assertTrue(logged("DEBUG", "org.apache.camel.impl.engine.DefaultCamelContextExtension",
                "Resolved text: {{gewe.token}} -> " + TOKEN_PLACEHOLDER));
        assertFalse(logged("DEBUG", "org.apache.camel.main.MainHelper", TOKEN_PLACEHOLDER),
                "Camel Main shows the placeholder, not its value");
        // at INFO, Camel Main's property summary masks a name that ends in a sensitive word, and only such a name
        assertTrue(logged("INFO", "org.apache.camel.main.BaseMainSupport", "gewe.uritoken = " + TOKEN_URI_PLACEHOLDER));
        assertTrue(logged("INFO", "org.apache.camel.main.BaseMainSupport", "gewe.token = xxxxxx"));
        for (String value : List.of(TOKEN_PROPERTY, SECRET_PROPERTY, TOKEN_PLACEHOLDER, TOKEN_SYS)) {
            assertEquals(List.of(), linesWith(value).stream().filter(l -> l.startsWith("INFO")).toList());
        }
        for (String sensitive : List.of("camel.component.gewe.token", "camel.component.gewe.secret", "gewe.token",
                "gewe.examples.callbacks.secret", "camel.component.gewe.configuration.secret")) {
            assertTrue(SensitiveUtils.containsSensitive(sensitive), sensitive);
        }
        for (String notSensitive : List.of("gewe.uritoken", "callbackSecret", "callback-secret", "GEWE_TOKEN")) {
            assertFalse(SensitiveUtils.containsSensitive(notSensitive), notSensitive);
        }
        // in a URI, a parameter whose name merely contains a sensitive word is masked
        assertEquals("gewe://callback?path=/p&callbackSecret=xxxxxx&uritoken=xxxxxx",
                URISupport.sanitizeUri("gewe://callback?path=/p&callbackSecret=abc&uritoken=def"));
    }
}
