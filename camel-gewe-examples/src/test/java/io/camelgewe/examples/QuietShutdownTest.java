package io.camelgewe.examples;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelgewe.examples.ExampleApplication.Flavour;
import io.camelgewe.examples.scenarios.Poll;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Stopping the main job, as Ctrl+C does (the application, then the brokers), is quiet in every flavour: the Kafka
 * clients of the ledgers close with the application, so none is left to report the broker it lost. (The Spring XML
 * flavour left the callback ledger's clients open, which logged "Connection to node 1 could not be established" at
 * WARN over and over while the application stopped.)
 */
class QuietShutdownTest {

    private static final String KAFKA_CLIENTS = "org.apache.kafka.clients";

    @TempDir
    Path root;

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void stoppingTheApplicationLeavesNoKafkaClientBehind(Flavour flavour) throws Exception {
        ExampleInfrastructure infra = ExampleInfrastructure.start(ExampleSettings.embedded(root).withoutCallbackDemo());
        Capture warnings = new Capture();
        try {
            ExampleApplication app = ExampleApplication.start(infra, flavour, new Properties());
            // the callback consumer registered its URL: every ledger client is connected
            Poll.until(Duration.ofSeconds(30), () -> infra.simulator().callbackUrl() != null, "registered");
            warnings.attach();
            app.close();
        } finally {
            infra.close();
            warnings.detach();
        }
        assertEquals(List.of(), warnings.lines.stream().filter(l -> l.contains("could not be established")).toList(),
                "no Kafka client outlived the " + flavour.argument() + " application");
    }

    /** The WARN lines of Kafka's clients while it is attached (they also go where they always go). */
    private static final class Capture extends AbstractAppender {
        final List<String> lines = new CopyOnWriteArrayList<>();

        Capture() {
            super("kafka-clients-capture", null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            lines.add(event.getMessage().getFormattedMessage());
        }

        void attach() {
            start();
            LoggerContext logging = LoggerContext.getContext(false);
            Configuration config = logging.getConfiguration();
            LoggerConfig kafka = LoggerConfig.newBuilder().withLoggerName(KAFKA_CLIENTS).withLevel(Level.WARN)
                    .withAdditivity(true).withConfig(config).build();
            kafka.addAppender(this, null, null);
            config.addLogger(KAFKA_CLIENTS, kafka);
            logging.updateLoggers();
        }

        void detach() {
            LoggerContext logging = LoggerContext.getContext(false);
            logging.getConfiguration().removeLogger(KAFKA_CLIENTS);
            logging.updateLoggers();
            stop();
        }
    }
}
