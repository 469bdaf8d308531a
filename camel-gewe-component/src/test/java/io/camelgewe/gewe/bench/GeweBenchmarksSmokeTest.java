package io.camelgewe.gewe.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CI's check of the benchmark harness: the smoke mode runs every benchmark with tiny counts and prints a table with
 * a figure in every cell. It checks that the benchmarks work, not how fast anything is: the verdicts are not asserted.
 */
class GeweBenchmarksSmokeTest {

    private static final Pattern NUMBER = Pattern.compile("\\d");

    @TempDir
    Path dir;

    /**
     * HttpClient at INFO while the benchmarks run: the suite logs at DEBUG for its token check, and the raw baselines'
     * wire log of every request would fill hundreds of megabytes (levels change in place; no file is reopened).
     */
    @BeforeAll
    static void quietHttpClient() {
        Configurator.setLevel("org.apache.hc", Level.INFO);
    }

    @AfterAll
    static void loudHttpClient() {
        Configurator.setLevel("org.apache.hc", Level.DEBUG);
    }

    @Test
    void smokeModeMeasuresEveryBenchmark() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Report report = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> GeweBenchmarks.run(
                GeweBenchmarks.Settings.of("smoke"), Set.copyOf(GeweBenchmarks.ALL),
                new PrintStream(buf, true, StandardCharsets.UTF_8), dir));
        String output = buf.toString(StandardCharsets.UTF_8);
        List<Report.Row> rows = report.rows();
        for (String expected : List.of("postText c=1: throughput", "postText c=1: latency", "postText c=1: CPU",
                "postText c=64: throughput", "postText c=64: latency", "postText c=64: CPU", "Steps of one postText",
                "postText c=1: camel-http baseline", "postText c=64: camel-http baseline",
                "postText c=1: synchronous=true", "accounts at GeWe's pace",
                "Profile c=64",
                "sends in flight", "download to a file", "Pacing", "CDN reuse", "Callback intake")) {
            assertTrue(rows.stream().anyMatch(r -> r.benchmark().startsWith(expected)
                                                   || r.benchmark().contains(expected)),
                    "no row for " + expected + " in\n" + output);
        }
        for (Report.Row r : rows) {
            assertFalse(r.verdict().startsWith("FAILED"), r + "\n" + output);
            if (!r.component().equals("-")) {
                assertTrue(NUMBER.matcher(r.component()).find(), "no figure in " + r);
            }
            assertTrue(NUMBER.matcher(r.baseline()).find(), "no baseline figure in " + r);
            assertFalse(r.component().contains("NaN") || r.baseline().contains("NaN"), r.toString());
        }
        assertTrue(output.contains("| Benchmark"), output);
        assertTrue(output.contains("CPU, top frames (self)"), "the profile summary is printed\n" + output);
        assertEquals(1, rows.stream().filter(r -> r.benchmark().startsWith("Callback intake")).count());
        // the build's summary: which rows ran and that each has figures (tiny counts: not a measurement)
        System.out.println("Benchmarks, smoke mode (tiny counts, not figures to read): " + rows.size() + " rows, "
                           + rows.stream().map(Report.Row::benchmark).map(b -> b.replaceAll(":.*", ""))
                                   .distinct().count() + " benchmarks, each with a figure beside its baseline");
    }
}
