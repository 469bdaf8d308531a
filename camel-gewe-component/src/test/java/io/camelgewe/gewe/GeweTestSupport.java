package io.camelgewe.gewe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgewe.gewe.client.GeweJson;
import io.camelgewe.gewe.simulator.GeweSimulator;
import io.camelgewe.gewe.simulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Routes under test talk real HTTP to one {@link GeweSimulator} per test class; the component is configured with
 * its base URL, token and appId.
 */
public abstract class GeweTestSupport extends CamelTestSupport {

    /** Every token of the component's tests carries this mark, so that TokenLeakIT can find any leak of one. */
    public static final String TOKEN_MARK = "SECRET-7f3a9c";

    /** The callback secrets of the tests that check where a secret shows carry this mark (TokenLeakIT looks for it). */
    public static final String SECRET_MARK = "CBSECRET-4d21e0";

    protected static GeweSimulator simulator;

    @BeforeAll
    static void startSimulator() throws Exception {
        simulator = GeweSimulator.start();
        simulator.setToken("tok-" + TOKEN_MARK + "-" + java.util.UUID.randomUUID());
    }

    @AfterAll
    static void stopSimulator() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    /**
     * Runs before the CamelContext is created and started: Camel's test extension starts the context before any
     * {@code @BeforeEach} method, so a reset there could erase what a route sent while starting (setCallback).
     */
    @Override
    protected void doPreSetup() throws Exception {
        super.doPreSetup();
        simulator.clearFaults();
        simulator.clearRequests();
        simulator.resetCounters();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext ctx = super.createCamelContext();
        GeweComponent gewe = new GeweComponent();
        gewe.setBaseUrl(simulator.baseUrl());
        gewe.setToken(simulator.token());
        gewe.setAppId(simulator.appId());
        // the simulator is not a WeChat account: tests that are not about pacing go at full speed
        gewe.setPacing(false);
        configure(gewe);
        ctx.addComponent("gewe", gewe);
        return ctx;
    }

    /** Lets a test class change the component before the context starts. */
    protected void configure(GeweComponent gewe) {
    }

    /** The bodies the simulator received for an operation, as JSON trees. */
    protected static List<JsonNode> bodiesSentTo(String operation) {
        return simulator.requests(operation).stream().map(RecordedRequest::json).toList();
    }

    /** Waits until the condition holds, polling, at most the given time. */
    protected static void await(Duration atMost, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }

    /** The suite's log so far (everything at DEBUG: see log4j2-test.properties). */
    protected static String testLog() {
        try {
            return Files.readString(Path.of("target/test.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses JSON text, for comparing with what the simulator received. */
    protected static JsonNode json(String text) {
        try {
            return GeweJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
