package io.camelgewe.examples.support;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
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
 */
public class KafkaLedgerRepository extends ServiceSupport implements IdempotentRepository {

    private static final Duration START_SYNC = Duration.ofSeconds(30);

    private final String topic;
    private final String bootstrapServers;
    private final int maxKeys;
    private final Set<String> keys;
    private KafkaProducer<String, String> producer;
    private KafkaConsumer<String, String> consumer;
    private Thread follower;
    private volatile boolean running;

    /**
     * @param maxKeys the most keys kept in memory (the oldest are forgotten first)
     */
    public KafkaLedgerRepository(String topic, String bootstrapServers, int maxKeys) {
        this.topic = topic;
        this.bootstrapServers = bootstrapServers;
        this.maxKeys = maxKeys;
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
        write(key, "sent");
        keys.add(key);
        return true;
    }

    @Override
    public boolean contains(String key) {
        return keys.contains(key);
    }

    @Override
    public boolean remove(String key) {
        write(key, null);
        return keys.remove(key);
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        keys.clear();
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
