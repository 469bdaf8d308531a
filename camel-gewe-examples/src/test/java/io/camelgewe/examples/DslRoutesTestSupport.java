package io.camelgewe.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.camelgewe.examples.scenarios.FileScenarios;
import io.camelgewe.examples.scenarios.JmsScenarios;
import io.camelgewe.gewe.simulator.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The JMS and file scenarios for routes written in another DSL (Spring XML, YAML): a subclass starts its routes on
 * the embedded broker, the simulator and a real drop folder; the assertions are the Java DSL's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DslRoutesTestSupport {

    protected Path root;
    protected ExampleInfrastructure infra;
    private FileScenarios files;
    private JmsScenarios jms;

    /** Starts the routes of this DSL with the infrastructure's beans. */
    protected abstract void startRoutes() throws Exception;

    /** Stops them. */
    protected abstract void stopRoutes() throws Exception;

    /** The DSL's name, marks this class's messages. */
    protected abstract String dsl();

    @BeforeAll
    void start() throws Exception {
        root = Files.createTempDirectory("gewe-" + dsl() + "-");
        infra = ExampleInfrastructure.start(ExampleSettings.embedded(root).withoutKafka()
                .toWxid(FileScenarios.DEFAULT_WXID));
        startRoutes();
        files = new FileScenarios(infra.simulator(), root.resolve("drop"), dsl());
        jms = new JmsScenarios(infra.simulator(), infra.connectionFactory(), infra.properties(), dsl());
    }

    @AfterAll
    void stop() throws Exception {
        try {
            stopRoutes();
        } finally {
            if (infra != null) {
                infra.close();
            }
            deleteTree(root);
        }
    }

    @BeforeEach
    void fresh() {
        infra.simulator().reset();
    }

    @Test
    void filesJsonAndCsvBecomeSends() throws Exception {
        files.jsonAndCsvFilesBecomeSends();
    }

    @Test
    void filesABadFileEndsInErrorWithTheReasonAndTheNextOneStillGoes() throws Exception {
        files.aBadFileEndsInErrorWithTheReasonAndTheNextOneStillGoes();
    }

    @Test
    void filesARefusedMessageStopsTheFileAndTheReasonSaysWhatWasSent() throws Exception {
        files.aRefusedMessageStopsTheFileAndTheReasonSaysWhatWasSent();
    }

    @Test
    void jmsAMessageIsSent() {
        jms.aMessageIsSent();
    }

    @Test
    void jmsAMessageGeweAcceptedIsNotSentAgain() {
        jms.aMessageGeweAcceptedIsNotSentAgain();
    }

    @Test
    void jmsAMessageThatCouldNotBeSentIsRedeliveredAndSentOnce() {
        jms.aMessageThatCouldNotBeSentIsRedeliveredAndSentOnce(infra.failures());
    }

    @Test
    void jmsAMessageThatCouldNeverBeSentEndsOnTheDeadLetterQueue() throws Exception {
        jms.aMessageThatCouldNeverBeSentEndsOnTheDeadLetterQueue();
    }

    @Test
    void jmsARefusedMessageGoesToTheDeadLetterQueueAtOnce() throws Exception {
        jms.aRefusedMessageGoesToTheDeadLetterQueueAtOnce();
    }

    @Test
    void jmsAnInvalidMessageGoesToTheDeadLetterQueueAtOnce() throws Exception {
        jms.anInvalidMessageGoesToTheDeadLetterQueueAtOnce();
    }

    @Test
    void jmsADroppedConnectionIsParkedForReviewNotRetried() throws Exception {
        jms.aMessageGeweMayHaveSentIsParkedForReviewNotRetried(Fault.DROP_CONNECTION);
    }

    private static void deleteTree(Path p) throws IOException {
        if (p == null || !Files.exists(p)) {
            return;
        }
        try (var files = Files.walk(p)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
