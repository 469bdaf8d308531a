package io.camelgewe.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

import io.camelgewe.gewe.GeweConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;

/**
 * Where a running main job takes messages in, read from what it runs: the drop folder, the JMS queue and its broker,
 * the Kafka topic and its cluster (and the record key, the appId), the HTTP server GeWe's callbacks and the dev
 * console are on, with the address and port that server is bound to. A field is null when that door is closed.
 * <p>
 * The main job writes them to {@code doors.properties} in its data folder ({@code GEWE_DATA_DIR},
 * {@code camel-gewe-examples/target/examples-data}) once it has started, and deletes the file when it stops: that is
 * how {@code send} ({@link SendCommand}), started in another JVM, finds the embedded brokers, whose ports are free
 * ports picked at each start. Nothing secret is written (no token, no callback secret).
 *
 * @param messages       the folder message files are dropped in
 * @param jmsUrl         the JMS broker's URL
 * @param jmsQueue       the queue of messages to send
 * @param kafkaBootstrap the Kafka cluster's bootstrap servers
 * @param kafkaTopic     the topic of messages to send
 * @param appId          the account, the key of the records on that topic
 * @param httpUrl        the base URL of the HTTP server, {@code http://host:port}, as bound (a server bound to every
 *                       interface is reached on the loopback one from this machine)
 * @param httpBind       the address that server is bound to ({@code 0.0.0.0}: every interface)
 */
public record ExampleDoors(Path messages, String jmsUrl, String jmsQueue, String kafkaBootstrap, String kafkaTopic,
                           String appId, String httpUrl, String httpBind) {

    /** The name of the file in the data folder. */
    public static final String FILE = "doors.properties";

    /** The doors of an infrastructure and of the Camel context that runs its routes. */
    public static ExampleDoors of(ExampleInfrastructure infra, CamelContext running) {
        Properties p = infra.properties();
        boolean jms = infra.connectionFactory() != null;
        boolean kafka = infra.kafkaBootstrapServers() != null;
        // the HTTP server as it runs (its bind address, the port it got), not as it was configured
        VertxPlatformHttpServer server = running.hasService(VertxPlatformHttpServer.class);
        boolean http = server != null && server.getServer() != null;
        String bind = http ? server.getHost() : null;
        String host = bind == null || bind.equals("0.0.0.0") || bind.equals("::") ? "127.0.0.1" : bind;
        return new ExampleDoors(infra.messagesDir(), jms ? infra.jmsUrl() : null,
                jms ? p.getProperty("gewe.examples.jms.queue") : null, infra.kafkaBootstrapServers(),
                kafka ? p.getProperty("gewe.examples.kafka.topic") : null, infra.appId(),
                http ? "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.getServer().actualPort()
                        : null, http ? (bind == null ? "0.0.0.0" : bind) : null);
    }

    /** The URL GeWe's callbacks are received on, without any secret; null without an HTTP server. */
    public String callbackUrl() {
        return httpUrl == null ? null : httpUrl + GeweConfiguration.DEFAULT_CALLBACK_PATH;
    }

    /** The URL of the gewe dev console; null without an HTTP server. */
    public String consoleUrl() {
        return httpUrl == null ? null : httpUrl + "/q/dev/gewe";
    }

    /** Writes the doors to a file: a temporary file, then a rename, so that a reader never sees half of it. */
    public void write(Path file) {
        Properties p = new Properties();
        put(p, "messages", messages == null ? null : messages.toString());
        put(p, "jms.url", jmsUrl);
        put(p, "jms.queue", jmsQueue);
        put(p, "kafka.bootstrap", kafkaBootstrap);
        put(p, "kafka.topic", kafkaTopic);
        put(p, "appId", appId);
        put(p, "http.url", httpUrl);
        put(p, "http.bind", httpBind);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "the doors of the running camel-gewe main job; deleted when it stops");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /**
     * The doors a running main job wrote.
     *
     * @throws IllegalStateException when there is no such file: the main job is not running with that data folder
     */
    public static ExampleDoors read(Path file) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("The main job is not running: it writes " + file + " once it has "
                                            + "started (start it first, with the same GEWE_DATA_DIR if you set one)");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        String messages = p.getProperty("messages");
        return new ExampleDoors(messages == null ? null : Path.of(messages), p.getProperty("jms.url"),
                p.getProperty("jms.queue"), p.getProperty("kafka.bootstrap"), p.getProperty("kafka.topic"),
                p.getProperty("appId"), p.getProperty("http.url"), p.getProperty("http.bind"));
    }

    private static void put(Properties p, String key, String value) {
        if (value != null) {
            p.setProperty(key, value);
        }
    }
}
