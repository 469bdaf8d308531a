package io.camelgewe.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

import io.camelgewe.examples.routes.CallbackRoutes;
import io.camelgewe.examples.routes.FileRoutes;
import io.camelgewe.examples.routes.JmsRoutes;
import io.camelgewe.examples.routes.KafkaRoutes;
import io.camelgewe.examples.routes.StatusRoutes;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.springframework.beans.factory.xml.XmlBeanDefinitionReader;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.ClassPathResource;

/**
 * The examples application: every example route, with everything it needs in this JVM (the GeWe simulator, an
 * Artemis broker, a Kafka node, a drop folder) unless environment variables point a part at the real thing (see
 * {@link ExampleSettings}). It prints where to drop a file or send a message, then a running count.
 * <p>
 * {@code --routes=java} (the default), {@code --routes=yaml} or {@code --routes=spring-xml} (or the environment
 * variable {@code GEWE_EXAMPLES_ROUTES}) picks the DSL of the JMS and file routes: the Java DSL classes, the YAML of
 * {@code routes/gewe-routes.yaml} (Camel Main), or the {@code <camelContext>} of {@code spring/camel-gewe-routes.xml}
 * (a Spring application context). The Kafka, callback, seed and status routes are Java in all three. Other arguments
 * go to Camel Main (e.g. {@code -duration 60}).
 */
public final class ExamplesMain {

    /** Where the YAML routes are. */
    public static final String YAML_ROUTES = "classpath:routes/gewe-routes.yaml";
    /** Where the Spring XML routes are. */
    public static final String SPRING_XML = "spring/camel-gewe-routes.xml";

    private ExamplesMain() {
    }

    /**
     * Starts the application; it runs until stopped (Ctrl+C), or for {@code -duration} seconds.
     *
     * @param args {@code --routes=java|yaml|spring-xml}, then Camel Main arguments
     */
    public static void main(String[] args) throws Exception {
        String routes = System.getenv().getOrDefault("GEWE_EXAMPLES_ROUTES", "java");
        List<String> rest = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--routes=")) {
                routes = a.substring("--routes=".length());
            } else {
                rest.add(a);
            }
        }
        routes = routes.toLowerCase(Locale.ROOT);
        if (!List.of("java", "yaml", "spring-xml").contains(routes)) {
            System.err.println("--routes must be java, yaml or spring-xml, not " + routes);
            System.exit(2);
        }
        ExampleInfrastructure infra = ExampleInfrastructure.start(ExampleSettings.fromEnvironment(System.getenv()));
        System.out.println(infra.banner() + "Routes: " + routes + "\n");
        if ("spring-xml".equals(routes)) {
            GenericApplicationContext spring = springContext(infra);
            CamelContext camel = spring.getBean(CamelContext.class);
            if (infra.callbackPort() > 0) {
                // no Camel Main here to run camel.server.*: the same Vert.x server, started by hand
                camel.addService(callbackServer(infra));
            }
            for (RoutesBuilder rb : javaRoutes(infra, false)) {
                camel.addRoutes(rb);
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                spring.close();
                infra.close();
                stopped.countDown();
            }, "gewe-examples-shutdown"));
            stopped.await();
        } else {
            Main main = camelMain(infra, "yaml".equals(routes));
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
     * A Camel Main with every example route and the infrastructure's beans; {@code run()} or {@code start()} it.
     *
     * @param yaml the JMS and file routes from {@link #YAML_ROUTES} instead of the Java DSL
     */
    public static Main camelMain(ExampleInfrastructure infra, boolean yaml) {
        Main main = camelMain(infra, new Properties(), javaRoutes(infra, !yaml));
        if (yaml) {
            main.configure().withRoutesIncludePattern(YAML_ROUTES);
        }
        return main;
    }

    /**
     * A Camel Main with these routes, the infrastructure's beans and settings, and this instance's settings on top
     * (e.g. {@link ExampleInfrastructure#callbackServer(int)}: another instance of the application, with its own
     * HTTP port, in this JVM).
     */
    public static Main camelMain(ExampleInfrastructure infra, Properties instance, List<RoutesBuilder> routes) {
        Main main = new Main();
        Properties settings = new Properties();
        settings.putAll(infra.properties());
        settings.putAll(instance);
        main.setOverrideProperties(settings);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport m) {
                infra.bindTo(m.getCamelContext(), instance);
            }
        });
        for (RoutesBuilder rb : routes) {
            main.configure().addRoutesBuilder(rb);
        }
        return main;
    }

    /** The callbacks' HTTP server for a context without Camel Main: what camel.server.* would start. */
    static VertxPlatformHttpServer callbackServer(ExampleInfrastructure infra) {
        VertxPlatformHttpServerConfiguration conf = new VertxPlatformHttpServerConfiguration();
        conf.setBindHost(infra.properties().getProperty("camel.server.host"));
        conf.setBindPort(infra.callbackPort());
        conf.setMaxBodySize(Long.valueOf(infra.properties().getProperty("camel.server.maxBodySize")));
        return new VertxPlatformHttpServer(conf);
    }

    /**
     * A started Spring application context holding the {@code <camelContext>} of {@link #SPRING_XML}, with the
     * infrastructure's beans registered before the XML is read. Close it to stop the routes.
     */
    public static GenericApplicationContext springContext(ExampleInfrastructure infra) {
        GenericApplicationContext spring = new GenericApplicationContext();
        infra.beans().forEach((name, bean) -> spring.getBeanFactory().registerSingleton(name, bean));
        new XmlBeanDefinitionReader(spring).loadBeanDefinitions(new ClassPathResource(SPRING_XML));
        spring.refresh();
        return spring;
    }

    /** Adds the routes of {@link #YAML_ROUTES} to a context. */
    public static void loadYamlRoutes(CamelContext context) throws Exception {
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, YAML_ROUTES));
    }

    /** The Java DSL routes: seed, status, Kafka and callbacks (with Kafka), and JMS and file when asked. */
    static List<RoutesBuilder> javaRoutes(ExampleInfrastructure infra, boolean jmsAndFiles) {
        List<RoutesBuilder> list = new ArrayList<>();
        list.add(new SeedRoutes());
        list.add(new StatusRoutes());
        if (jmsAndFiles) {
            list.add(new FileRoutes());
            if (infra.connectionFactory() != null) {
                list.add(new JmsRoutes());
            }
        }
        if (infra.kafkaBootstrapServers() != null) {
            list.add(new KafkaRoutes());
            list.add(new CallbackRoutes());
        }
        return list;
    }
}
