package io.camelgewe.examples.infra;

import java.nio.file.Path;

import jakarta.jms.ConnectionFactory;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * An ActiveMQ Artemis broker in this JVM, listening on 127.0.0.1 only (core protocol, which the Jakarta JMS client
 * speaks). Queues are created on first use.
 * <p>
 * Redelivery is the broker's job: a rolled-back message comes back after {@code redeliveryDelay}. The example routes
 * count the deliveries themselves and dead-letter a message, with GeWe's error attached, after their own bound;
 * the broker's {@code max-delivery-attempts} is a higher backstop for consumers that die while holding a message:
 * past it, the broker moves the message to {@code DLQ} itself.
 */
public final class EmbeddedArtemis implements AutoCloseable {

    /** The broker's own dead-letter address: the backstop, not the one the routes use. */
    public static final String BROKER_DLQ = "DLQ";

    private final EmbeddedActiveMQ broker;
    private final int port;

    private EmbeddedArtemis(EmbeddedActiveMQ broker, int port) {
        this.broker = broker;
        this.port = port;
    }

    /**
     * Starts a broker.
     *
     * @param dataDir          where the journal goes; null for a broker that keeps nothing on disk
     * @param redeliveryDelay  milliseconds before a rolled-back message is delivered again
     * @param maxDeliveries    deliveries after which the broker itself moves a message to {@link #BROKER_DLQ}
     */
    public static EmbeddedArtemis start(Path dataDir, long redeliveryDelay, int maxDeliveries) {
        int port = FreePorts.next();
        try {
            Configuration config = new ConfigurationImpl()
                    .setSecurityEnabled(false)
                    .setJMXManagementEnabled(false)
                    .setPersistenceEnabled(dataDir != null)
                    .addAcceptorConfiguration("core", "tcp://127.0.0.1:" + port + "?protocols=CORE");
            if (dataDir != null) {
                config.setJournalType(JournalType.NIO)
                        .setJournalDirectory(dataDir.resolve("journal").toString())
                        .setBindingsDirectory(dataDir.resolve("bindings").toString())
                        .setPagingDirectory(dataDir.resolve("paging").toString())
                        .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString());
            }
            config.addAddressSetting("#", new AddressSettings()
                    .setRedeliveryDelay(redeliveryDelay)
                    .setMaxDeliveryAttempts(maxDeliveries)
                    .setDeadLetterAddress(SimpleString.of(BROKER_DLQ))
                    .setAutoCreateDeadLetterResources(true)
                    .setAutoCreateQueues(true));
            EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
            broker.setConfiguration(config);
            broker.start();
            return new EmbeddedArtemis(broker, port);
        } catch (Exception e) {
            throw new IllegalStateException("The embedded Artemis broker did not start", e);
        }
    }

    /** The URL a JMS client connects to: {@code tcp://127.0.0.1:PORT}. */
    public String brokerUrl() {
        return "tcp://127.0.0.1:" + port;
    }

    /** A Jakarta JMS connection factory for this broker. */
    public ConnectionFactory connectionFactory() {
        return new ActiveMQConnectionFactory(brokerUrl());
    }

    /** Messages waiting in this queue (0 when it does not exist yet). */
    public long messageCount(String queue) {
        Queue q = broker.getActiveMQServer().locateQueue(queue);
        return q == null ? 0 : q.getMessageCount();
    }

    @Override
    public void close() {
        try {
            broker.stop();
        } catch (Exception e) {
            throw new IllegalStateException("The embedded Artemis broker did not stop cleanly", e);
        }
    }
}
