package io.camelgewe.examples.infra;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A one-node Kafka cluster in this JVM: KRaft (no ZooKeeper), the node both controller and broker, both listening on
 * 127.0.0.1 only. Its log directory is formatted anew at each start and deleted at {@link #close()}: what it holds
 * lives as long as the application.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private final KafkaRaftServer server;
    private final Path logDir;
    private final int port;

    private EmbeddedKafka(KafkaRaftServer server, Path logDir, int port) {
        this.server = server;
        this.logDir = logDir;
        this.port = port;
    }

    /**
     * Formats a fresh log directory under {@code workDir} and starts the node.
     *
     * @param workDir a folder for the node's log directory (created when missing)
     */
    public static EmbeddedKafka start(Path workDir) {
        int[] ports = FreePorts.distinct(2);
        int brokerPort = ports[0];
        int controllerPort = ports[1];
        Path logDir;
        try {
            Files.createDirectories(workDir);
            logDir = Files.createTempDirectory(workDir, "kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the embedded Kafka's log directory under " + workDir, e);
        }
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        // one node: every internal topic has one replica, and a consumer group need not wait for more members
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.partitions", "2");
        // small: the log cleaner's buffer is allocated up front (128 MiB by default)
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        KafkaConfig config = new KafkaConfig(p, false);
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(logDir.toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format the embedded Kafka's log directory " + logDir, e);
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        return new EmbeddedKafka(server, logDir, brokerPort);
    }

    /** What a Kafka client's {@code bootstrap.servers} is set to. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /**
     * Creates these topics, if they do not exist yet, with this many partitions.
     *
     * @param bootstrapServers the cluster (this one, or another)
     */
    public static void createTopics(String bootstrapServers, int partitions, String... topics) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(p)) {
            for (String topic : topics) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create the topic " + topic, e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        try (Stream<Path> files = Files.walk(logDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a leftover folder under the work directory is harmless
        }
    }
}
