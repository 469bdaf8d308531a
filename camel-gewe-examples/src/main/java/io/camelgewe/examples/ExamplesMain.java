package io.camelgewe.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

import io.camelgewe.examples.ExampleApplication.Flavour;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * The examples application: every example route, with everything it needs in this JVM (the GeWe simulator, an
 * Artemis broker, a Kafka node, a drop folder) unless environment variables point a part at the real thing (see
 * {@link ExampleSettings}). It prints where to drop a file or send a message, then a running count.
 * <p>
 * {@code send <door> <file>} instead puts a message into the running application through one of its doors: see
 * {@link SendCommand}.
 * <p>
 * {@code --routes=java} (the default), {@code --routes=yaml} or {@code --routes=spring-xml} (or the environment
 * variable {@code GEWE_EXAMPLES_ROUTES}) picks the DSL of the JMS and file routes: the Java DSL classes, the YAML of
 * {@code routes/gewe-routes.yaml} (Camel Main), or the {@code <camelContext>} of {@code spring/camel-gewe-routes.xml}
 * (a Spring application context): see {@link ExampleApplication}. Other arguments go to Camel Main (e.g.
 * {@code -duration 60}).
 */
public final class ExamplesMain {

    private ExamplesMain() {
    }

    /**
     * Starts the application; it runs until stopped (Ctrl+C), or for {@code -duration} seconds.
     *
     * @param args {@code --routes=java|yaml|spring-xml}, then Camel Main arguments
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("send")) {
            int status = SendCommand.run(List.of(args).subList(1, args.length), System.getenv(), System.out);
            if (status != 0) {
                System.exit(status);
            }
            return;
        }
        String routes = System.getenv().getOrDefault("GEWE_EXAMPLES_ROUTES", "java");
        List<String> rest = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--routes=")) {
                routes = a.substring("--routes=".length());
            } else {
                rest.add(a);
            }
        }
        Flavour flavour;
        try {
            flavour = Flavour.of(routes);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        ExampleSettings settings = ExampleSettings.fromEnvironment(System.getenv());
        String missing = ExampleApplication.missingPart(flavour, settings.jms);
        if (missing != null) {
            // said before the brokers start for nothing
            System.err.println(missing);
            System.exit(2);
            return;
        }
        ExampleInfrastructure infra = ExampleInfrastructure.start(settings);
        if (flavour == Flavour.SPRING_XML) {
            ExampleApplication app = ExampleApplication.start(infra, flavour, new Properties());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.close();
                infra.close();
                stopped.countDown();
            }, "gewe-examples-shutdown"));
            System.out.println(announce(infra, app.camelContext(), flavour));
            stopped.await();
        } else {
            Main main = ExampleApplication.camelMain(infra, flavour, new Properties());
            main.addMainListener(new MainListenerSupport() {
                @Override
                public void afterStart(BaseMainSupport m) {
                    System.out.println(announce(infra, m.getCamelContext(), flavour));
                }
            });
            // on Ctrl+C: the routes stop first, then the brokers and the simulator they use
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                main.stop();
                infra.close();
            }, "gewe-examples-shutdown"));
            try {
                main.run(rest.toArray(String[]::new));
            } finally {
                infra.close();
            }
        }
    }

    /**
     * Once the application runs: writes its doors down for {@code send} (the infrastructure deletes the file when it
     * closes), and returns what to tell the user (the banner).
     */
    static String announce(ExampleInfrastructure infra, CamelContext running, Flavour flavour) {
        ExampleDoors doors = ExampleDoors.of(infra, running);
        doors.write(infra.doorsFile());
        return infra.banner(doors) + "Routes: " + flavour.argument() + "\n";
    }
}
