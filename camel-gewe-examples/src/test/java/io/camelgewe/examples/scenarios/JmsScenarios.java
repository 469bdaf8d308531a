package io.camelgewe.examples.scenarios;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import io.camelgewe.examples.support.GeweFailures;
import io.camelgewe.examples.support.SendLedger;
import io.camelgewe.gewe.simulator.Fault;
import io.camelgewe.gewe.simulator.GeweSimulator;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JMS route's behaviour against a real broker and the simulator, the same for every DSL: messages are sent to
 * the queue with a JMS client, sends are checked on the simulator, failures are read back from the dead-letter and
 * review queues with their error properties.
 */
public final class JmsScenarios {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long RECEIVE_MS = 20_000;

    private final GeweSimulator sim;
    private final ConnectionFactory cf;
    private final String queue;
    private final String dlq;
    private final String review;
    private final int maxDeliveries;
    private final String tag;

    /**
     * @param props the examples' properties (queue names, maxDeliveries)
     * @param tag   distinguishes this run's messages (the DSL's name)
     */
    public JmsScenarios(GeweSimulator sim, ConnectionFactory cf, Properties props, String tag) {
        this.sim = sim;
        this.cf = cf;
        this.queue = props.getProperty("gewe.examples.jms.queue");
        this.dlq = props.getProperty("gewe.examples.jms.dlq");
        this.review = props.getProperty("gewe.examples.jms.review");
        this.maxDeliveries = Integer.parseInt(props.getProperty("gewe.examples.jms.maxDeliveries"));
        this.tag = tag;
    }

    /** A message on the queue is sent once, and the queue is empty afterwards. */
    public void aMessageIsSent() {
        String content = tag + " hello over JMS";
        send("sent", null, "{\"toWxid\":\"wxid_jms\",\"content\":\"" + content + "\"}");
        Poll.until(WAIT, () -> count(content) == 1, "the message was sent");
        assertEquals("wxid_jms", sim.requests("postText").get(0).field("toWxid").asText());
        Poll.until(WAIT, () -> browse(queue) == 0, "the queue is empty");
    }

    /** A message that comes back after GeWe accepted it (same GeweSendId) is consumed and not sent again. */
    public void aMessageGeweAcceptedIsNotSentAgain() {
        String content = tag + " only once";
        String id = tag + "-order-4711";
        send("dup", id, "{\"toWxid\":\"wxid_jms\",\"content\":\"" + content + "\"}");
        Poll.until(WAIT, () -> count(content) == 1, "the first delivery was sent");
        send("dup", id, "{\"toWxid\":\"wxid_jms\",\"content\":\"" + content + "\"}");
        Poll.until(WAIT, () -> browse(queue) == 0, "the second delivery was consumed");
        assertEquals(1, count(content), "sent once");
        assertNull(receive(dlq, "dup", 200), "nothing dead-lettered");
    }

    /**
     * GeWe cannot be reached (NOT_SENT): the transaction rolls back, the broker redelivers; once GeWe is back the
     * message is sent, once.
     */
    public void aMessageThatCouldNotBeSentIsRedeliveredAndSentOnce(GeweFailures failures) {
        String content = tag + " after an outage";
        long rolledBack = failures.rolledBack();
        sim.stop();
        try {
            send("outage", null, "{\"toWxid\":\"wxid_jms\",\"content\":\"" + content + "\"}");
            Poll.until(WAIT, () -> failures.rolledBack() > rolledBack, "a delivery was rolled back");
        } finally {
            sim.listen();
        }
        Poll.until(WAIT, () -> count(content) == 1, "the redelivered message was sent");
        Poll.until(WAIT, () -> browse(queue) == 0, "the queue is empty");
        assertEquals(1, count(content));
        assertNull(receive(dlq, "outage", 200), "nothing dead-lettered");
    }

    /** GeWe stays unreachable: after maxDeliveries deliveries the message is on the DLQ with the error. */
    public void aMessageThatCouldNeverBeSentEndsOnTheDeadLetterQueue() throws JMSException {
        String body = "{\"toWxid\":\"wxid_jms\",\"content\":\"" + tag + " never reachable\"}";
        Message dead;
        sim.stop();
        try {
            send("down", null, body);
            dead = receive(dlq, "down", RECEIVE_MS);
        } finally {
            sim.listen();
        }
        assertNotNull(dead, "dead-lettered");
        assertEquals(body, ((TextMessage) dead).getText(), "the original message");
        assertEquals("NOT_SENT", dead.getStringProperty(GeweFailures.DELIVERY));
        assertEquals("GeweConnectionException", dead.getStringProperty(GeweFailures.ERROR_TYPE));
        assertEquals(maxDeliveries, dead.getIntProperty(GeweFailures.DELIVERIES));
        assertTrue(dead.getStringProperty(GeweFailures.ERROR).startsWith("GeWe message/postText"),
                dead.getStringProperty(GeweFailures.ERROR));
        assertEquals(0, sim.requests("postText").size());
        Poll.until(WAIT, () -> browse(queue) == 0, "the queue is empty");
    }

