package io.camelgewe.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import io.camelgewe.examples.routes.CallbackRoutes;
import io.camelgewe.examples.routes.FileRoutes;
import io.camelgewe.examples.routes.JmsRoutes;
import io.camelgewe.examples.routes.KafkaRoutes;
import io.camelgewe.examples.routes.StatusRoutes;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.component.platform.http.main.ManagementHttpServer;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.springframework.beans.factory.xml.XmlBeanDefinitionReader;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.ClassPathResource;

/**
 * One instance of the examples application, in one of its three flavours, started on an
 * {@link ExampleInfrastructure}: what {@code ExamplesMain} runs, and what the tests run, the same way.
 * <p>
 * The flavour is the DSL of the JMS and file routes: the Java DSL classes, the YAML of {@value #YAML_ROUTES} (both
 * under Camel Main), or the {@code <camelContext>} of {@value #SPRING_XML} (a Spring application context). The seed,
 * status, Kafka and callback routes are the Java DSL classes in all three.
 */
public final class ExampleApplication implements AutoCloseable {

    /** Where the YAML routes are. */
    public static final String YAML_ROUTES = "classpath:routes/gewe-routes.yaml";
    /** Where the Spring XML routes are. */
    public static final String SPRING_XML = "spring/camel-gewe-routes.xml";

    /** The DSL of the JMS and file routes. */
    public enum Flavour {
        /** The Java DSL classes under Camel Main. */
        JAVA,
        /** {@value ExampleApplication#YAML_ROUTES} under Camel Main. */
        YAML,
        /** The {@code <camelContext>} of {@value ExampleApplication#SPRING_XML}, in a Spring application context. */
        SPRING_XML;

        /** The flavour of a {@code --routes} argument: {@code java}, {@code yaml} or {@code spring-xml}. */
        public static Flavour of(String name) {
            for (Flavour f : values()) {
                if (f.argument().equals(name.strip().toLowerCase(Locale.ROOT))) {
                    return f;
                }
            }
            throw new IllegalArgumentException("--routes must be java, yaml or spring-xml, not " + name);
        }

        /** Its name on the command line. */
        public String argument() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final CamelContext camelContext;
    private final AutoCloseable stop;

    private ExampleApplication(CamelContext camelContext, AutoCloseable stop) {
        this.camelContext = camelContext;
        this.stop = stop;
    }

    /**
     * Starts an instance; {@link #close()} stops it (the infrastructure stays up).
     *
     * @param instance this instance's settings on top of the application's (e.g.
     *                 {@link ExampleInfrastructure#callbackServer(int)} for a second instance in the same JVM)
     */
    public static ExampleApplication start(ExampleInfrastructure infra, Flavour flavour, Properties instance)
            throws Exception {
        checkParts(infra, flavour);
        if (flavour == Flavour.SPRING_XML) {
            GenericApplicationContext spring = springContext(infra, instance);
            try {
                CamelContext camel = spring.getBean(CamelContext.class);
                Properties settings = merged(infra, instance);
                // no Camel Main here to run camel.main.devConsoleEnabled, camel.server.* and camel.management.*: the
                // same consoles and servers, started by hand
                camel.setDevConsole(true);
                DevConsoleRegistry consoles = DevConsoleRegistry.get(camel);
                if (consoles != null) {
                    consoles.loadDevConsoles();
                }
                if (settings.getProperty("camel.server.port") != null) {
                    addHttpServers(camel, settings);
                }
                for (RoutesBuilder rb : javaRoutes(infra, false)) {
                    camel.addRoutes(rb);
                }
                return new ExampleApplication(camel, spring::close);
            } catch (Exception | Error e) {
                spring.close();
                throw e;
            }
        }
        Main main = camelMain(infra, flavour, instance);
        main.start();
        return new ExampleApplication(main.getCamelContext(), main::stop);
    }

