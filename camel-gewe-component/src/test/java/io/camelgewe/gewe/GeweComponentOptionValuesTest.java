package io.camelgewe.gewe;

import java.util.Map;

import org.apache.camel.main.Main;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The component's own options, as Camel Main sets them from {@code camel.component.gewe.*} (Spring Boot's starter
 * goes through the same configurer): text that is not of the option's type fails the start, naming the option,
 * where Camel's conversion made it 0 (no response timeout at all, an empty connection pool); text of its type is
 * read as before.
 */
class GeweComponentOptionValuesTest {

    @ParameterizedTest
    @CsvSource({
            "response-timeout, abc, responseTimeout must be a duration",
            "connectTimeout, soon, connectTimeout must be a duration",
            "max-connections, ten, maxConnections must be an integer",
            "pacing, maybe, pacing must be true or false" })
    void textThatIsNotOfTheOptionsTypeFailsTheStart(String option, String text, String problem) {
        Main main = main(Map.of(option, text));
        try {
            Exception e = assertThrows(Exception.class, main::start);
            String messages = messages(e);
            assertTrue(messages.contains(problem) && messages.contains("not '" + text + "'"), messages);
            assertFalse(messages.contains("gewe-options-token"), "the token stays out of it: " + messages);
        } finally {
            main.stop();
        }
    }

    @ParameterizedTest
    @CsvSource({ "60000, 60000", "60s, 60000", "1m30s, 90000", "PT0.25S, 250" })
    void textOfTheOptionsTypeIsRead(String given, long millis) throws Exception {
        Main main = main(Map.of("response-timeout", given, "maxConnections", "12"));
        try {
            main.start();
            GeweComponent gewe = main.getCamelContext().getComponent("gewe", GeweComponent.class);
            assertEquals(millis, gewe.getConfiguration().getResponseTimeout());
            assertEquals(12, gewe.getMaxConnections());
        } finally {
            main.stop();
        }
    }

    private static Main main(Map<String, String> options) {
        Main main = new Main();
        main.addInitialProperty("camel.component.gewe.token", "gewe-options-token");
        options.forEach((name, value) -> main.addInitialProperty("camel.component.gewe." + name, value));
        return main;
    }

    /** The messages of an exception and of its causes, one after the other. */
    private static String messages(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(t).append(" | ");
        }
        return b.toString();
    }
}
