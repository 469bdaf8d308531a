package io.camelgewe.examples;

import io.camelgewe.examples.scenarios.FileScenarios;
import io.camelgewe.examples.scenarios.JmsScenarios;
import io.camelgewe.gewe.simulator.Fault;
import org.junit.jupiter.api.Test;

/**
 * The JMS and file scenarios for routes written in another DSL (Spring XML, YAML): a subclass starts its routes on
 * the embedded broker, the simulator and a real drop folder; the assertions are the Java DSL's.
 */
abstract class DslRoutesTestSupport extends ExampleRoutesTestSupport {

    private FileScenarios files;
    private JmsScenarios jms;

    /** Starts the routes of this DSL with the infrastructure's beans. */
    protected abstract void startDslRoutes() throws Exception;

    /** The DSL's name, marks this class's messages. */
    protected abstract String dsl();

    @Override
    protected ExampleSettings settings(ExampleSettings embedded) {
        return embedded.withoutKafka().toWxid(FileScenarios.DEFAULT_WXID);
    }

    @Override
    protected void startRoutes() throws Exception {
        startDslRoutes();
        files = new FileScenarios(infra.simulator(), root.resolve("drop"), dsl());
        jms = new JmsScenarios(infra.simulator(), infra.connectionFactory(), infra.properties(), dsl());
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
}
