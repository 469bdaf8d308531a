package io.camelgewe.gewe;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.SensitiveUtils;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's paragraph on Camel's property parser is true to Camel: the parser and the context log a resolved
 * placeholder's value at DEBUG, unmasked, in the lines the README quotes; nothing at INFO, the level the README and the
 * examples' log4j2.properties keep those loggers at; and {@code SensitiveUtils} masks the keys the README says it masks. The
 * lines are caught here and kept out of target/test.log (TokenLeakIT reads it).
 */
class CamelPropertyParserLogTest {

    /** The parser, and the context that asks it: both log a resolved value at DEBUG. */
    private static final List<String> LOGGERS = List.of("org.apache.camel.component.properties",
            "org.apache.camel.impl.engine.DefaultCamelContextExtension");
    private static final String TOKEN = "tok-parser-example-4711";
    private static final Path README = Path.of("..", "README.md");
    private static final Path EXAMPLES_LOG_CONFIG =
            Path.of("..", "camel-gewe-examples", "src", "main", "resources", "log4j2.properties");

    @Test
    void atDebugCamelLogsTheValueOfAPlaceholderUnmasked() throws Exception {
        String paragraph = paragraph();
        List<String> logged = resolvedWithLoggersAt(Level.DEBUG);
        // the env function, as the README's example has it, needs a variable of this process: sys is the same code
        for (String line : List.of("Property with key [env:GEWE_TOKEN] applied by function [env] -> ",
                "Resolved text: {{env:GEWE_TOKEN}} -> ")) {
            assertTrue(paragraph.contains("`" + line + "<the token>`"), "the README quotes " + line + paragraph);
            String expected = line.replace("env:GEWE_TOKEN", "sys:gewe.parser.token").replace("[env]", "[sys]") + TOKEN;
            assertTrue(logged.contains(expected), "Camel logs " + expected + ": " + logged);
        }
        for (String logger : LOGGERS) {
            assertTrue(paragraph.contains("`" + logger + "`"), logger + " named in " + paragraph);
        }
        assertTrue(paragraph.contains("at INFO or above"), paragraph);
        assertFalse(String.join("\n", resolvedWithLoggersAt(Level.INFO)).contains(TOKEN), "nothing at INFO");
    }

    @Test
    void camelMasksTheKeysTheReadmeSaysItMasks() throws Exception {
        String paragraph = paragraph();
        assertTrue(paragraph.contains("`camel.component.gewe.token` is masked"), paragraph);
        assertTrue(SensitiveUtils.containsSensitive("camel.component.gewe.token"));
        assertTrue(paragraph.contains("the variable `GEWE_TOKEN` is not"), paragraph);
        assertFalse(SensitiveUtils.containsSensitive("GEWE_TOKEN"));
        for (String name : List.of("token", "secret", "password", "accesskey")) {
            assertTrue(paragraph.contains("`" + name + "`"), name);
            assertTrue(SensitiveUtils.getSensitiveKeys().contains(name), name);
        }
    }

    @Test
    void theExamplesKeepBothLoggersAtInfo() throws Exception {
        Properties log = new Properties();
        try (var in = Files.newInputStream(EXAMPLES_LOG_CONFIG)) {
            log.load(in);
        }
        for (String logger : LOGGERS) {
            String key = log.stringPropertyNames().stream().filter(k -> logger.equals(log.getProperty(k))).findFirst()
                    .orElseThrow(() -> new AssertionError("no logger " + logger + " in " + EXAMPLES_LOG_CONFIG));
            assertEquals("INFO", log.getProperty(key.replace(".name", ".level")), logger);
        }
    }

    /** What Camel logs while a context resolves {@code {{sys:gewe.parser.token}}}, both loggers at that level. */
    private static List<String> resolvedWithLoggersAt(Level level) throws Exception {
        LoggerContext logging = LoggerContext.getContext(false);
        Configuration config = logging.getConfiguration();
        Capture capture = new Capture();
        capture.start();
        for (String logger : LOGGERS) {
            // only here: not in the suite's debug log
            LoggerConfig lc = LoggerConfig.newBuilder().withLoggerName(logger).withLevel(level).withAdditivity(false)
                    .withConfig(config).build();
            lc.addAppender(capture, null, null);
            config.addLogger(logger, lc);
        }
        logging.updateLoggers();
        System.setProperty("gewe.parser.token", TOKEN);
        CamelContext camel = new DefaultCamelContext();
        try {
            camel.start();
            assertEquals(TOKEN, camel.resolvePropertyPlaceholders("{{sys:gewe.parser.token}}"));
        } finally {
            camel.stop();
            System.clearProperty("gewe.parser.token");
            LOGGERS.forEach(config::removeLogger);
            logging.updateLoggers();
            capture.stop();
        }
        return capture.lines;
    }

    private static String paragraph() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int start = readme.indexOf("**Camel's property parser prints what it resolves.**");
        assertTrue(start >= 0, "the README's paragraph on the property parser");
        int end = readme.indexOf("\n\n", start);
        return readme.substring(start, end < 0 ? readme.length() : end).replace('\n', ' ');
    }

    /** Keeps the formatted messages it is given. */
    private static final class Capture extends AbstractAppender {
        final List<String> lines = new CopyOnWriteArrayList<>();

        Capture() {
            super("parser-capture", null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            lines.add(event.getMessage().getFormattedMessage());
        }
    }
}
