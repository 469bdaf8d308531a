package io.camelgewe.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.camelgewe.examples.infra.EmbeddedArtemis;
import io.camelgewe.examples.infra.EmbeddedKafka;
import io.camelgewe.examples.infra.FreePorts;
import io.camelgewe.examples.support.CallbackDemo;
import io.camelgewe.examples.support.CallbackRecords;
import io.camelgewe.examples.support.ExampleStatus;
import io.camelgewe.examples.support.GeweFailures;
import io.camelgewe.examples.support.KafkaLedgerRepository;
import io.camelgewe.examples.support.MessageFiles;
import io.camelgewe.examples.support.SendCounter;
import io.camelgewe.examples.support.SendLedger;
import io.camelgewe.gewe.GeweComponent;
import io.camelgewe.gewe.GeweConfiguration;
import io.camelgewe.gewe.simulator.GeweSimulator;
import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * Everything the example routes need, started from {@link ExampleSettings}: GeWe (the simulator, or the real one),
 * a JMS broker (embedded Artemis, or a remote one), a Kafka cluster (embedded KRaft node, or a remote one), the drop
 * folder, and the beans the routes of every DSL call by name:
 * <table>
 * <caption>beans</caption>
 * <tr><td>{@code gewe}, {@code jms}, {@code kafka}</td><td>the components, configured</td></tr>
 * <tr><td>{@code geweFailures}</td><td>{@link GeweFailures}: what to do with a failed send</td></tr>
 * <tr><td>{@code jmsLedger}, {@code kafkaLedger}</td><td>{@link SendLedger}s: what GeWe accepted or may have
 * accepted</td></tr>
 * <tr><td>{@code messageFiles}</td><td>{@link MessageFiles}: reads dropped JSON and CSV files</td></tr>
 * <tr><td>{@code callbackLedger}</td><td>with Kafka: the {@link KafkaLedgerRepository} of the callbacks received,
 * on the topic {@code gewe.callbacks.seen} every instance shares</td></tr>
 * <tr><td>{@code callbackRecords}</td><td>{@link CallbackRecords}: callbacks to records, records to callbacks, media
 * file names</td></tr>
 * <tr><td>{@code callbackDemo}</td><td>with the simulator: {@link CallbackDemo}, the callbacks pushed at start</td></tr>
 * <tr><td>{@code exampleStatus}</td><td>the running count</td></tr>
 * <tr><td>{@code instanceServices}</td><td>{@link InstanceServices}: joins the ledgers' Kafka clients and the send
 * counter to the Camel context</td></tr>
 * <tr><td>{@code exampleProperties}</td><td>the {@code gewe.examples.*} settings, for a Spring XML
 * {@code <propertyPlaceholder location="ref:exampleProperties"/>}</td></tr>
 * </table>
 * With Kafka, the application also receives GeWe's callbacks: its settings ({@link #properties()}) turn Camel Main's
 * HTTP server on ({@code camel.server.enabled}, {@code camel.server.port}, {@code camel.server.host}) and give the
 * URL registered with GeWe ({@code gewe.examples.callbacks.registerUrl}).
 */
public final class ExampleInfrastructure implements AutoCloseable {

    /** The default recipient with the simulator, when GEWE_TO_WXID names none: a made-up friend. */
    public static final String SIMULATED_RECIPIENT = CallbackDemo.FRIEND;

    /** The Kafka topic of the ledger shared by the instances of the Kafka consumer group. */
    public static final String KAFKA_LEDGER_TOPIC = "gewe.sends.ledger";

    private final ExampleSettings settings;
    private GeweSimulator simulator;
    private EmbeddedArtemis artemis;
    private EmbeddedKafka kafka;
    private String geweBaseUrl;
    private String geweToken;
    private String geweAppId;
    private ConnectionFactory connectionFactory;
    private CachingConnectionFactory jmsConnections;
    private String kafkaBootstrap;
    private int callbackPort;
    private final Properties properties = new Properties();
    private final GeweFailures failures;
    private final SendCounter counter = new SendCounter();
    private SendLedger jmsLedger;
    private ExampleStatus status;
    private boolean closed;

    private ExampleInfrastructure(ExampleSettings settings) {
        this.settings = settings;
        this.failures = new GeweFailures(settings.maxDeliveries, counter);
    }

