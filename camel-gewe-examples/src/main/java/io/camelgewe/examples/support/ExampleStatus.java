package io.camelgewe.examples.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.QueueBrowser;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The running count the examples application prints: the messages taken in and what became of each ({@link Counts}),
 * and what is still waiting in each source. "Waiting" is measured where it waits: files in the drop folder, messages
 * in the JMS queue (a queue browser, so it works with any broker), and the Kafka consumer group's lag (end offsets
 * minus committed offsets).
 */
public class ExampleStatus implements AutoCloseable {

    private final SendCounter counter;
    private final GeweFailures failures;
    private final Path messagesDir;
    private final ConnectionFactory jms;
    private final String kafkaBootstrap;
    private final Properties settings;
    private Admin admin;
    private String last;
    private long lastPrinted;

    /**
     * @param jms            the broker to look into, or null when JMS is not used
     * @param kafkaBootstrap the Kafka cluster to look into, or null when Kafka is not used
     * @param settings       the examples' properties: the queue, topic and consumer group are read from them at each
     *                       look
     */
    public ExampleStatus(SendCounter counter, GeweFailures failures, Path messagesDir, ConnectionFactory jms,
                         String kafkaBootstrap, Properties settings) {
        this.counter = counter;
        this.failures = failures;
        this.messagesDir = messagesDir;
        this.jms = jms;
        this.kafkaBootstrap = kafkaBootstrap;
        this.settings = settings;
    }

    /**
     * What became of the messages so far, one story: every message taken in ({@code accepted}) was {@code sent},
     * {@code refusedBeforeSending} (invalid: it never reached GeWe), {@code failedAtGewe} (GeWe refused it, could
     * not be reached, or may have sent it), or is still {@code inProgress} (being sent, or waiting for a retry); the
     * refused and failed ones were {@code deadLettered} or {@code parkedForReview}; {@code retried} counts the
     * attempts that were tried again.
     */
    public record Counts(long accepted, long sent, long refusedBeforeSending, long failedAtGewe, long inProgress,
                         long deadLettered, long parkedForReview, long retried) {

        /** {@code accepted = sent + refused + failed + in progress}, and the refused and failed were all put away. */
        public boolean addUp() {
            return accepted == sent + refusedBeforeSending + failedAtGewe + inProgress
                   && deadLettered + parkedForReview == refusedBeforeSending + failedAtGewe;
        }

        @Override
        public String toString() {
            return "accepted " + accepted + ": sent " + sent + ", refused before sending " + refusedBeforeSending
                   + ", failed at GeWe " + failedAtGewe + ", in progress " + inProgress + "; not sent: dead-lettered "
                   + deadLettered + ", parked for review " + parkedForReview + "; retries " + retried;
        }
    }

    /** The counts now. */
    public Counts counts() {
        // the outcomes first: a message that ends while this reads shows as in progress, never as a negative count
        long refused = failures.refusedBeforeSending();
        long failed = failures.failedAtGewe();
        long dead = failures.deadLettered();
        long parked = failures.parked();
        long retried = failures.retried();
        long sent = counter.sent();
        long accepted = counter.accepted();
        return new Counts(accepted, sent, refused, failed, accepted - sent - refused - failed, dead, parked, retried);
    }

    /**
     * The status line, e.g. {@code GeWe sends: accepted 14: sent 11, refused before sending 1, failed at GeWe 2, in
     * progress 0; not sent: dead-lettered 2, parked for review 1; retries 3; pending: files 0, jms 0, kafka 0}.
     */
    public String line() {
        return "GeWe sends: " + counts() + "; pending: files " + pendingFiles()
               + (jms == null ? "" : ", jms " + pendingJms())
               + (kafkaBootstrap == null ? "" : ", kafka " + pendingKafka());
    }

    /**
     * The status line when it changed, or once a minute when it did not; null otherwise (the status route logs only
     * what is not null, so an idle application stays quiet).
     */
    public synchronized String lineIfChanged() {
        String now = line();
        long t = System.nanoTime();
        if (now.equals(last) && t - lastPrinted < TimeUnit.MINUTES.toNanos(1)) {
            return null;
        }
        last = now;
        lastPrinted = t;
        return now;
    }

    /** Message files waiting in the drop folder. */
    public long pendingFiles() {
        if (!Files.isDirectory(messagesDir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(messagesDir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .count();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Messages waiting in the JMS queue; -1 when the broker cannot be asked. */
    public long pendingJms() {
        try (JMSContext ctx = jms.createContext(); QueueBrowser browser = ctx.createBrowser(
                ctx.createQueue(settings.getProperty("gewe.examples.jms.queue")))) {
            return Collections.list(browser.getEnumeration()).size();
        } catch (Exception e) {
            return -1;
        }
    }

    /** The consumer group's lag on the topic; -1 when the cluster cannot be asked. */
    public synchronized long pendingKafka() {
        String kafkaGroup = settings.getProperty("gewe.examples.kafka.groupId");
        String kafkaTopic = settings.getProperty("gewe.examples.kafka.topic");
        try {
            if (admin == null) {
                Properties p = new Properties();
                p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap);
                p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
                p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
                admin = Admin.create(p);
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(kafkaGroup)
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            var partitions = admin.describeTopics(java.util.List.of(kafkaTopic)).allTopicNames()
                    .get(5, TimeUnit.SECONDS).get(kafkaTopic).partitions();
            Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(kafkaTopic, p.partition()), p -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                    .get(5, TimeUnit.SECONDS);
            long lag = 0;
            for (var e : ends.entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                lag += e.getValue().offset() - (c == null ? 0 : c.offset());
            }
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (Exception e) {
            return -1;
        }
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
    }
}