    /** GeWe refuses (ret 500, REJECTED): the DLQ at once, with GeWe's answer, not redelivered. */
    public void aRefusedMessageGoesToTheDeadLetterQueueAtOnce() throws JMSException {
        String content = tag + " refused";
        sim.failNext(Fault.RET_500);
        send("refused", null, "{\"toWxid\":\"wxid_jms\",\"content\":\"" + content + "\"}");
        Message dead = receive(dlq, "refused", RECEIVE_MS);
        assertNotNull(dead, "dead-lettered");
        assertEquals("REJECTED", dead.getStringProperty(GeweFailures.DELIVERY));
        assertEquals("GeweApiException", dead.getStringProperty(GeweFailures.ERROR_TYPE));
        assertTrue(dead.getStringProperty(GeweFailures.ERROR).contains("ret=500"),
                dead.getStringProperty(GeweFailures.ERROR));
        assertEquals(1, dead.getIntProperty(GeweFailures.DELIVERIES), "not redelivered");
        assertEquals(1, count(content), "GeWe was asked once");
    }

    /** Not a message GeWe can take (no content): the DLQ at once, nothing sent. */
    public void anInvalidMessageGoesToTheDeadLetterQueueAtOnce() throws JMSException {
        send("invalid", null, "{\"toWxid\":\"wxid_jms\"}");
        Message dead = receive(dlq, "invalid", RECEIVE_MS);
        assertNotNull(dead, "dead-lettered");
        assertEquals("NOT_SENT", dead.getStringProperty(GeweFailures.DELIVERY));
        assertEquals("GeweValidationException", dead.getStringProperty(GeweFailures.ERROR_TYPE));
        assertEquals(1, dead.getIntProperty(GeweFailures.DELIVERIES), "not redelivered");
        assertEquals(0, sim.totalCount());
    }

    /**
     * GeWe may have sent it (connection dropped before the answer, gateway 502: UNKNOWN): the review queue, never
     * retried.
     */
    public void aMessageGeweMayHaveSentIsParkedForReviewNotRetried(Fault fault) throws JMSException {
        String content = tag + " maybe sent " + fault;
        sim.failNext(fault);
        send("unknown-" + fault, null, "{\"toWxid\":\"wxid_jms\",\"content\":\"" + content + "\"}");
        Message parked = receive(review, "unknown-" + fault, RECEIVE_MS);
        assertNotNull(parked, "parked for review");
        assertEquals("UNKNOWN", parked.getStringProperty(GeweFailures.DELIVERY));
        assertEquals(1, parked.getIntProperty(GeweFailures.DELIVERIES), "not redelivered");
        assertEquals(1, count(content), "GeWe was asked once, never again");
        assertNull(receive(dlq, "unknown-" + fault, 200), "not dead-lettered");
    }

    // ------------------------------------------------------------------------------------------ JMS helpers

    /** Sends a text message with the property {@code scenario} (and a GeweSendId when given). */
    public void send(String scenario, String sendId, String body) {
        try (JMSContext ctx = cf.createContext()) {
            var producer = ctx.createProducer().setProperty("scenario", scenario);
            if (sendId != null) {
                producer.setProperty(SendLedger.SEND_ID, sendId);
            }
            producer.send(ctx.createQueue(queue), body);
        }
    }

    /** The next message of this scenario on that queue, or null after {@code ms}. */
    public Message receive(String queueName, String scenario, long ms) {
        try (JMSContext ctx = cf.createContext(JMSContext.CLIENT_ACKNOWLEDGE)) {
            ctx.start();
            try (JMSConsumer consumer = ctx.createConsumer(ctx.createQueue(queueName), "scenario = '" + scenario + "'")) {
                Message m = consumer.receive(ms);
                if (m != null) {
                    m.acknowledge();
                }
                return m;
            }
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Messages on that queue now. */
    public int browse(String queueName) {
        try (JMSContext ctx = cf.createContext(); var browser = ctx.createBrowser(ctx.createQueue(queueName))) {
            return java.util.Collections.list(browser.getEnumeration()).size();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String content) {
        List<String> contents = sim.requests("postText").stream().map(r -> r.field("content").asText()).toList();
        return contents.stream().filter(content::equals).count();
    }
}