    /** Starts what the settings ask for; on failure, stops what had started. */
    public static ExampleInfrastructure start(ExampleSettings settings) {
        ExampleInfrastructure infra = new ExampleInfrastructure(settings);
        try {
            infra.doStart();
            return infra;
        } catch (RuntimeException e) {
            infra.close();
            throw e;
        }
    }

    private void doStart() {
        try {
            Files.createDirectories(settings.dropDir.resolve("messages"));
            Files.createDirectories(settings.dropDir.resolve("images"));
            Files.createDirectories(settings.dropDir.resolve("media"));
            Files.createDirectories(settings.dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the drop folder " + settings.dropDir, e);
        }
        // defaults, then what these settings decide
        try (InputStream in = ExampleInfrastructure.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.setProperty("gewe.examples.dropDir", settings.dropDir.toString());
        properties.setProperty("gewe.examples.jms.maxDeliveries", String.valueOf(settings.maxDeliveries));
        properties.setProperty("gewe.examples.statusPeriod", String.valueOf(settings.statusPeriod));
        if (settings.geweBaseUrl == null) {
            simulator = GeweSimulator.start();
            geweBaseUrl = simulator.baseUrl();
            geweToken = simulator.token();
            geweAppId = simulator.appId();
        } else {
            geweBaseUrl = settings.geweBaseUrl;
            geweToken = settings.geweToken;
            geweAppId = settings.geweAppId;
        }
        // real people read what a real GeWe sends: no recipient there unless the user names one
        String recipient = settings.toWxid != null ? settings.toWxid : simulator != null ? SIMULATED_RECIPIENT : "";
        properties.setProperty("gewe.examples.toWxid", recipient);
        properties.setProperty("gewe.examples.demo.toWxid",
                settings.demoToWxid != null ? settings.demoToWxid : simulator != null ? recipient : "");
        // the demo's download is of a made-up image that only the simulator serves
        properties.setProperty("gewe.examples.demo.download", String.valueOf(simulator != null));

        if (settings.jms) {
            if (settings.jmsUrl == null) {
                artemis = EmbeddedArtemis.start(settings.persistent ? settings.dataDir.resolve("artemis") : null,
                        settings.redeliveryDelay, settings.maxDeliveries + 5);
                connectionFactory = artemis.connectionFactory();
            } else {
                connectionFactory = new ActiveMQConnectionFactory(settings.jmsUrl, settings.jmsUser, settings.jmsPassword);
            }
            // the routes' JMS connection: one, shared, its sessions and producers cached (without it every send to a
            // queue opens a connection of its own). Consumers are not cached: a consumer a stopped route closes must
            // really close, or the broker keeps handing it messages nobody reads
            jmsConnections = new CachingConnectionFactory(connectionFactory);
            jmsConnections.setSessionCacheSize(20);
            jmsConnections.setCacheConsumers(false);
            IdempotentRepository repo = settings.persistent
                    ? FileIdempotentRepository.fileIdempotentRepository(
                            settings.dataDir.resolve("jms-sent-ledger.dat").toFile(), settings.ledgerSize)
                    : MemoryIdempotentRepository.memoryIdempotentRepository(settings.ledgerSize);
            jmsLedger = new SendLedger(repo);
            // the JMS ledger belongs to this application, not to one Camel context: its keys outlive a context
            ServiceHelper.startService(jmsLedger.lifecycle());
        }
        if (settings.kafka) {
            if (settings.kafkaBootstrap == null) {
                kafka = EmbeddedKafka.start(settings.dataDir.resolve("kafka"));
                kafkaBootstrap = kafka.bootstrapServers();
            } else {
                kafkaBootstrap = settings.kafkaBootstrap;
            }
            EmbeddedKafka.createTopics(kafkaBootstrap, 2, properties.getProperty("gewe.examples.kafka.topic"));
            EmbeddedKafka.createTopics(kafkaBootstrap, 1, KAFKA_LEDGER_TOPIC,
                    properties.getProperty("gewe.examples.kafka.dlq"), properties.getProperty("gewe.examples.kafka.review"));
            // callbacks: keyed by appId over two partitions; the ledger of those seen, and the media DLQ, one each
            EmbeddedKafka.createTopics(kafkaBootstrap, 2, properties.getProperty("gewe.examples.callbacks.topic"));
            EmbeddedKafka.createTopics(kafkaBootstrap, 1, properties.getProperty("gewe.examples.callbacks.seenTopic"),
                    properties.getProperty("gewe.examples.callbacks.mediaDlq"));
            callbackPort = settings.callbackPort > 0 ? settings.callbackPort : FreePorts.next();
            properties.putAll(callbackServer(callbackPort));
            if (settings.callbackSecret != null) {
                properties.setProperty("gewe.examples.callbacks.secret", settings.callbackSecret);
            }
        }
        status = new ExampleStatus(counter, failures, settings.dropDir.resolve("messages"), connectionFactory,
                kafkaBootstrap, properties);
    }

    /**
     * The settings of an instance of the application whose callbacks' HTTP server listens on this port: Camel Main's
     * {@code camel.server.*}, its dev consoles on the same server ({@code camel.management.*}), and the URL
     * registered with GeWe: {@code GEWE_CALLBACK_URL} when it is set (the public
     * URL, which a load balancer in front of every instance answers), else, with the simulator, this instance's own
     * loopback URL, else none (registered by hand in GeWe's console).
     */
    public Properties callbackServer(int port) {
        Properties p = new Properties();
        p.setProperty("camel.server.enabled", "true");
        p.setProperty("camel.server.port", String.valueOf(port));
        // the loopback interface, as the embedded brokers, unless GEWE_CALLBACK_HOST says otherwise: a public URL is
        // the reverse proxy's, which alone should face the network
        p.setProperty("camel.server.host", settings.callbackHost());
        // gewe:callback reads its bodies itself within its maxBodySize; this bounds any other route on the server
        p.setProperty("camel.server.maxBodySize", String.valueOf(GeweConfiguration.DEFAULT_MAX_BODY_SIZE));
        String url = settings.callbackUrl != null ? settings.callbackUrl
                : simulator != null ? "http://127.0.0.1:" + port + GeweConfiguration.DEFAULT_CALLBACK_PATH : "";
        p.setProperty("gewe.examples.callbacks.registerUrl", url);
        // the dev consoles (/q/dev, /q/dev/gewe) on the same server: Camel's management server shares a port it is
        // given with the main one
        p.setProperty("camel.management.enabled", "true");
        p.setProperty("camel.management.devConsoleEnabled", "true");
        p.setProperty("camel.management.port", String.valueOf(port));
        p.setProperty("camel.management.host", p.getProperty("camel.server.host"));
        return p;
    }

    /**
     * The beans the routes use, by name (see the class comment), and {@code instanceServices}, which joins the
     * services among them to the Camel context that uses them ({@link InstanceServices}). The components and the
     * ledgers' Kafka clients are new at each call: each Camel context owns (starts and stops) its own, as separate
     * instances of an application do.
     */
    public Map<String, Object> beans() {
        Map<String, Object> beans = new LinkedHashMap<>();
        List<Object> services = new ArrayList<>();
        beans.put("gewe", newGeweComponent());
        if (connectionFactory != null) {
            JmsComponent jms = new JmsComponent();
            jms.setConnectionFactory(jmsConnections);
            // transacted consumers use the listener's own JMS session transaction, on a session and consumer kept for
            // the route's life, instead of a JmsTransactionManager that takes a new session (and with a plain
            // connection factory a new connection) for each message
            jms.getConfiguration().setLazyCreateTransactionManager(false);
            beans.put("jms", jms);
            beans.put("jmsConnectionFactory", connectionFactory);
            beans.put("jmsLedger", jmsLedger);
        }
        if (kafkaBootstrap != null) {
            KafkaComponent k = new KafkaComponent();
            k.getConfiguration().setBrokers(kafkaBootstrap);
            beans.put("kafka", k);
            SendLedger kafkaLedger = new SendLedger(new KafkaLedgerRepository(KAFKA_LEDGER_TOPIC, kafkaBootstrap,
                    settings.ledgerSize));
            beans.put("kafkaLedger", kafkaLedger);
            services.add(kafkaLedger.lifecycle());
            // keys written once a callback is published (recordOnConfirm): see KafkaLedgerRepository. The callback
            // consumer would start it; the context stops it, after the routes
            KafkaLedgerRepository callbackLedger = new KafkaLedgerRepository(
                    properties.getProperty("gewe.examples.callbacks.seenTopic"), kafkaBootstrap, 100_000, true);
            beans.put("callbackLedger", callbackLedger);
            services.add(callbackLedger);
            if (simulator != null && settings.callbackDemo) {
                beans.put("callbackDemo", new CallbackDemo(simulator));
            }
        }
        beans.put("callbackRecords", new CallbackRecords());
        beans.put("geweFailures", failures);
        beans.put("messageFiles", new MessageFiles());
        beans.put("exampleStatus", status);
        beans.put("exampleProperties", properties);
        // the send counter is not a bean: Camel Main would add an EventNotifier bean a second time
        beans.put("instanceServices", new InstanceServices(services, counter));
        return beans;
    }

    /**
     * Prepares a Camel context for the example routes: binds {@link #beans()}, joins the instance's services and the
     * send counter to it ({@link InstanceServices}), and sets the {@code gewe.examples.*} properties. Call before it
     * starts.
     */
    public void bindTo(CamelContext context) {
        bindTo(context, new Properties());
    }

    /**
     * {@link #bindTo(CamelContext)}, with settings of this instance on top of the application's (e.g.
     * {@link #callbackServer(int)} for a second instance in the same JVM).
     */
    public void bindTo(CamelContext context, Properties instance) {
        Map<String, Object> beans = beans();
        beans.forEach((name, bean) -> context.getRegistry().bind(name, bean));
        InstanceServices services = (InstanceServices) beans.get("instanceServices");
        if (!context.getLifecycleStrategies().contains(services)) {
            context.addLifecycleStrategy(services);
        }
        Properties overrides = new Properties();
        overrides.putAll(properties);
        overrides.putAll(instance);
        context.getPropertiesComponent().setOverrideProperties(overrides);
    }

    /** A GeWe component for the GeWe this application uses. */
    public GeweComponent newGeweComponent() {
        GeweComponent gewe = new GeweComponent();
        gewe.setBaseUrl(geweBaseUrl);
        gewe.setToken(geweToken);
        gewe.setAppId(geweAppId);
        // the simulator is no WeChat account: full speed against it; a real GeWe gets the component's pacing
        gewe.setPacing(simulator == null);
        return gewe;
    }

    /** What to tell a user once the application runs: see {@link ExampleBanner}. */
    public String banner(ExampleDoors doors) {
        return ExampleBanner.of(this, doors);
    }

    /** The settings this infrastructure was started from. */
    ExampleSettings settings() {
        return settings;
    }

    /** Whether the JMS broker is the embedded one. */
    boolean embeddedJms() {
        return artemis != null;
    }

    /** Whether the Kafka node is the embedded one. */
    boolean embeddedKafka() {
        return kafka != null;
    }

    /** The folder message files are dropped in. */
    public Path messagesDir() {
        return settings.dropDir.resolve("messages");
    }

    /** The URL of the JMS broker, or null without JMS. */
    public String jmsUrl() {
        return connectionFactory == null ? null : artemis != null ? artemis.brokerUrl() : settings.jmsUrl;
    }

    /** The base URL of the GeWe the application talks to. */
    public String geweBaseUrl() {
        return geweBaseUrl;
    }

    /** The appId of the account the application sends for. */
    public String appId() {
        return geweAppId;
    }

    /** The file a running main job writes its {@link ExampleDoors} to, in the data folder. */
    public Path doorsFile() {
        return settings.dataDir.resolve(ExampleDoors.FILE);
    }

    /** The port of the callbacks' HTTP server; 0 without Kafka (no callbacks). */
    public int callbackPort() {
        return callbackPort;
    }

    /** The simulator, or null when a real GeWe is used. */
    public GeweSimulator simulator() {
        return simulator;
    }

    /** The JMS connection factory, or null without JMS. */
    public ConnectionFactory connectionFactory() {
        return connectionFactory;
    }

    /** The embedded broker, or null. */
    public EmbeddedArtemis artemis() {
        return artemis;
    }

    /** The Kafka bootstrap servers, or null without Kafka. */
    public String kafkaBootstrapServers() {
        return kafkaBootstrap;
    }

    /** The settings of the example routes ({@code gewe.examples.*}). */
    public Properties properties() {
        return properties;
    }

    /** The status reporter. */
    public ExampleStatus status() {
        return status;
    }

    /** The failure counters. */
    public GeweFailures failures() {
        return failures;
    }

    /** The send counter. */
    public SendCounter counter() {
        return counter;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            // the doors close with the application: send must not find the file of a main job that has stopped
            Files.deleteIfExists(doorsFile());
        } catch (IOException e) {
            // nothing a stopping application can do about it; send then fails to connect, and says so
        }
        if (status != null) {
            status.close();
        }
        if (jmsLedger != null) {
            ServiceHelper.stopService(jmsLedger.lifecycle());
        }
        if (jmsConnections != null) {
            jmsConnections.destroy();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (artemis != null) {
            artemis.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }
}
