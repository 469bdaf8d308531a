package io.camelgewe.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.camelgewe.examples.routes.JmsRoutes;
import io.camelgewe.examples.scenarios.Poll;
import io.camelgewe.examples.support.GeweFailures;
import io.camelgewe.examples.support.SendLedger;
import io.camelgewe.gewe.GeweComponent;
import io.camelgewe.gewe.errors.GeweConnectionException;
import io.camelgewe.gewe.errors.GeweDelivery;
import io.camelgewe.gewe.simulator.Fault;
import io.camelgewe.gewe.simulator.GeweSimulator;
import io.camelgewe.gewe.simulator.RecordedRequest;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The soak test of issue 7: 20,000 distinct messages from a JMS queue through the example JMS route
 * ({@link JmsRoutes}: transacted consumer, NOT_SENT rolled back and redelivered, REJECTED to the DLQ, UNKNOWN to the
 * review queue, a ledger of what GeWe accepted) while the simulator injects, at random from a fixed seed, 10% ret 500
 * refusals, 5% HTTP 5xx (500 and 502), 2% dropped connections and 1% latency spikes of 200 ms. Pacing is off.
 * <p>
 * Two more failures are injected into the route itself (by advice, for a fixed 2% of the messages each), because the
 * simulator cannot cause them: GeWe unreachable at a message's first delivery (a NOT_SENT
 * {@code GeweConnectionException} before the send: the transaction rolls back and the broker delivers the message
 * again), and a commit lost after GeWe accepted a message (the transaction is rolled back after the ledger recorded
 * the send: the broker delivers it again, and the ledger must stop it from being sent twice).
 * <p>
 * Once the queue is empty (Artemis counts messages waiting, scheduled for redelivery and being delivered), every
 * message must be accounted for exactly once, in exactly one of three places: sent (GeWe answered ret 200), on the
 * dead-letter queue with its failure class, or parked on the review queue as UNKNOWN; the three add up to the
 * messages sent; the simulator's own count of accepted sends equals the messages counted as sent; and no message
 * reached GeWe twice (the simulator records every request; a redelivered message GeWe accepted, or may have, is not
 * sent again).
 * <p>
 * {@code -Dgewe.soak.messages=200000} runs a larger soak; {@code -Dgewe.soak.consumers} (8) sets the route's
 * parallel JMS consumers, {@code -Dgewe.soak.seed} (20260101) the fault draw. The figures are printed and written to
 * {@code target/soak/jms-soak-<messages>.txt}.
 */
class JmsSoakIT {

    private static final int MESSAGES = Integer.getInteger("gewe.soak.messages", 20_000);
    private static final int CONSUMERS = Integer.getInteger("gewe.soak.consumers", 8);
    private static final long SEED = Long.getLong("gewe.soak.seed", 20260101L);
    private static final String ID_PREFIX = "soak-";

    @TempDir
    Path root;
    ExampleInfrastructure infra;
    CamelContext context;

    @AfterEach
    void stop() {
        try {
            if (context != null) {
                context.stop();
            }
        } finally {
            if (infra != null) {
                infra.close();
            }
        }
    }

