package io.camelgewe.examples;

import java.util.Properties;

/**
 * What the main job tells its user once it runs: which GeWe it talks to (and whether that is the simulator), where
 * to drop a file, where to send a message and how ({@link SendCommand}), where callbacks arrive and where the dev
 * console is. Addresses are those of the running doors ({@link ExampleDoors}): the HTTP server as it is bound.
 */
final class ExampleBanner {

    /** The command that runs {@link SendCommand} from the repository, without {@code mvn install}. */
    static final String SEND = "mvn -B -q -pl camel-gewe-examples -am compile exec:java -Dexec.args=\"send ";

    private ExampleBanner() {
    }

    static String of(ExampleInfrastructure infra, ExampleDoors doors) {
        ExampleSettings settings = infra.settings();
        Properties properties = infra.properties();
        StringBuilder sb = new StringBuilder("\n==== camel-gewe examples ====\n");
        gewe(sb, infra, properties);
        sb.append("Files: drop *.json or *.csv message files in ").append(doors.messages())
                .append("\n       e.g. {\"toWxid\":\"filehelper\",\"content\":\"Hello\"}, or a CSV with the header "
                        + "toWxid,content\n       (image URLs in *.json or *.txt files: ")
                .append(settings.dropDir.resolve("images")).append(")\n");
        if (doors.jmsUrl() != null) {
            sb.append("JMS:   queue ").append(doors.jmsQueue()).append(" at ").append(doors.jmsUrl())
                    .append(infra.embeddedJms() ? " (embedded Artemis; JMS_BROKER_URL for another)" : "")
                    .append("\n       failures: ").append(properties.getProperty("gewe.examples.jms.dlq"))
                    .append(", may-have-been-sent: ").append(properties.getProperty("gewe.examples.jms.review"))
                    .append('\n');
        }
        if (doors.kafkaBootstrap() != null) {
            sb.append("Kafka: topic ").append(doors.kafkaTopic()).append(" at ").append(doors.kafkaBootstrap())
                    .append(", records keyed by appId (").append(doors.appId()).append(')')
                    .append(infra.embeddedKafka() ? " (embedded KRaft; KAFKA_BOOTSTRAP_SERVERS for another)" : "")
                    .append("\n       failures: ").append(properties.getProperty("gewe.examples.kafka.dlq"))
                    .append(", may-have-been-sent: ").append(properties.getProperty("gewe.examples.kafka.review"))
                    .append('\n');
            callbacks(sb, infra, doors);
        }
        sb.append("Send one (from another terminal, in the repository's folder):\n       ").append(SEND).append("jms hello.json\"")
                .append("\n       doors: file, jms, kafka, callback; samples: ")
                .append(String.join(" ", SendCommand.SAMPLES)).append(" (or a file of your own)\n");
        if (doors.consoleUrl() != null) {
            sb.append("Console: ").append(doors.consoleUrl())
                    .append(" (Camel's dev console for GeWe: accounts, pacing, callbacks, failures)\n");
        }
        sb.append("A running count is logged every ").append(settings.statusPeriod / 1000)
                .append(" s when it changes. Stop with Ctrl+C.\n");
        return sb.toString();
    }

    private static void gewe(StringBuilder sb, ExampleInfrastructure infra, Properties properties) {
        String recipient = properties.getProperty("gewe.examples.toWxid");
        String demo = properties.getProperty("gewe.examples.demo.toWxid");
        if (infra.simulator() != null) {
            sb.append("GeWe:  the simulator at ").append(infra.geweBaseUrl()).append(", appId ").append(infra.appId())
                    .append(": no WeChat account, nothing leaves this machine\n")
                    .append("       (GEWE_BASE_URL, GEWE_TOKEN and GEWE_APP_ID switch to a real GeWe)\n");
        } else {
            sb.append("GeWe:  a REAL GeWe at ").append(infra.geweBaseUrl()).append(", appId ").append(infra.appId())
                    .append(": what it sends reaches real WeChat users, paced as GeWe asks\n")
                    .append("       it sends only what you drop or send it");
            if (infra.settings().callbackUrl != null) {
                sb.append("; it registers ").append(infra.settings().callbackUrl)
                        .append(" as the account's callback URL");
            }
            sb.append('\n');
        }
        sb.append("       default recipient: ").append(recipient.isEmpty() ? "none (GEWE_TO_WXID names one)" : recipient)
                .append("; demo: ").append(demo.isEmpty() ? "off (GEWE_DEMO_TO_WXID names who it is for)"
                        : "an image, a video and a voice message to " + demo + " at start").append('\n');
    }

    private static void callbacks(StringBuilder sb, ExampleInfrastructure infra, ExampleDoors doors) {
        if (doors.callbackUrl() == null) {
            return;
        }
        String registered = infra.properties().getProperty("gewe.examples.callbacks.registerUrl");
        sb.append("Callbacks: received on ").append(doors.callbackUrl())
                .append("0.0.0.0".equals(doors.httpBind()) || "::".equals(doors.httpBind())
                        ? " (listening on every interface)" : "")
                .append(registered.isEmpty() ? " (not registered: set GEWE_CALLBACK_URL to the public URL, or "
                                               + "register it in GeWe's console)"
                        : infra.settings().callbackUrl != null ? ", registered as " + registered
                        : " (registered with the simulator)")
                .append(ExampleSettings.LOOPBACK.equals(doors.httpBind())
                        ? "\n       loopback only: GEWE_CALLBACK_HOST=0.0.0.0 listens on every interface" : "")
                .append("\n       every message to topic ")
                .append(infra.properties().getProperty("gewe.examples.callbacks.topic"))
                .append(" keyed by appId, once; images and files downloaded into ")
                .append(infra.settings().dropDir.resolve("media")).append('\n');
        if (infra.simulator() != null && infra.settings().callbackDemo) {
            sb.append("       (a demo text and image are pushed through the simulator at start)\n");
        }
    }
}
