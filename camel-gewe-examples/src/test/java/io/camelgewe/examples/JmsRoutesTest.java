package io.camelgewe.examples;

import io.camelgewe.examples.routes.JmsRoutes;
import io.camelgewe.examples.scenarios.JmsScenarios;
import io.camelgewe.gewe.simulator.Fault;
import org.junit.jupiter.api.Test;

/** The Java DSL JMS route against an embedded Artemis broker and the simulator. */
class JmsRoutesTest extends ExampleRoutesTestSupport {

    private JmsScenarios scenarios;

    @Override
    protected ExampleSettings settings(ExampleSettings embedded) {
        return embedded.withoutKafka();
    }

    @Override
    protected void startRoutes() throws Exception {
        startContext(c -> c.addRoutes(new JmsRoutes()));
        scenarios = new JmsScenarios(infra.simulator(), infra.connectionFactory(), infra.properties(), "java");
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