    @Test
    void everyMessageIsAccountedForExactlyOnce() throws Exception {
        // the route's per-message lines (20,000 of them) are not what this test looks at
        Configurator.setLevel("jms-sends", Level.ERROR);

        // the ledger must outlast the backlog: a message whose commit was lost comes back behind every message still
        // queued (with 200,000 queued, minutes later), and a ledger that forgot it by then sends it again
        infra = ExampleInfrastructure.start(ExampleSettings.embedded(root).withoutKafka().withoutCallbackDemo()
                .ledgerSize(Math.max(100_000, MESSAGES + 10_000)));
        infra.properties().setProperty("gewe.examples.jms.consumers", String.valueOf(CONSUMERS));
        Map<String, String> queues = Map.of(
                "queue", infra.properties().getProperty("gewe.examples.jms.queue"),
                "dlq", infra.properties().getProperty("gewe.examples.jms.dlq"),
                "review", infra.properties().getProperty("gewe.examples.jms.review"));

        GeweSimulator sim = infra.simulator();
        // every attempt is kept: each message reaches GeWe at most once, so this is room enough
        sim.setRecordingCapacity(MESSAGES + 10_000);
        sim.setSeed(SEED);
        sim.setFaultRate(Fault.RET_500, 0.10);
        sim.setFaultRate(Fault.HTTP_500, 0.025);
        sim.setFaultRate(Fault.HTTP_502, 0.025);
        sim.setFaultRate(Fault.DROP_CONNECTION, 0.02);
        sim.setFaultRate(Fault.LATENCY_SPIKE, 0.01);
        sim.setSpikeLatency(Duration.ofMillis(200));

        context = new DefaultCamelContext();
        infra.bindTo(context);
        // full speed: the simulator is no WeChat account (the examples already turn pacing off for it: said here too)
        context.getRegistry().lookupByNameAndType("gewe", GeweComponent.class).setPacing(false);
        // the same ledger, counting the redelivered messages it stops
        SendLedger ledger = context.getRegistry().lookupByNameAndType("jmsLedger", SendLedger.class);
        CountingLedger counting = new CountingLedger(ledger.getRepository());
        context.getRegistry().unbind("jmsLedger");
        context.getRegistry().bind("jmsLedger", counting);
        context.addRoutes(new JmsRoutes());
        Set<String> unreachable = ConcurrentHashMap.newKeySet();
        Set<String> lostCommits = ConcurrentHashMap.newKeySet();
        AdviceWith.adviceWith(context, "jms-sends", a -> {
            // exact node texts: a pattern would also match the choice that holds these nodes
            a.weaveByToString("to[gewe:postText]").before().process(e -> {
                String id = e.getMessage().getHeader(SendLedger.SEND_ID, String.class);
                if (chosen(id, "unreachable") && unreachable.add(id)) {
                    throw new GeweConnectionException("message/postText", GeweDelivery.NOT_SENT,
                            "injected by the soak test: GeWe unreachable", null);
                }
            });
            a.weaveByToString("Log[JMS ${header.JMSMessageID}: sent: ${bodyAs(String)}]").after().process(e -> {
                String id = e.getMessage().getHeader(SendLedger.SEND_ID, String.class);
                if (chosen(id, "lost-commit") && lostCommits.add(id)) {
                    // GeWe accepted it and the ledger recorded it; then the commit is lost
                    e.setRollbackOnly(true);
                }
            });
        });
        context.start();

        long started = System.nanoTime();
        produce(queues.get("queue"));
        long produced = System.nanoTime();

        // drained: nothing waiting, scheduled for redelivery or being delivered; every message somewhere
        Duration budget = Duration.ofSeconds(Math.max(120, MESSAGES / 50));
        Poll.until(budget, () -> infra.artemis().messageCount(queues.get("queue")) == 0
                                 && sim.sentCount() + infra.artemis().messageCount(queues.get("dlq"))
                                    + infra.artemis().messageCount(queues.get("review")) >= MESSAGES,
                () -> "the queue drained: " + progress(sim, queues));
        long drained = System.nanoTime();
        context.stop();

        // ---- what each of the three places holds
        Map<String, Message> dead = drain(queues.get("dlq"), infra.artemis().messageCount(queues.get("dlq")));
        Map<String, Message> parked = drain(queues.get("review"), infra.artemis().messageCount(queues.get("review")));
        List<RecordedRequest> attempts = sim.requests("postText");
        assertEquals(sim.totalCount(), attempts.size(), "every request GeWe got is recorded");

        Map<String, Integer> reached = new HashMap<>();
        for (RecordedRequest r : attempts) {
            reached.merge(idOf(r.field("content").asText()), 1, Integer::sum);
        }
        Map<String, Integer> twice = new TreeMap<>();
        reached.forEach((id, n) -> {
            if (n > 1) {
                twice.put(id, n);
            }
        });
        if (!twice.isEmpty()) {
            StringBuilder why = new StringBuilder();
            twice.keySet().stream().limit(10).forEach(id -> why.append("\n  ").append(id)
                    .append(": at ").append(attempts.stream().filter(r -> r.field("content").asText().endsWith(id))
                            .map(r -> r.received().toString() + " " + r.headers()).toList())
                    .append(dead.containsKey(id) ? ", dead-lettered (" + property(dead.get(id), GeweFailures.DELIVERY)
                                                   + ", deliveries " + deliveries(dead.get(id)) + ")" : "")
                    .append(parked.containsKey(id) ? ", parked (" + property(parked.get(id), GeweFailures.DELIVERY)
                                                     + ", deliveries " + deliveries(parked.get(id)) + ")" : "")
                    .append(unreachable.contains(id) ? ", injected NOT_SENT" : "")
                    .append(lostCommits.contains(id) ? ", injected lost commit" : ""));
            fail(twice.size() + " messages reached GeWe more than once:" + why);
        }

        Set<String> sent = new HashSet<>(reached.keySet());
        sent.removeAll(dead.keySet());
        sent.removeAll(parked.keySet());

        // ---- exactly once, in exactly one place
        Set<String> all = new HashSet<>();
        for (int i = 0; i < MESSAGES; i++) {
            all.add(id(i));
        }
        Set<String> overlap = new HashSet<>(dead.keySet());
        overlap.retainAll(parked.keySet());
        assertTrue(overlap.isEmpty(), "both dead-lettered and parked: " + overlap);
        Set<String> accounted = new HashSet<>(sent);
        accounted.addAll(dead.keySet());
        accounted.addAll(parked.keySet());
        Set<String> missing = new HashSet<>(all);
        missing.removeAll(accounted);
        assertTrue(missing.isEmpty(), missing.size() + " messages in none of the three places, e.g. "
                                      + missing.stream().limit(10).toList());
        assertEquals(all, accounted, "nothing but the messages sent");
        assertEquals(MESSAGES, sent.size() + dead.size() + parked.size(), "sent + dead-lettered + parked");
        assertEquals(sim.sentCount(), sent.size(), "the simulator's accepted sends are the messages counted as sent");
        assertEquals(sim.sentCount(), infra.counter().sent(), "the application counted the same sends");

        // ---- what landed where
        Map<String, Map<String, Integer>> dlqKinds = kinds(dead);
        Map<String, Map<String, Integer>> reviewKinds = kinds(parked);
        long ret500 = sim.faultCount(Fault.RET_500);
        long http5xx = sim.faultCount(Fault.HTTP_500) + sim.faultCount(Fault.HTTP_502);
        long drops = sim.faultCount(Fault.DROP_CONNECTION);
        // GeWe's refusals (ret 500) are REJECTED: dead-lettered at once, after one delivery
        assertEquals(Map.of("REJECTED", Map.of("GeweApiException", (int) ret500)), dlqKinds, "the dead-letter queue");
        Map<String, Integer> lateDeadLetters = new TreeMap<>();
        dead.forEach((id, m) -> {
            if (deliveries(m) != (unreachable.contains(id) ? 2 : 1)) {
                lateDeadLetters.put(id, deliveries(m));
            }
        });
        assertTrue(lateDeadLetters.isEmpty(), "dead-lettered at the first delivery GeWe refused: " + lateDeadLetters);
        // a gateway error or a connection lost before the answer may have been sent: UNKNOWN, parked, never retried
        Map<String, Integer> unknown = new TreeMap<>();
        if (http5xx > 0) {
            unknown.put("GeweHttpException", (int) http5xx);
        }
        if (drops > 0) {
            unknown.put("GeweConnectionException", (int) drops);
        }
        assertEquals(Map.of("UNKNOWN", unknown), reviewKinds, "the review queue");
        assertEquals(sim.failedCount(), ret500 + http5xx + drops, "every failed answer was an injected fault");
        assertEquals(dead.size(), infra.failures().deadLettered());
        assertEquals(parked.size(), infra.failures().parked());
        assertTrue(sim.faultCount(Fault.LATENCY_SPIKE) > 0 || MESSAGES < 200, "latency spikes were injected");
        // each NOT_SENT delivery rolled back once and came back; each lost commit came back and was not sent again
        assertEquals(unreachable.size(), infra.failures().rolledBack(), "NOT_SENT deliveries rolled back");
        assertTrue(unreachable.stream().filter(dead::containsKey)
                .allMatch(id -> "REJECTED".equals(property(dead.get(id), GeweFailures.DELIVERY))),
                "a message GeWe could not be reached for once is not dead-lettered as NOT_SENT");
        assertEquals(lostCommits.size(), counting.skipped(), "redelivered after GeWe accepted it: skipped");
        assertTrue(sent.containsAll(lostCommits), "a message whose commit was lost counts as sent, once");
        assertTrue(MESSAGES < 1000 || !unreachable.isEmpty() && !lostCommits.isEmpty(), "both were injected");

        // ---- the figures
        report(sim, sent.size(), dlqKinds, reviewKinds, unreachable.size(), lostCommits.size(), counting.skipped(),
                produced - started, drained - started);
    }