    /**
     * A Camel Main with every example route of a Camel Main flavour, the infrastructure's beans and settings, and
     * this instance's settings on top; {@code run()} or {@code start()} it.
     */
    public static Main camelMain(ExampleInfrastructure infra, Flavour flavour, Properties instance) {
        if (flavour == Flavour.SPRING_XML) {
            throw new IllegalArgumentException("The Spring XML flavour runs in a Spring application context, not "
                                               + "under Camel Main");
        }
        checkParts(infra, flavour);
        Main main = camelMain(infra, instance, javaRoutes(infra, flavour == Flavour.JAVA));
        if (flavour == Flavour.YAML) {
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
        main.setOverrideProperties(merged(infra, instance));
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

    /**
     * A started Spring application context holding the {@code <camelContext>} of {@link #SPRING_XML}, with the
     * infrastructure's beans registered before the XML is read (the {@code <camelContext>} finds the one that joins
     * the instance's services to it: see {@link ExampleInfrastructure#beans()}). Close it to stop the routes.
     */
    public static GenericApplicationContext springContext(ExampleInfrastructure infra, Properties instance) {
        GenericApplicationContext spring = new GenericApplicationContext();
        var beans = infra.beans();
        beans.put("exampleProperties", merged(infra, instance));
        beans.forEach((name, bean) -> spring.getBeanFactory().registerSingleton(name, bean));
        new XmlBeanDefinitionReader(spring).loadBeanDefinitions(new ClassPathResource(SPRING_XML));
        spring.refresh();
        return spring;
    }

    /**
     * The YAML and Spring XML files hold a JMS route, whose beans exist only with JMS: say so before anything starts,
     * rather than with Camel's "No bean could be found in the registry for: jmsLedger".
     *
     * @throws IllegalArgumentException when the flavour needs a part the infrastructure left out
     */
    private static void checkParts(ExampleInfrastructure infra, Flavour flavour) {
        String missing = missingPart(flavour, infra.connectionFactory() != null);
        if (missing != null) {
            throw new IllegalArgumentException(missing);
        }
    }

    /** What a flavour misses without JMS, or null. */
    static String missingPart(Flavour flavour, boolean jms) {
        return flavour == Flavour.JAVA || jms ? null : "--routes=" + flavour.argument() + " needs JMS: its route file "
                                                       + "holds the JMS route. Unset GEWE_EXAMPLES_JMS=false, or use "
                                                       + "--routes=java";
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

    /**
     * The HTTP server of the callbacks and the dev consoles on it, for a context without Camel Main: what
     * camel.server.* and camel.management.* start there.
     */
    private static void addHttpServers(CamelContext camel, Properties settings) throws Exception {
        MainHttpServer server = new MainHttpServer();
        server.setCamelContext(camel);
        server.setHost(settings.getProperty("camel.server.host"));
        server.setPort(Integer.parseInt(settings.getProperty("camel.server.port")));
        // the body limit of every other platform-http route (gewe:callback keeps to its own maxBodySize)
        server.setMaxBodySize(Long.valueOf(settings.getProperty("camel.server.maxBodySize")));
        camel.addService(server);
        if (Boolean.parseBoolean(settings.getProperty("camel.management.enabled"))) {
            // on the same port, it shares the server above
            ManagementHttpServer management = new ManagementHttpServer();
            management.setCamelContext(camel);
            management.setHost(settings.getProperty("camel.management.host"));
            management.setPort(Integer.parseInt(settings.getProperty("camel.management.port")));
            management.setDevConsoleEnabled(Boolean.parseBoolean(settings.getProperty("camel.management.devConsoleEnabled")));
            camel.addService(management);
        }
    }

    private static Properties merged(ExampleInfrastructure infra, Properties instance) {
        Properties settings = new Properties();
        settings.putAll(infra.properties());
        settings.putAll(instance);
        return settings;
    }

    /** The instance's Camel context. */
    public CamelContext camelContext() {
        return camelContext;
    }

    /** Stops the instance: its routes, then the services they used (the ledgers' Kafka clients). */
    @Override
    public void close() {
        try {
            stop.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stop the example application", e);
        }
    }
}
