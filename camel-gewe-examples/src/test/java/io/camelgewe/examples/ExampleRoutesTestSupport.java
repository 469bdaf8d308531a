package io.camelgewe.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Example routes under test, started once per class on the real parts they use (the embedded brokers, the GeWe
 * simulator, a drop folder under a temporary root); the simulator forgets its requests and faults before each test.
 * A subclass says which parts it needs and starts its routes, in whichever DSL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ExampleRoutesTestSupport {

    /** How a test class puts its routes into a CamelContext before it starts. */
    @FunctionalInterface
    protected interface Routes {
        void addTo(CamelContext context) throws Exception;
    }

    protected Path root;
    protected ExampleInfrastructure infra;
    private final List<CamelContext> contexts = new ArrayList<>();

    /** The parts this class needs: the embedded default given, less what it does not use. */
    protected abstract ExampleSettings settings(ExampleSettings embedded);

    /** Starts this class's routes, once {@link #infra} is up. */
    protected abstract void startRoutes() throws Exception;

    /** Stops what {@link #startRoutes} started beyond the contexts of {@link #startContext}, which stop by themselves. */
    protected void stopRoutes() throws Exception {
    }

    /** Starts a CamelContext bound to the infrastructure, with these routes; it is stopped after the class. */
    protected CamelContext startContext(Routes routes) throws Exception {
        CamelContext context = new DefaultCamelContext();
        infra.bindTo(context);
        routes.addTo(context);
        contexts.add(context);
        context.start();
        return context;
    }

    @BeforeAll
    void startInfrastructureAndRoutes() throws Exception {
        root = Files.createTempDirectory("gewe-" + getClass().getSimpleName() + "-");
        infra = ExampleInfrastructure.start(settings(ExampleSettings.embedded(root)));
        startRoutes();
    }

    @AfterAll
    void stopRoutesAndInfrastructure() throws Exception {
        try {
            stopRoutes();
            contexts.forEach(CamelContext::stop);
        } finally {
            if (infra != null) {
                infra.close();
            }
            deleteTree(root);
        }
    }

    @BeforeEach
    void freshSimulator() {
        infra.simulator().reset();
    }

    private static void deleteTree(Path p) throws IOException {
        if (p == null || !Files.exists(p)) {
            return;
        }
        try (var files = Files.walk(p)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
