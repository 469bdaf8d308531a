package io.camelgewe.examples;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the examples application runs against. Every part is embedded unless its environment variable points at the
 * real thing:
 * <table>
 * <caption>environment</caption>
 * <tr><td>{@code GEWE_BASE_URL}, {@code GEWE_TOKEN}, {@code GEWE_APP_ID}</td><td>a real GeWe instead of the
 * simulator</td></tr>
 * <tr><td>{@code GEWE_TO_WXID}</td><td>the default recipient of the messages dropped or sent without a
 * {@code toWxid}; with a real GeWe there is none unless this is set</td></tr>
 * <tr><td>{@code GEWE_DEMO_TO_WXID}</td><td>who the seed demo sends its image, video and voice message to at start.
 * With the simulator it always runs (to the default recipient unless this is set); with a real GeWe only when this
 * names a recipient</td></tr>
 * <tr><td>{@code JMS_BROKER_URL}, {@code JMS_USER}, {@code JMS_PASSWORD}</td><td>an ActiveMQ Artemis broker instead
 * of the embedded one ({@code tcp://host:61616})</td></tr>
 * <tr><td>{@code KAFKA_BOOTSTRAP_SERVERS}</td><td>a Kafka cluster instead of the embedded one</td></tr>
 * <tr><td>{@code GEWE_CALLBACK_PORT}</td><td>the HTTP port GeWe's callbacks are received on (a free port of
 * 127.0.0.1 by default)</td></tr>
 * <tr><td>{@code GEWE_CALLBACK_URL}</td><td>the public URL GeWe pushes callbacks to, registered at start
 * ({@code https://public.host/gewe/callback}: the reverse proxy in front of this application). Without it the
 * simulator gets the loopback URL and a real GeWe none (register the URL in GeWe's console)</td></tr>
 * <tr><td>{@code GEWE_CALLBACK_HOST}</td><td>the interface the callbacks' HTTP server listens on: {@code 127.0.0.1}
 * (the default, for a reverse proxy on the same host), or {@code 0.0.0.0} for every interface</td></tr>
 * <tr><td>{@code GEWE_CALLBACK_SECRET}</td><td>a secret every push must carry (added to the registered URL)</td></tr>
 * <tr><td>{@code GEWE_DROP_DIR}</td><td>the drop folder ({@code camel-gewe-examples/target/drop})</td></tr>
 * <tr><td>{@code GEWE_DATA_DIR}</td><td>where the embedded brokers and the JMS ledger keep their files
 * ({@code camel-gewe-examples/target/examples-data})</td></tr>
 * <tr><td>{@code GEWE_EXAMPLES_JMS}, {@code GEWE_EXAMPLES_KAFKA}</td><td>{@code false} leaves that part out</td></tr>
 * <tr><td>{@code GEWE_LEDGER_SIZE}</td><td>how many sends the JMS and Kafka ledgers remember (100,000; see
 * {@link #ledgerSize(int)})</td></tr>
 * </table>
 */
public final class ExampleSettings {

    /** Where the callbacks' HTTP server listens unless GEWE_CALLBACK_HOST says otherwise. */
    public static final String LOOPBACK = "127.0.0.1";

    String geweBaseUrl;
    String geweToken;
    String geweAppId;
    String toWxid;
    String demoToWxid;
    String jmsUrl;
    String jmsUser;
    String jmsPassword;
    String kafkaBootstrap;
    int callbackPort;
    String callbackUrl;
    String callbackHost = LOOPBACK;
    String callbackSecret;
    boolean callbackDemo = true;
    Path dropDir;
    Path dataDir;
    boolean jms = true;
    boolean kafka = true;
    boolean persistent = true;
    int maxDeliveries = 3;
    int ledgerSize = 100_000;
    long redeliveryDelay = 1000;
    long statusPeriod = 10_000;

    private ExampleSettings() {
    }

    /** Read from these environment variables (see the class comment). */
    public static ExampleSettings fromEnvironment(Map<String, String> env) {
        ExampleSettings s = new ExampleSettings();
        s.geweBaseUrl = blankToNull(env.get("GEWE_BASE_URL"));
        s.geweToken = blankToNull(env.get("GEWE_TOKEN"));
        s.geweAppId = blankToNull(env.get("GEWE_APP_ID"));
        s.toWxid = blankToNull(env.get("GEWE_TO_WXID"));
        s.demoToWxid = blankToNull(env.get("GEWE_DEMO_TO_WXID"));
        s.jmsUrl = blankToNull(env.get("JMS_BROKER_URL"));
        s.jmsUser = blankToNull(env.get("JMS_USER"));
        s.jmsPassword = blankToNull(env.get("JMS_PASSWORD"));
        s.kafkaBootstrap = blankToNull(env.get("KAFKA_BOOTSTRAP_SERVERS"));
        String port = blankToNull(env.get("GEWE_CALLBACK_PORT"));
        try {
            s.callbackPort = port == null ? 0 : Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("GEWE_CALLBACK_PORT must be a port number, not " + port, e);
        }
        s.callbackUrl = blankToNull(env.get("GEWE_CALLBACK_URL"));
        String host = blankToNull(env.get("GEWE_CALLBACK_HOST"));
        s.callbackHost = host == null ? LOOPBACK : host;
        s.callbackSecret = blankToNull(env.get("GEWE_CALLBACK_SECRET"));
        // exec:java sets gewe.examples.target to the module's target folder, wherever mvn was started
        Path target = Path.of(System.getProperty("gewe.examples.target", "target"));
        s.dropDir = (env.containsKey("GEWE_DROP_DIR") ? Path.of(env.get("GEWE_DROP_DIR")) : target.resolve("drop"))
                .toAbsolutePath();
        s.dataDir = (env.containsKey("GEWE_DATA_DIR") ? Path.of(env.get("GEWE_DATA_DIR"))
                : target.resolve("examples-data")).toAbsolutePath();
        s.jms = !"false".equalsIgnoreCase(env.get("GEWE_EXAMPLES_JMS"));
        s.kafka = !"false".equalsIgnoreCase(env.get("GEWE_EXAMPLES_KAFKA"));
        String ledger = blankToNull(env.get("GEWE_LEDGER_SIZE"));
        if (ledger != null) {
            s.ledgerSize(Integer.parseInt(ledger));
        }
        return s;
    }

    /**
     * Everything embedded, nothing kept on disk but under {@code root}, quick redelivery: what the tests run.
     *
     * @param root a fresh folder: the drop folder and the brokers' files go under it
     */
    public static ExampleSettings embedded(Path root) {
        ExampleSettings s = new ExampleSettings();
        s.dropDir = root.resolve("drop");
        s.dataDir = root.resolve("data");
        s.persistent = false;
        s.redeliveryDelay = 100;
        s.statusPeriod = 1000;
        return s;
    }

    /** Leaves the JMS part out. */
    public ExampleSettings withoutJms() {
        jms = false;
        return this;
    }

    /** Leaves the Kafka part out. */
    public ExampleSettings withoutKafka() {
        kafka = false;
        return this;
    }

    /** The default recipient. */
    public ExampleSettings toWxid(String wxid) {
        toWxid = wxid;
        return this;
    }

    /** The public URL registered with GeWe at start, as GEWE_CALLBACK_URL gives it. */
    public ExampleSettings callbackUrl(String url) {
        callbackUrl = url;
        return this;
    }

    /**
     * The interface the callbacks' HTTP server listens on, as GEWE_CALLBACK_HOST gives it: the loopback one unless
     * told otherwise, even with a public URL, which the reverse proxy in front answers (TLS, body and time limits).
     */
    public String callbackHost() {
        return callbackHost;
    }

    /** The recipient of the seed demo, which then also runs against a real GeWe. */
    public ExampleSettings demoToWxid(String wxid) {
        demoToWxid = wxid;
        return this;
    }

    /** A real GeWe (or a second simulator) instead of the embedded simulator. */
    public ExampleSettings gewe(String baseUrl, String token, String appId) {
        geweBaseUrl = baseUrl;
        geweToken = token;
        geweAppId = appId;
        return this;
    }

    /** No demo callbacks pushed through the simulator at start (tests that count callbacks). */
    public ExampleSettings withoutCallbackDemo() {
        callbackDemo = false;
        return this;
    }

    /** Deliveries of a JMS message before a NOT_SENT failure is dead-lettered. */
    public ExampleSettings maxDeliveries(int n) {
        maxDeliveries = n;
        return this;
    }

    /**
     * How many sends the JMS and Kafka ledgers remember, the oldest forgotten first. A message that comes back after
     * more sends than that (its commit was lost, and it came back behind a long backlog: a rolled-back JMS message
     * goes back behind what is queued) is no longer recognised, and is sent again. Keep it above the deepest backlog
     * the queue or topic may hold.
     */
    public ExampleSettings ledgerSize(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("The ledger size must be positive: " + n);
        }
        ledgerSize = n;
        return this;
    }

    /** The drop folder. */
    public Path dropDir() {
        return dropDir;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
