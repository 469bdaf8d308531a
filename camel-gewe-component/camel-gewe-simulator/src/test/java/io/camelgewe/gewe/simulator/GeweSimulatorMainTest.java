package io.camelgewe.gewe.simulator;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulator started on its own, as a user starts it: {@code main} in a JVM of this module's runtime class path
 * only (what {@code exec:java} gives it, and what a user's {@code java -cp} needs), then a GeWe call made with the
 * base URL, token and appId it printed.
 */
class GeweSimulatorMainTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path STDERR = Path.of("target", "GeweSimulatorMainTest-stderr.log");

    @Test
    void mainPrintsWhereItListensAndAnswersThereUntilStopped() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", runtimeClasspath(), GeweSimulator.class.getName(), "0");
        // stderr is where a missing class or the logging setup would show: kept for the failure message
        pb.redirectError(STDERR.toFile());
        Process sim = pb.start();
        try {
            // read on another thread: a child that never prints must fail the test, not block it in readLine
            Map<String, String> printed = CompletableFuture.supplyAsync(() -> readSettings(sim))
                    .get(60, TimeUnit.SECONDS);
            String baseUrl = printed.get("baseUrl");
            assertTrue(baseUrl != null && baseUrl.startsWith("http://127.0.0.1:") && baseUrl.endsWith("/gewe/v2/api"),
                    printed + "; stderr: " + stderr());

            HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(URI.create(baseUrl + "/login/checkOnline"))
                            .timeout(Duration.ofSeconds(10))
                            .header("X-GEWE-TOKEN", printed.get("token"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    MAPPER.createObjectNode().put("appId", printed.get("appId")).toString()))
                            .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            JsonNode envelope = MAPPER.readTree(r.body());
            assertEquals(200, envelope.path("ret").intValue(), r.body());
            assertTrue(envelope.path("data").booleanValue(), "the printed account is online: " + r.body());

            assertTrue(sim.isAlive(), "it keeps running after answering");
            sim.destroy();
            assertTrue(sim.waitFor(20, TimeUnit.SECONDS), "it stops when the JVM is told to (its shutdown hook "
                                                          + "must not hang); stderr: " + stderr());
        } finally {
            sim.destroyForcibly();
        }
    }

    /** The {@code name: value} lines main prints, up to the last one, the appId. */
    private static Map<String, String> readSettings(Process sim) {
        Map<String, String> settings = new HashMap<>();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(sim.getInputStream(), StandardCharsets.UTF_8));
            for (String line; !settings.containsKey("appId") && (line = out.readLine()) != null;) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    settings.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return settings;
    }

    /**
     * This module's classes and its runtime dependencies, as Maven wrote them for this test; outside Maven (an IDE),
     * this JVM's own class path, which holds them too.
     */
    private static String runtimeClasspath() throws IOException {
        String classes = System.getProperty("gewe.sim.classes");
        String dependencies = System.getProperty("gewe.sim.classpath");
        if (classes == null || dependencies == null) {
            return System.getProperty("java.class.path");
        }
        return classes + File.pathSeparator + Files.readString(Path.of(dependencies), StandardCharsets.UTF_8).trim();
    }

    private static String stderr() {
        try {
            return Files.exists(STDERR) ? Files.readString(STDERR, StandardCharsets.UTF_8) : "(none)";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
