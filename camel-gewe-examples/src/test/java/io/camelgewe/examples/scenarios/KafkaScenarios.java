package io.camelgewe.examples.scenarios;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import io.camelgewe.examples.support.GeweFailures;
import io.camelgewe.gewe.simulator.Fault;
import io.camelgewe.gewe.simulator.GeweSimulator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/** The Kafka route's behaviour against a real (embedded) Kafka node and the simulator. */
public final class KafkaScenarios implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final GeweSimulator sim;
    private final String bootstrap;
    private final String topic;
    private final String dlq;
    private final String review;
    private final KafkaProducer<String, String> producer;

    public KafkaScenarios(GeweSimulator sim, String bootstrap, Properties props) {
        this.sim = sim;
        this.bootstrap = bootstrap;
        this.topic = props.getProperty("gewe.examples.kafka.topic");
        this.dlq = props.getProperty("gewe.examples.kafka.dlq");
        this.review = props.getProperty("gewe.examples.kafka.review");
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.producer = new KafkaProducer<>(p);
    }

    /**
     * Records keyed by two accounts: each is sent with its key as appId, and each account's messages reach GeWe in the
     * order they were produced (one partition per key, one consumer per partition).
     */
    public void recordsKeyedByAppIdAreSentInOrderPerAccount(int perAccount) {
        sim.addAccount("wx_app_a");
        sim.addAccount("wx_app_b");
        for (int i = 0; i < perAccount; i++) {
            produce("wx_app_a", "{\"toWxid\":\"wxid_k\",\"content\":\"a " + i + "\"}");
            produce("wx_app_b", "{\"toWxid\":\"wxid_k\",\"content\":\"b " + i + "\"}");
        }
        Poll.until(WAIT, () -> sim.sentCount() >= 2L * perAccount, 2 * perAccount + " sends");
        for (String app : new String[] { "wx_app_a", "wx_app_b" }) {
            List<String> contents = sim.requests("postText").stream()
                    .filter(r -> app.equals(r.field("appId").asText()))
                    .map(r -> r.field("content").asText()).toList();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < perAccount; i++) {
                expected.add(app.substring(app.length() - 1) + " " + i);
            }
            assertEquals(expected, contents, "the sends of " + app + ", once each and in order");
        }
        assertEquals(2L * perAccount, sim.sentCount());
    }

    /** GeWe refuses: the record goes to the dead-letter topic, with its key and the error as headers. */
    public void aRefusedRecordGoesToTheDeadLetterTopic() {
        String content = "refused " + UUID.randomUUID();
        sim.failNext(Fault.RET_500);
        produce(sim.appId(), "{\"toWxid\":\"wxid_k\",\"content\":\"" + content + "\"}");
        ConsumerRecord<String, String> dead = find(dlq, content);
        assertEquals(sim.appId(), dead.key());
        assertEquals("REJECTED", header(dead, GeweFailures.DELIVERY));
        assertEquals("GeweApiException", header(dead, GeweFailures.ERROR_TYPE));
        assertEquals(1, sim.requests("postText").size(), "not retried");
    }

    /** GeWe may have sent it: the review topic, never retried. */
    public void aRecordGeweMayHaveSentIsParkedForReview() {
        String content = "maybe " + UUID.randomUUID();
        sim.failNext(Fault.DROP_CONNECTION);
        produce(sim.appId(), "{\"toWxid\":\"wxid_k\",\"content\":\"" + content + "\"}");
        ConsumerRecord<String, String> parked = find(review, content);
        assertEquals("UNKNOWN", header(parked, GeweFailures.DELIVERY));
        assertEquals(1, sim.requests("postText").size(), "not retried");
    }

    /** GeWe cannot be reached: retried in place, then dead-lettered with NOT_SENT. */
    public void aRecordThatCouldNeverBeSentIsRetriedThenDeadLettered() {
        String content = "unreachable " + UUID.randomUUID();
        ConsumerRecord<String, String> dead;
        sim.stop();
        try {
            produce(sim.appId(), "{\"toWxid\":\"wxid_k\",\"content\":\"" + content + "\"}");
            dead = find(dlq, content);
        } finally {
            sim.listen();
        }
        assertEquals("NOT_SENT", header(dead, GeweFailures.DELIVERY));
        assertEquals("GeweConnectionException", header(dead, GeweFailures.ERROR_TYPE));
        assertEquals(0, sim.totalCount());
    }

    /** Produces a record and waits for the broker's acknowledgement. */
    public void produce(String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Reads that topic from its beginning until a record holding {@code content} shows up. */
    public ConsumerRecord<String, String> find(String topicName, String content) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topicName));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(250))) {
                    if (r.value() != null && r.value().contains(content)) {
                        return r;
                    }
                }
            }
        }
        fail("No record with '" + content + "' on " + topicName + " within " + WAIT.toSeconds() + " s");
        return null;
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        assertNotNull(h, "header " + name);
        return new String(h.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