    /** Whether this message gets that injected failure: a fixed 2% of the messages, the same at every run. */
    private static boolean chosen(String id, String failure) {
        return id != null && Math.floorMod((id + "/" + failure + "/" + SEED).hashCode(), 50) == 0;
    }

    private static String property(Message m, String name) {
        try {
            return m.getStringProperty(name);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The route's ledger, counting the messages it found already sent. */
    static final class CountingLedger extends SendLedger {
        private final AtomicLong skipped = new AtomicLong();

        CountingLedger(IdempotentRepository repository) {
            super(repository);
        }

        @Override
        public boolean alreadySent(Exchange exchange) {
            boolean already = super.alreadySent(exchange);
            if (already) {
                skipped.incrementAndGet();
            }
            return already;
        }

        long skipped() {
            return skipped.get();
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static String id(int i) {
        return ID_PREFIX + String.format(Locale.ROOT, "%07d", i);
    }

    /** The id a postText's content carries: {@code "soak message soak-0000042"}. */
    private static String idOf(String content) {
        int at = content.indexOf(ID_PREFIX);
        assertTrue(at >= 0, "not a soak message: " + content);
        return content.substring(at);
    }

    /** Sends the messages, each with its id in the content and as GeweSendId, committing every 500. */
    private void produce(String queue) {
        try (JMSContext ctx = infra.connectionFactory().createContext(JMSContext.SESSION_TRANSACTED)) {
            Queue q = ctx.createQueue(queue);
            JMSProducer producer = ctx.createProducer();
            for (int i = 0; i < MESSAGES; i++) {
                String id = id(i);
                producer.setProperty(SendLedger.SEND_ID, id)
                        .send(q, "{\"toWxid\":\"wxid_soak\",\"content\":\"soak message " + id + "\"}");
                if (i % 500 == 499) {
                    ctx.commit();
                }
            }
            ctx.commit();
        }
    }

    /** Takes every message of a queue: its GeweSendId to the message. */
    private Map<String, Message> drain(String queue, long count) throws JMSException {
        Map<String, Message> out = new HashMap<>();
        try (JMSContext ctx = infra.connectionFactory().createContext(JMSContext.AUTO_ACKNOWLEDGE);
             JMSConsumer consumer = ctx.createConsumer(ctx.createQueue(queue))) {
            ctx.start();
            for (long i = 0; i < count; i++) {
                Message m = consumer.receive(10_000);
                assertNotNull(m, queue + ": message " + (i + 1) + " of " + count);
                String id = m.getStringProperty(SendLedger.SEND_ID);
                assertNotNull(id, queue + ": a message without its GeweSendId");
                if (out.put(id, m) != null) {
                    fail(queue + " holds " + id + " twice");
                }
            }
            assertEquals(null, consumer.receiveNoWait(), queue + " holds more than it counted");
        }
        return out;
    }

    /** delivery class to error type to count. */
    private static Map<String, Map<String, Integer>> kinds(Map<String, Message> messages) throws JMSException {
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        for (Message m : messages.values()) {
            String delivery = String.valueOf(m.getStringProperty(GeweFailures.DELIVERY));
            String type = String.valueOf(m.getStringProperty(GeweFailures.ERROR_TYPE));
            out.computeIfAbsent(delivery, k -> new TreeMap<>()).merge(type, 1, Integer::sum);
        }
        return out;
    }

    private static int deliveries(Message m) {
        try {
            return m.getIntProperty(GeweFailures.DELIVERIES);
        } catch (JMSException | NumberFormatException e) {
            return -1;
        }
    }

    private String progress(GeweSimulator sim, Map<String, String> queues) {
        return "queue " + infra.artemis().messageCount(queues.get("queue")) + ", sent " + sim.sentCount()
               + ", dlq " + infra.artemis().messageCount(queues.get("dlq"))
               + ", review " + infra.artemis().messageCount(queues.get("review")) + " of " + MESSAGES;
    }

    private void report(GeweSimulator sim, int sent, Map<String, Map<String, Integer>> dlq,
                        Map<String, Map<String, Integer>> review, int unreachable, int lostCommits, long skipped,
                        long produceNanos, long drainNanos) throws IOException {
        Map<Fault, Long> faults = new EnumMap<>(Fault.class);
        for (Fault f : Fault.values()) {
            faults.put(f, sim.faultCount(f));
        }
        double seconds = drainNanos / 1e9;
        String text = String.format(Locale.ROOT, """
                JMS soak: %,d messages, %d consumers, seed %d, pacing off
                  simulator faults injected: %s
                  route faults injected: GeWe unreachable at the first delivery %,d, commit lost after GeWe accepted %,d
                  sent (ret 200):          %,d  (simulator's sentCount %,d)
                  dead-lettered:           %,d  %s
                  parked for review:       %,d  %s
                  sum:                     %,d
                  rolled back for redelivery (NOT_SENT): %,d
                  redelivered after GeWe accepted them, skipped by the ledger: %,d
                  requests GeWe got:       %,d  (each message at most once)
                  time: produced in %.1f s, drained in %.1f s: %,.0f messages/s
                """, MESSAGES, CONSUMERS, SEED, faults, unreachable, lostCommits, sent, sim.sentCount(), dlq.values().stream()
                .flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum(), dlq,
                review.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum(), review,
                MESSAGES, infra.failures().rolledBack(), skipped, sim.totalCount(), produceNanos / 1e9, seconds,
                MESSAGES / seconds);
        System.out.println(text);
        Path out = Path.of("target", "soak", "jms-soak-" + MESSAGES + ".txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
    }
}
