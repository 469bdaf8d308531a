package io.camelgewe.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code send <door> <file>}: puts a message into the running main job through one of its doors, from another JVM
 * (another terminal), with nothing else installed:
 * <ul>
 * <li>{@code file}: drops a copy of the file into the drop folder (a hidden temporary file, then a rename, as a
 * careful producer does), named {@code <name>-<time>.<ext>};</li>
 * <li>{@code jms}: sends the file's text as a JMS text message to the queue;</li>
 * <li>{@code kafka}: produces the file's text to the topic, keyed by the account's appId;</li>
 * <li>{@code callback}: POSTs the file to the callback URL as GeWe pushes a message
 * ({@code Content-Type: application/json}; with {@code GEWE_CALLBACK_SECRET} set, the secret in the
 * {@code X-Gewe-Secret} header).</li>
 * </ul>
 * The file is a path, or the name of one of the {@link #SAMPLES} shipped with the examples. The main job's doors are
 * read from {@code doors.properties} in its data folder ({@link ExampleDoors}), found as the main job finds it
 * ({@code GEWE_DATA_DIR}, else {@code camel-gewe-examples/target/examples-data}). What the main job then did with the
 * message is in its log and its running count.
 */
public final class SendCommand {

    /** The sample files: messages to send, and GeWe pushes (for the simulator's account) to post as callbacks. */
    public static final List<String> SAMPLES = List.of("hello.json", "hello.csv", "text.json", "image.json",
            "file.json");

    /** The most a file sent may hold: the main job's doors are for messages, not for bulk data. */
    static final int MAX_BYTES = 1024 * 1024;

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String USAGE = "usage: send <file|jms|kafka|callback> <file>: the file is a path or one of "
                                        + String.join(", ", SAMPLES);

    private final ExampleDoors doors;
    private final Map<String, String> env;
    private final PrintStream out;

    private SendCommand(ExampleDoors doors, Map<String, String> env, PrintStream out) {
        this.doors = doors;
        this.env = env;
        this.out = out;
    }

    /**
     * Runs the command.
     *
     * @param  args {@code <door> <file>}
     * @param  env  the environment ({@code GEWE_DATA_DIR}, {@code JMS_USER}, {@code JMS_PASSWORD},
     *              {@code GEWE_CALLBACK_SECRET})
     * @param  out  where it says what it did, or why it could not
     * @return      0 when the message was handed over; 1 when it was not; 2 for a wrong command line
     */
    public static int run(List<String> args, Map<String, String> env, PrintStream out) {
        if (args.size() != 2) {
            out.println(USAGE);
            return 2;
        }
        String door = args.get(0);
        if (!List.of("file", "jms", "kafka", "callback").contains(door)) {
            out.println("No door '" + door + "'. " + USAGE);
            return 2;
        }
        try {
            byte[] content = content(args.get(1));
            ExampleDoors doors = ExampleDoors.read(ExampleSettings.fromEnvironment(env).dataDir.resolve(ExampleDoors.FILE));
            SendCommand command = new SendCommand(doors, env, out);
            switch (door) {
                case "file" -> command.drop(fileName(args.get(1)), content);
                case "jms" -> command.jms(content);
                case "kafka" -> command.kafka(content);
                default -> command.callback(content);
            }
            return 0;
        } catch (IllegalArgumentException | IllegalStateException e) {
            out.println(e.getMessage());
            return 1;
        } catch (IOException | JMSRuntimeException | org.apache.kafka.common.KafkaException e) {
            out.println("Not sent: " + e + " (is the main job still running?)");
            return 1;
        }
    }

    /** The bytes of a path, or of a sample of that name; at most {@link #MAX_BYTES}. */
    static byte[] content(String name) throws IOException {
        Path path = Path.of(name);
        if (Files.isRegularFile(path)) {
            if (Files.size(path) > MAX_BYTES) {
                throw new IllegalArgumentException(name + " holds " + Files.size(path) + " bytes, more than the "
                                                   + MAX_BYTES + " a message may; nothing was sent");
            }
            return Files.readAllBytes(path);
        }
        if (!SAMPLES.contains(name)) {
            throw new IllegalArgumentException("No file " + path.toAbsolutePath() + ", and no sample of that name "
                                               + "(the samples: " + String.join(", ", SAMPLES) + "); nothing was sent");
        }
        try (InputStream in = SendCommand.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("The sample " + name + " is missing from the class path");
            }
            return in.readAllBytes();
        }
    }

    private static String fileName(String name) {
        return Path.of(name).getFileName().toString();
    }

    private void drop(String name, byte[] content) throws IOException {
        Path messages = open(doors.messages(), "the drop folder");
        int dot = name.lastIndexOf('.');
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        // a new name each time: a file of the same name may still be in .done or .error
        String target = (dot > 0 ? name.substring(0, dot) : name) + "-" + stamp + (dot > 0 ? name.substring(dot) : "");
        Path tmp = messages.resolve("." + target + ".tmp");
        Files.write(tmp, content);
        Files.move(tmp, messages.resolve(target), StandardCopyOption.ATOMIC_MOVE);
        out.println("Dropped " + messages.resolve(target));
    }

    private void jms(byte[] content) {
        String url = open(doors.jmsUrl(), "JMS");
        try (ActiveMQConnectionFactory cf = new ActiveMQConnectionFactory(url, env.get("JMS_USER"),
                env.get("JMS_PASSWORD"));
             JMSContext ctx = cf.createContext()) {
            TextMessage message = ctx.createTextMessage(new String(content, StandardCharsets.UTF_8));
            ctx.createProducer().send(ctx.createQueue(doors.jmsQueue()), message);
            out.println("Sent to queue " + doors.jmsQueue() + " at " + url + ": JMS " + jmsId(message));
        }
    }

    private static String jmsId(TextMessage message) {
        try {
            return message.getJMSMessageID();
        } catch (jakarta.jms.JMSException e) {
            return "(no message id)";
        }
    }

    private void kafka(byte[] content) {
        String bootstrap = open(doors.kafkaBootstrap(), "Kafka");
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(TIMEOUT.toMillis()));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            RecordMetadata m = producer.send(new ProducerRecord<>(doors.kafkaTopic(), doors.appId(),
                    new String(content, StandardCharsets.UTF_8))).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            out.println("Produced to " + bootstrap + ", keyed by appId " + doors.appId() + ": Kafka " + m.topic() + "/"
                        + m.partition() + "/" + m.offset());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted; the record may not have been produced");
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Not produced: " + (e.getCause() == null ? e : e.getCause())
                                            + " (is the main job still running?)");
        }
    }

    private void callback(byte[] content) throws IOException {
        String url = open(doors.callbackUrl(), "the callbacks' HTTP server");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(content));
        String secret = env.get("GEWE_CALLBACK_SECRET");
        if (secret != null && !secret.isBlank()) {
            request.header("X-Gewe-Secret", secret.strip());
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            out.println("Posted to " + url + ": HTTP " + answer.statusCode() + " " + answer.body());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("The main job did not take the callback in (HTTP "
                                                + answer.statusCode() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted; the callback may not have been posted");
        }
    }

    /** The address of a door, or why it is closed. */
    private static <T> T open(T address, String door) {
        if (address == null) {
            throw new IllegalStateException("The main job runs without " + door + " (see GEWE_EXAMPLES_JMS, "
                                            + "GEWE_EXAMPLES_KAFKA); nothing was sent");
        }
        return address;
    }
}
