package io.camelgewe.examples;

import java.nio.file.Path;

import io.camelgewe.examples.routes.JmsRoutes;
import io.camelgewe.examples.scenarios.JmsScenarios;
import io.camelgewe.gewe.simulator.Fault;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java DSL JMS route against an embedded Artemis broker and the simulator. */
class JmsRoutesTest {

    @TempDir
    static Path root;
    static ExampleInfrastructure infra;
    static CamelContext context;
    static JmsScenarios scenarios;

    @BeforeAll
    static void start() throws Exception {
        infra = ExampleInfrastructure.start(ExampleSettings.embedded(root).withoutKafka());
        context = new DefaultCamelContext();
        infra.bindTo(context);
        context.addRoutes(new JmsRoutes());
        context.start();
        scenarios = new JmsScenarios(infra.simulator(), infra.connectionFactory(), infra.properties(), "java");
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.stop();
        }
        if (infra != null) {
            infra.close();
        }
    }

    @BeforeEach
    void fresh() {
        infra.simulator().reset();
    }

    @Test
    void aMessageIsSent() {
        scenarios.aMessageIsSent();
    }

    @Test
    void aMessageGeweAcceptedIsNotSentAgain() {
        scenarios.aMessageGeweAcceptedIsNotSentAgain();
    }

    @Test
    void aMessageThatCouldNotBeSentIsRedeliveredAndSentOnce() {
        scenarios.aMessageThatCouldNotBeSentIsRedeliveredAndSentOnce(infra.failures());
    }

    @Test
    void aMessageThatCouldNeverBeSentEndsOnTheDeadLetterQueue() throws Exception {
        scenarios.aMessageThatCouldNeverBeSentEndsOnTheDeadLetterQueue();
    }

    @Test
    void aRefusedMessageGoesToTheDeadLetterQueueAtOnce() throws Exception {
        scenarios.aRefusedMessageGoesToTheDeadLetterQueueAtOnce();
    }

    @Test
    void anInvalidMessageGoesToTheDeadLetterQueueAtOnce() throws Exception {
        scenarios.anInvalidMessageGoesToTheDeadLetterQueueAtOnce();
    }

    @Test
    void aDroppedConnectionIsParkedForReviewNotRetried() throws Exception {
        scenarios.aMessageGeweMayHaveSentIsParkedForReviewNotRetried(Fault.DROP_CONNECTION);
    }

    @Test
    void aGatewayErrorIsParkedForReviewNotRetried() throws Exception {
        scenarios.aMessageGeweMayHaveSentIsParkedForReviewNotRetried(Fault.HTTP_502);
    }
}
