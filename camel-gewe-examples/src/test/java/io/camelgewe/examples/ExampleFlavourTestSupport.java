package io.camelgewe.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Properties;

import io.camelgewe.examples.ExampleApplication.Flavour;
import io.camelgewe.examples.infra.FreePorts;
import io.camelgewe.examples.scenarios.FileScenarios;
import io.camelgewe.examples.scenarios.JmsScenarios;
import io.camelgewe.examples.scenarios.KafkaScenarios;
import io.camelgewe.examples.scenarios.Poll;
import io.camelgewe.examples.scenarios.TopicReader;
import io.camelgewe.examples.support.ExampleStatus.Counts;
import io.camelgewe.examples.support.KafkaLedgerRepository;
import io.camelgewe.examples.support.SendLedger;
import io.camelgewe.gewe.simulator.Fault;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.api.management.ManagedCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The examples application in one flavour, started as {@code ExamplesMain} starts it ({@link ExampleApplication}:
 * every route, with Kafka) on the embedded brokers, the simulator and a drop folder under a temporary root, once per
 * class. Every flavour runs every scenario below, asserted the same way: the flavours cannot drift apart. The
 * simulator forgets its requests and faults before each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ExampleFlavourTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    protected Path root;
    protected ExampleInfrastructure infra;
    protected ExampleApplication app;
    private FileScenarios files;
    private JmsScenarios jms;
    private KafkaScenarios kafka;

    /** The flavour under test. */
    protected abstract Flavour flavour();

    /** The prefix of the ids of this flavour's JMS and file routes. */
    protected abstract String routeIdPrefix();

    @BeforeAll
    void startTheApplication() throws Exception {
        root = Files.createTempDirectory("gewe-" + flavour().argument() + "-");
        infra = ExampleInfrastructure.start(ExampleSettings.embedded(root).toWxid(FileScenarios.DEFAULT_WXID)
                .withoutCallbackDemo());
        app = ExampleApplication.start(infra, flavour(), new Properties());
        // the seed demo sends at start; each test counts its own requests from a fresh simulator
        Poll.until(WAIT, () -> infra.simulator().requests("downloadImage").size() == 1, "the seed demo is done");
        String tag = flavour().argument();
        files = new FileScenarios(infra.simulator(), root.resolve("drop"), tag);
        jms = new JmsScenarios(infra.simulator(), infra.connectionFactory(), infra.properties(), tag);
        kafka = new KafkaScenarios(infra.simulator(), infra.kafkaBootstrapServers(), infra.properties());
    }

    @AfterAll
    void stopTheApplication() throws IOException {
        try {
            if (kafka != null) {
                kafka.close();
            }
            if (app != null) {
                app.close();
            }
        } finally {
            if (infra != null) {
                infra.close();
            }
            deleteTree(root);
        }
    }

    @BeforeEach
    void freshSimulator() {
        infra.simulator().reset();
    }

    @Test
    void theFlavoursJmsAndFileRoutesRun() {
        CamelContext camel = app.camelContext();
        assertEquals(ServiceStatus.Started, camel.getRouteController().getRouteStatus(routeIdPrefix() + "jms-sends"));
        assertEquals(ServiceStatus.Started, camel.getRouteController().getRouteStatus(routeIdPrefix() + "file-sends"));
        assertEquals(ServiceStatus.Started, camel.getRouteController().getRouteStatus("kafka-sends"));
    }

    // ------------------------------------------------------------------------------------------ files

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

    // ------------------------------------------------------------------------------------------ JMS

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

    @Test
    void jmsAGatewayErrorIsParkedForReviewNotRetried() throws Exception {
        jms.aMessageGeweMayHaveSentIsParkedForReviewNotRetried(Fault.HTTP_502);
    }

    // ------------------------------------------------------------------------------------------ Kafka

    @Test
    void kafkaRecordsKeyedByAppIdAreSentInOrderPerAccount_andAReplayByAnotherInstanceSendsNothingTwice()
            throws Exception {
        kafka.recordsKeyedByAppIdAreSentInOrderPerAccount(10);

        // another instance of the application (its own context, its own ledger client on the shared ledger topic, its
        // own HTTP port) reads the whole topic again, as after an offset reset or a lost commit: it sends none of
        // what GeWe accepted
        Properties replay = infra.callbackServer(FreePorts.next());
        replay.setProperty("gewe.examples.kafka.groupId", "replay-" + System.nanoTime());
        int records = TopicReader.readAll(infra.kafkaBootstrapServers(),
                infra.properties().getProperty("gewe.examples.kafka.topic")).size();
        ExampleApplication other = ExampleApplication.start(infra, flavour(), replay);
        KafkaLedgerRepository sendLedger;
        KafkaLedgerRepository callbackLedger;
        try {
            sendLedger = (KafkaLedgerRepository) other.camelContext().getRegistry()
                    .lookupByNameAndType("kafkaLedger", SendLedger.class).getRepository();
            callbackLedger = other.camelContext().getRegistry()
                    .lookupByNameAndType("callbackLedger", KafkaLedgerRepository.class);
            Poll.until(WAIT, () -> exchanges(other.camelContext(), "kafka-sends") >= records,
                    () -> "the other instance read the " + records + " records, not "
                          + exchanges(other.camelContext(), "kafka-sends"));
            for (int i = 0; i < 10; i++) {
                for (String c : new String[] { "a " + i, "b " + i }) {
                    assertEquals(1, infra.simulator().requests("postText").stream()
                            .filter(r -> c.equals(r.field("content").asText())).count(), c + " was sent once");
                }
            }
        } finally {
            other.close();
        }
        String dlq = infra.properties().getProperty("gewe.examples.kafka.dlq");
        assertTrue(TopicReader.readAll(infra.kafkaBootstrapServers(), dlq).stream()
                .noneMatch(r -> r.value().matches(".*\"content\":\"[ab] \\d\".*")), "none of them dead-lettered");
        // its Kafka clients closed with it, before the broker goes (else they log their lost connections)
        assertTrue(sendLedger.isStopped(), "the send ledger stopped with its instance");
        assertTrue(callbackLedger.isStopped(), "the callback ledger stopped with its instance");
    }

    @Test
    void kafkaARefusedRecordGoesToTheDeadLetterTopic() {
        kafka.aRefusedRecordGoesToTheDeadLetterTopic();
    }

    @Test
    void kafkaARecordGeweMayHaveSentIsParkedForReview() {
        kafka.aRecordGeweMayHaveSentIsParkedForReview();
    }

    @Test
    void kafkaARecordThatCouldNeverBeSentIsRetriedThenDeadLettered() {
        kafka.aRecordThatCouldNeverBeSentIsRetriedThenDeadLettered();
    }

    // ------------------------------------------------------------------------------------------ the running count

    /**
     * Scenarios through every door, each with its known outcome (which the scenario itself checks against the
     * simulator, the queues, the topics and the folders): the running count must tell the same story, and add up.
     */
    @Test
    void theCountsTellOneStory() throws Exception {
        Counts before = settled();
        long sentBySimulator = 0;
        sentBySimulator += scenario(jms::aMessageIsSent);
        sentBySimulator += scenario(jms::anInvalidMessageGoesToTheDeadLetterQueueAtOnce);
        sentBySimulator += scenario(jms::aRefusedMessageGoesToTheDeadLetterQueueAtOnce);
        sentBySimulator += scenario(() -> jms.aMessageGeweMayHaveSentIsParkedForReviewNotRetried(Fault.DROP_CONNECTION));
        sentBySimulator += scenario(() -> jms.aMessageThatCouldNotBeSentIsRedeliveredAndSentOnce(infra.failures()));
        sentBySimulator += scenario(files::aBadFileEndsInErrorWithTheReasonAndTheNextOneStillGoes);
        sentBySimulator += scenario(files::aRefusedMessageStopsTheFileAndTheReasonSaysWhatWasSent);
        sentBySimulator += scenario(kafka::aRecordThatCouldNeverBeSentIsRetriedThenDeadLettered);
        Counts after = settled();

        // JMS: sent; invalid; refused; parked; sent after a rollback. Files: a bad file (one message that cannot be
        // read) and a good one; the first of a file sent, its second refused by GeWe. Kafka: unreachable, retried
        assertEquals(10, after.accepted() - before.accepted(), "accepted: " + after);
        assertEquals(4, after.sent() - before.sent(), "sent: " + after);
        assertEquals(sentBySimulator, after.sent() - before.sent(), "sent, as the simulator counted: " + after);
        assertEquals(2, after.refusedBeforeSending() - before.refusedBeforeSending(), "refused: " + after);
        assertEquals(4, after.failedAtGewe() - before.failedAtGewe(), "failed at GeWe: " + after);
        assertEquals(5, after.deadLettered() - before.deadLettered(), "dead-lettered: " + after);
        assertEquals(1, after.parkedForReview() - before.parkedForReview(), "parked: " + after);
        // a JMS rollback, or more before GeWe was back; three redeliveries in place of the Kafka record
        assertTrue(after.retried() - before.retried() >= 4, "retries: " + after);
        assertTrue(after.addUp(), "the counts add up: " + after);
        assertTrue(infra.status().line().startsWith("GeWe sends: " + after + "; pending: files 0"),
                infra.status().line());
    }

    /** Runs a scenario on a fresh simulator; returns the sends the simulator accepted during it. */
    private long scenario(Scenario scenario) throws Exception {
        infra.simulator().reset();
        scenario.run();
        return infra.simulator().sentCount();
    }

    /** The counts once nothing is in progress. */
    private Counts settled() {
        Poll.until(WAIT, () -> infra.status().counts().inProgress() == 0,
                () -> "nothing in progress: " + infra.status().counts());
        return infra.status().counts();
    }

    @FunctionalInterface
    private interface Scenario {
        void run() throws Exception;
    }

    /** The exchanges a route has completed or failed, as Camel's route statistics (JMX ManagedRoute) count them. */
    private static long exchanges(CamelContext camel, String routeId) {
        return camel.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class).getManagedRoute(routeId)
                .getExchangesTotal();
    }

    private static void deleteTree(Path p) throws IOException {
        if (p == null || !Files.exists(p)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
