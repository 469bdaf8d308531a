package io.camelgewe.examples.support;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * An {@link IdempotentRepository} kept in a Kafka topic, shared by every instance that reads the same topic: a key
 * added by one instance is written to the topic before {@link #add} returns, and every instance reads the topic from
 * its beginning at start (before its routes run) and then follows it.
 * <p>
 * Camel's own {@code KafkaIdempotentRepository} does the same; this one exists because that one, in Camel 4.18, closes
 * its consumer while its poller thread may still be polling, and then leaves its producer open. Here the follower
 * thread is woken up and joined before anything is closed.
 * <p>
 * <b>When a key is written.</b> By default {@link #add} writes it: what the send ledger wants, whose keys are added
 * once GeWe accepted a message. With {@code recordOnConfirm} (what the callback consumer's deduplication wants),
 * {@link #add} only reserves the key in this instance (a repeat arriving meanwhile is refused), {@link #confirm} writes
 * it once the route has handed the message on, and {@link #remove} (the route failed) releases it without writing
 * anything. So a key is in the shared topic only for a message that was handed on: an instance that dies between
 * accepting a push and handing it on leaves no key behind, and GeWe's next push of that message is routed again
 * (at-least-once) instead of being dropped as a duplicate of a message nobody published.
 */
public class KafkaLedgerRepository extends ServiceSupport implements IdempotentRepository {

    private static final Duration START_SYNC = Duration.ofSeconds(30);

    private final String topic;
    private final String bootstrapServers;
    private final int maxKeys;
    private final boolean recordOnConfirm;
    private final Set<String> keys;
    private final Set<String> reserved = ConcurrentHashMap.newKeySet();
    private KafkaProducer<String, String> producer;
    private KafkaConsumer<String, String> consumer;
    private Thread follower;
    private volatile boolean running;

    /**
     * @param maxKeys the most keys kept in memory (the oldest are forgotten first)
     */
    public KafkaLedgerRepository(String topic, String bootstrapServers, int maxKeys) {
        this(topic, bootstrapServers, maxKeys, false);
    }

    /**
     * @param maxKeys         the most keys kept in memory (the oldest are forgotten first)
     * @param recordOnConfirm write a key when it is confirmed rather than when it is added (see the class comment)
     */
    public KafkaLedgerRepository(String topic, String bootstrapServers, int maxKeys, boolean recordOnConfirm) {
        this.topic = topic;
        this.bootstrapServers = bootstrapServers;
        this.maxKeys = maxKeys;
        this.recordOnConfirm = recordOnConfirm;
        this.keys = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > KafkaLedgerRepository.this.maxKeys;
            }
        }));
    }

    @Override
    public boolean add(String key) {
        if (keys.contains(key)) {
            return false;
        }
        if (recordOnConfirm) {
            return reserved.add(key);
        }
        write(key, "sent");
        keys.add(key);
        return true;
    }

    @Override
    public boolean contains(String key) {
        return keys.contains(key) || reserved.contains(key);
    }

    @Override
    public boolean remove(String key) {
        if (recordOnConfirm && reserved.remove(key)) {
            // never written: nothing to take back from the topic
            return true;
        }
        write(key, null);
        return keys.remove(key);
    }

    @Override
    public boolean confirm(String key) {
        if (recordOnConfirm && reserved.remove(key)) {
            // known here at once, whether or not the write below succeeds: this instance drops GeWe's repeats
            keys.add(key);
            write(key, "seen");
        }
        return true;
    }

    @Override
    public void clear() {
        keys.clear();
        reserved.clear();
    }

    private void write(String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing to the ledger topic " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot write to the ledger topic " + topic, e);
        }
    }

    @Override
    protected void doStart() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(p);

        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(c);
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        // read what the other instances wrote before this one starts sending
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + START_SYNC.toNanos();
        while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The ledger topic " + topic + " was not read within " + START_SYNC);
            }
            apply(consumer.poll(Duration.ofMillis(200)));
        }
        running = true;
        follower = new Thread(this::follow, "gewe-ledger-" + topic);
        follower.setDaemon(true);
        follower.start();
    }

    private void follow() {
        try {
            while (running) {
                apply(consumer.poll(Duration.ofMillis(500)));
            }
        } catch (WakeupException e) {
            // stopping
        }
    }

    private void apply(Iterable<ConsumerRecord<String, String>> records) {
        for (ConsumerRecord<String, String> r : records) {
            if (r.key() == null) {
                continue;
            }
            if (r.value() == null) {
                keys.remove(r.key());
            } else {
                keys.add(r.key());
            }
        }
    }

    @Override
    protected void doStop() throws InterruptedException {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (follower != null) {
            follower.join(TimeUnit.SECONDS.toMillis(10));
            follower = null;
        }
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(5));
            consumer = null;
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
