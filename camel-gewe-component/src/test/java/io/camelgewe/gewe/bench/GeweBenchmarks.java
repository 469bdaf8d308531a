package io.camelgewe.gewe.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToDoubleFunction;

import io.camelgewe.gewe.GeweConstants;
import org.apache.camel.Exchange;

/**
 * The benchmark harness of camel-gewe: runs every benchmark of issue 6 against the GeWe simulator on loopback and
 * prints one table, each component figure beside its baseline from the same run.
 * <pre>
 * mvn -B -pl camel-gewe-component -am -Pbenchmarks verify                    # full (some 6 minutes)
 * mvn -B -pl camel-gewe-component -am -Pbenchmarks verify -Dbench.mode=smoke # seconds: checks they work
 * java -cp &lt;test classpath&gt; io.camelgewe.gewe.bench.GeweBenchmarks full|smoke [throughput,steps,profile,inflight,download,pacing,cdn,callback,accounts]
 * </pre>
 * The simulator runs in a JVM of its own ({@link BenchSimulatorMain}); so do the benchmarks that measure a whole JVM
 * (threads of N sends in flight: {@link InFlightMain}; a download through a 64 MiB heap: {@link DownloadMain}). The
 * rest run here: CPU time and allocation per request are this JVM's, the simulator's work is not in them.
 * The table and the profiles are also written to {@code target/bench/results-<mode>.md}.
 */
public final class GeweBenchmarks {

    /** Every benchmark, in the order they run. */
    static final List<String> ALL = List.of("throughput", "steps", "profile", "inflight", "download", "pacing", "cdn",
            "callback", "accounts");

    /**
     * How long and how big each benchmark is.
     *
     * @param mode            full or smoke
     * @param warmMillis      warm-up of each target before the measured rounds
     * @param settleMillis    unmeasured start of each measured window (pool and JIT steady again)
     * @param measureMillis   measured window
     * @param rounds          measured windows per target, interleaved; medians are reported
     * @param profileMillis   JFR recording of each profiled run
     * @param inFlight        sends issued at once
     * @param inFlightLatency the simulator's answer time for them, ms
     * @param downloadBytes   size of the large download
     * @param pacingInterval  person interval, ms
     * @param pacingJitter    person jitter, ms
     * @param pacingSends     sends per account
     * @param pacingAccounts  accounts at once
     * @param cdnSize         media size, bytes
     * @param cdnRate         simulated upload rate, bytes per second
     * @param cdnUrls         distinct media URLs
     * @param callbackClients concurrent posting clients
     * @param stepIterations  iterations of each step of the breakdown
     * @param downloads       pairs of fresh JVMs, one per download mode, run back to back (alternating which first)
     * @param warmDownloads   downloads of each JVM after its first (cold) one; its median is that JVM's figure
     */
    record Settings(String mode, long warmMillis, long settleMillis, long measureMillis, int rounds, long profileMillis,
                    int inFlight, long inFlightLatency, long downloadBytes, long pacingInterval, long pacingJitter,
                    int pacingSends, int pacingAccounts, long cdnSize, long cdnRate, int cdnUrls, int callbackClients,
                    int stepIterations, int downloads, int warmDownloads) {

        static Settings of(String mode) {
            switch (mode) {
                case "full":
                    return new Settings("full", 6000, 1000, 2000, 9, 15_000, 1000, 1000, 1L << 30, 1000, 500, 16, 10,
                            5_000_000, 20_000_000, 5, 64, 200_000, 5, 5);
                case "smoke":
                    return new Settings("smoke", 500, 200, 500, 1, 1000, 200, 300, 16L << 20, 40, 20, 4, 10,
                            1_000_000, 20_000_000, 2, 8, 5_000, 1, 1);
                default:
                    throw new IllegalArgumentException("mode is full or smoke, not " + mode);
            }
        }
    }

    private final Settings s;
    private final Set<String> only;
    private final PrintStream out;
    private final Path dir;
    private final Report report;
    private SimulatorProcess sim;
    private byte[] postTextJson;
    /** The medians of the throughput rounds at concurrency 64 (component, raw async), to scale the profiles by. */
    private ClosedLoop.Window[] c64;

    private GeweBenchmarks(Settings s, Set<String> only, PrintStream out, Path dir) {
        this.s = s;
        this.only = only;
        this.out = out;
        this.dir = dir;
        this.report = new Report(s.mode(), Machine.describe());
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "full";
        Set<String> only = args.length > 1 ? new LinkedHashSet<>(Arrays.asList(args[1].split(","))) : Set.copyOf(ALL);
        Report r = run(Settings.of(mode), only, System.out, Path.of(System.getProperty("bench.dir", "target/bench")));
        boolean failed = r.rows().stream().anyMatch(row -> row.verdict().startsWith("FAILED"));
        System.exit(failed ? 1 : 0);
    }

    /** Runs the benchmarks and prints progress, then the table and the profiles, to {@code out}. */
    static Report run(Settings s, Set<String> only, PrintStream out, Path dir) throws Exception {
        Files.createDirectories(dir);
        GeweBenchmarks b = new GeweBenchmarks(s, only, out, dir);
        b.runAll();
        return b.report;
    }

    private void runAll() throws Exception {
        out.println("[bench] " + s);
        out.println("[bench] machine: " + report.machine);
        try (SimulatorProcess simulator = SimulatorProcess.start(dir.resolve("simulator.log"))) {
            sim = simulator;
            out.println("[bench] simulator at " + sim.baseUrl + " (its own JVM)");
            postTextJson = capturePostTextJson();
            section("throughput", () -> {
                throughput(1);
                throughput(64);
            });
            section("steps", this::steps);
            section("profile", this::profile);
            section("inflight", this::inFlight);
            section("download", this::download);
            section("pacing", this::pacing);
            section("cdn", this::cdnReuse);
            section("callback", () -> CallbackIntakeBench.run(s, report, out));
            section("accounts", () -> AccountsBench.run(s, sim, report, out, dir));
        }
        if (only.contains("throughput")) {
            report.note("Throughput rows: closed loop, the stated number of requests always in flight; "
                    + s.rounds() + " rounds of " + s.measureMillis() / 1000.0 + " s windows per client after "
                    + s.warmMillis() / 1000.0 + " s warm-up, the component and the raw client back to back in each "
                    + "round; medians. Ratio = median of the per-round ratios. "
                    + "CPU = this JVM's process CPU time (the simulator runs in its own JVM) per request; "
                    + "alloc = bytes allocated per request by this JVM's threads. The simulator's JVM shares the 2 cores: "
                    + "when they are saturated, throughput goes as 1 / (client CPU + simulator CPU per request), which "
                    + "gives the CPU-bound estimate, steadier than the measured ratio on a shared machine.");
        }
        String table = report.table();
        out.println();
        out.println(table);
        out.println(report.details());
        Files.writeString(dir.resolve("results-" + s.mode() + ".md"), table + "\n" + report.details(),
                StandardCharsets.UTF_8);
    }

    private interface Section {
        void run() throws Exception;
    }

    private void section(String name, Section body) {
        if (!only.contains(name)) {
            return;
        }
        long t0 = System.nanoTime();
        out.println("[bench] " + name + "...");
        try {
            body.run();
        } catch (Throwable e) {
            report.add(name, "FAILED", "-", "FAILED: " + e);
            e.printStackTrace(out);
        } finally {
            try {
                sim.reset();
            } catch (IOException e) {
                out.println("[bench] the simulator could not be reset: " + e);
            }
        }
        out.printf(Locale.ROOT, "[bench] %s done in %.1f s%n", name, (System.nanoTime() - t0) / 1e9);
    }

    /** The exact JSON the component sends for the benchmark's postText, so the raw clients send the same bytes. */
    private byte[] capturePostTextJson() throws Exception {
        sim.recording(true);
        sim.clear();
        try (ComponentTarget c = ComponentTarget.postText(sim.baseUrl, sim.token, sim.appId, 1)) {
            CountDownLatch latch = new CountDownLatch(1);
            boolean[] ok = new boolean[1];
            c.send(success -> {
                ok[0] = success;
                latch.countDown();
            });
            if (!latch.await(30, TimeUnit.SECONDS) || !ok[0]) {
                throw new IllegalStateException("postText through the component failed against the simulator");
            }
        }
        byte[] json = sim.lastBody();
        sim.recording(false);
        sim.clear();
        out.println("[bench] postText JSON: " + new String(json, StandardCharsets.UTF_8));
        return json;
    }

    private URI postTextUri() {
        return URI.create(sim.baseUrl + "/message/postText");
    }

    // ------------------------------------------------------------------------------------------------ throughput

    private void throughput(int concurrency) throws Exception {
        ClosedLoop loop = new ClosedLoop().serverCpu(sim::cpuNanos);
        // one caller waiting for each answer at concurrency 1; completions issuing the next request at 64
        ClosedLoop.Driver driver = concurrency == 1 ? ClosedLoop.Driver.THREADS : ClosedLoop.Driver.CALLBACK;
        List<Target> targets = new ArrayList<>();
        try {
            targets.add(ComponentTarget.postText(sim.baseUrl, sim.token, sim.appId, 200));
            targets.add(new RawAsyncTarget(postTextUri(), postTextJson, sim.token, 200));
            targets.add(new ClassicTarget(postTextUri(), postTextJson, sim.token, 200));
            targets.add(ComponentTarget.postTextOnIoThread(sim.baseUrl, sim.token, sim.appId, 200));
            // what a user without camel-gewe writes; and, where a caller waits anyway, the component's synchronous path
            targets.add(new CamelHttpTarget(postTextUri(), postTextJson, sim.token, 200));
            if (concurrency == 1) {
                targets.add(ComponentTarget.postTextSynchronous(sim.baseUrl, sim.token, sim.appId, 200));
            }
            for (Target t : targets) {
                ClosedLoop.Window w = loop.run(t, concurrency, driver, s.warmMillis(), s.measureMillis());
                out.printf(Locale.ROOT, "[bench] c=%d warm-up %s: %s%n", concurrency, t.name(), brief(w));
            }
            List<List<ClosedLoop.Window>> windows = new ArrayList<>();
            targets.forEach(t -> windows.add(new ArrayList<>()));
            List<Double> ratios = new ArrayList<>();
            List<Double> classicRatios = new ArrayList<>();
            List<Double> ioRatios = new ArrayList<>();
            List<Double> camelHttpRatios = new ArrayList<>();
            List<Double> syncRatios = new ArrayList<>();
            for (int r = 0; r < s.rounds(); r++) {
                ClosedLoop.Window[] round = new ClosedLoop.Window[targets.size()];
                // the component and the raw client back to back (alternating which goes first), so that both see
                // the same machine; the classic client, for reference only, after them
                int[] order = r % 2 == 0 ? new int[] { 0, 1, 3, 2, 4, 5 } : new int[] { 3, 1, 0, 2, 4, 5 };
                for (int i : order) {
                    if (i >= targets.size()) {
                        continue;
                    }
                    round[i] = loop.run(targets.get(i), concurrency, driver, s.settleMillis(), s.measureMillis());
                    windows.get(i).add(round[i]);
                    out.printf(Locale.ROOT, "[bench] c=%d round %d %s: %s%s%n", concurrency, r + 1,
                            targets.get(i).name(), brief(round[i]),
                            loop.failures.isEmpty() ? "" : " failures: " + loop.failures);
                }
                ratios.add(round[0].perSecond() / round[1].perSecond());
                classicRatios.add(round[0].perSecond() / round[2].perSecond());
                ioRatios.add(round[3].perSecond() / round[1].perSecond());
                camelHttpRatios.add(round[0].perSecond() / round[4].perSecond());
                if (targets.size() > 5) {
                    syncRatios.add(round[5].perSecond() / round[2].perSecond());
                }
            }
            ClosedLoop.Window c = medianWindow(windows.get(0));
            ClosedLoop.Window raw = medianWindow(windows.get(1));
            ClosedLoop.Window classic = medianWindow(windows.get(2));
            ClosedLoop.Window io = medianWindow(windows.get(3));
            if (concurrency == 64) {
                c64 = new ClosedLoop.Window[] { c, raw };
            }
            double ratio = median(ratios);
            String errs = errors(windows);
            String p = "postText c=" + concurrency + ": ";
            report.add(p + "throughput", num(c.perSecond()) + " req/s", num(raw.perSecond()) + " req/s (raw async)",
                    String.format(Locale.ROOT, "%.1f%% of raw (target ≥ 95%%): %s%s; per-round ratios %s", ratio * 100,
                            ratio >= 0.95 ? "met" : "NOT met", errs, percents(ratios)));
            double ioRatio = median(ioRatios);
            report.add(p + "throughput, continueOnIoThread", num(io.perSecond()) + " req/s, p50 / p99 "
                                                              + micros(io.p50Micros()) + " / " + micros(io.p99Micros()),
                    num(raw.perSecond()) + " req/s (raw async)",
                    String.format(Locale.ROOT, "%.1f%% of raw (target ≥ 90%%): %s; per-round ratios %s; CPU %.1f µs/req",
                            ioRatio * 100, ioRatio >= 0.9 ? "met" : "NOT met", percents(ioRatios),
                            io.cpuMicrosPerRequest()));
            report.add(p + "latency p50 / p99", micros(c.p50Micros()) + " / " + micros(c.p99Micros()),
                    micros(raw.p50Micros()) + " / " + micros(raw.p99Micros()),
                    String.format(Locale.ROOT, "%s / %s", signed(micros(c.p50Micros() - raw.p50Micros())),
                            signed(micros(c.p99Micros() - raw.p99Micros()))));
            // both JVMs share the 2 cores: when they are saturated, throughput goes as 1 / (client + server CPU)
            double server = median(List.of(c.serverCpuMicrosPerRequest(), raw.serverCpuMicrosPerRequest()));
            double bound = (raw.cpuMicrosPerRequest() + server) / (c.cpuMicrosPerRequest() + server);
            report.add(p + "CPU, allocation per request",
                    String.format(Locale.ROOT, "%.1f µs, %s", c.cpuMicrosPerRequest(), bytes(c.allocBytesPerRequest())),
                    String.format(Locale.ROOT, "%.1f µs, %s", raw.cpuMicrosPerRequest(), bytes(raw.allocBytesPerRequest())),
                    String.format(Locale.ROOT, "CPU ×%.2f (%s µs), alloc %s; simulator %.1f µs/req%s",
                            c.cpuMicrosPerRequest() / raw.cpuMicrosPerRequest(),
                            signed(String.format(Locale.ROOT, "%.1f", c.cpuMicrosPerRequest() - raw.cpuMicrosPerRequest())),
                            signed(bytes(c.allocBytesPerRequest() - raw.allocBytesPerRequest())), server,
                            // one request at a time waits on latency, not on CPU: the estimate is for 64
                            concurrency == 1 ? "" : String.format(Locale.ROOT,
                                    ", so CPU-bound throughput ≈ %.0f%% of raw", bound * 100)));
            report.add(p + "classic client (reference)", "-",
                    String.format(Locale.ROOT, "%s req/s, p50 / p99 %s / %s, CPU %.1f µs, %s", num(classic.perSecond()),
                            micros(classic.p50Micros()), micros(classic.p99Micros()), classic.cpuMicrosPerRequest(),
                            bytes(classic.allocBytesPerRequest())),
                    String.format(Locale.ROOT, "component = %.0f%% of classic", median(classicRatios) * 100));
            ClosedLoop.Window camelHttp = medianWindow(windows.get(4));
            double camelHttpRatio = median(camelHttpRatios);
            report.add(p + "camel-http baseline", num(c.perSecond()) + " req/s, p50 / p99 " + micros(c.p50Micros())
                                                  + " / " + micros(c.p99Micros()),
                    String.format(Locale.ROOT, "camel-http: %s req/s, p50 / p99 %s / %s, CPU %.1f µs, %s",
                            num(camelHttp.perSecond()), micros(camelHttp.p50Micros()), micros(camelHttp.p99Micros()),
                            camelHttp.cpuMicrosPerRequest(), bytes(camelHttp.allocBytesPerRequest())),
                    String.format(Locale.ROOT, "component / camel-http = %.2f (target ≥ 1): %s; per-round ratios %s",
                            camelHttpRatio, camelHttpRatio >= 1 ? "met" : "NOT met", percents(camelHttpRatios)));
            if (targets.size() > 5) {
                ClosedLoop.Window sync = medianWindow(windows.get(5));
                double syncRatio = median(syncRatios);
                report.add(p + "synchronous=true (the caller waits)",
                        String.format(Locale.ROOT, "%s req/s, p50 / p99 %s / %s, CPU %.1f µs", num(sync.perSecond()),
                                micros(sync.p50Micros()), micros(sync.p99Micros()), sync.cpuMicrosPerRequest()),
                        num(classic.perSecond()) + " req/s (classic client)",
                        String.format(Locale.ROOT, "%.2f of classic (target ≥ 0.9): %s; per-round ratios %s",
                                syncRatio, syncRatio >= 0.9 ? "met" : "NOT met", percents(syncRatios)));
            }
        } finally {
            for (Target t : targets) {
                t.close();
            }
        }
    }

    private static String percents(List<Double> ratios) {
        List<Double> sorted = new ArrayList<>(ratios);
        Collections.sort(sorted);
        StringBuilder sb = new StringBuilder();
        for (double r : sorted) {
            sb.append(sb.length() == 0 ? "" : " ").append(Math.round(r * 100));
        }
        return sb.toString();
    }

    private static String errors(List<List<ClosedLoop.Window>> windows) {
        long n = windows.stream().flatMap(List::stream).mapToLong(ClosedLoop.Window::errors).sum();
        return n == 0 ? "" : " (" + n + " errors!)";
    }

    private static String brief(ClosedLoop.Window w) {
        return String.format(Locale.ROOT, "%.0f req/s, p50 %.0f µs, p99 %.0f µs, CPU %.1f µs/req, %.0f B/req%s%s",
                w.perSecond(), w.p50Micros(), w.p99Micros(), w.cpuMicrosPerRequest(), w.allocBytesPerRequest(),
                Double.isNaN(w.serverCpuMicrosPerRequest()) ? ""
                        : String.format(Locale.ROOT, ", simulator %.1f µs/req", w.serverCpuMicrosPerRequest()),
                w.errors() == 0 ? "" : ", " + w.errors() + " errors");
    }

    // ------------------------------------------------------------------------------------------------ steps

    private void steps() throws Exception {
        java.net.http.HttpResponse<byte[]> reply = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(postTextUri()).header("X-GEWE-TOKEN", sim.token)
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(postTextJson)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        List<StepBreakdown.Step> steps = StepBreakdown.run(sim.appId, sim.token, postTextUri(), reply.body(),
                s.stepIterations());
        report.details("## Steps of one postText, each alone on one thread (no I/O; CPU time and allocation of "
                       + "that thread, median of 5 × " + num(s.stepIterations()) + ")\n");
        report.details("```\n" + StepBreakdown.describe(steps) + "```");
        double ns = 0;
        double b = 0;
        StringBuilder parts = new StringBuilder();
        for (StepBreakdown.Step st : steps) {
            // the async variant replaces the sync one: the component's route completes asynchronously
            if (st.name().startsWith("gewe:") || st.name().startsWith("camel:") && !st.name().contains("one no-op")) {
                ns += st.nanos();
                b += st.bytes();
                String shortName = st.name().substring(0, st.name().indexOf('(')).trim();
                parts.append(parts.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.1f µs / %s",
                        shortName.replace("gewe: ", "").replace("camel: the same, the processor completing later",
                                "camel exchange through a route, async").replace("camel: ", "camel "), st.nanos() / 1000,
                        bytes(st.bytes())));
            }
        }
        StepBreakdown.Step http = steps.stream().filter(x -> x.name().startsWith("both:")).findFirst().orElseThrow();
        StepBreakdown.Step floor = steps.stream().filter(x -> x.name().startsWith("floor:")).findFirst().orElseThrow();
        report.add("Steps of one postText, alone on one thread (no I/O)", parts.toString(),
                String.format(Locale.ROOT, "request object (both) %.1f µs / %s; JSON floor %.1f µs / %s",
                        http.nanos() / 1000, bytes(http.bytes()), floor.nanos() / 1000, bytes(floor.bytes())),
                String.format(Locale.ROOT, "component's own steps: %.1f µs, %s per request", ns / 1000, bytes(b)));
    }

    // ------------------------------------------------------------------------------------------------ profile

    private void profile() throws Exception {
        int concurrency = 64;
        ClosedLoop loop = new ClosedLoop();
        try (ComponentTarget c = ComponentTarget.postText(sim.baseUrl, sim.token, sim.appId, 200);
             RawAsyncTarget raw = new RawAsyncTarget(postTextUri(), postTextJson, sim.token, 200)) {
            loop.run(c, concurrency, s.warmMillis(), s.measureMillis());
            loop.run(raw, concurrency, s.warmMillis(), s.measureMillis());
            ClosedLoop.Window[] cw = new ClosedLoop.Window[1];
            JfrProfile cp = JfrProfile.record(dir.resolve("component-c64.jfr"),
                    () -> cw[0] = loop.run(c, concurrency, s.settleMillis(), s.profileMillis()));
            ClosedLoop.Window[] rw = new ClosedLoop.Window[1];
            JfrProfile rp = JfrProfile.record(dir.resolve("raw-async-c64.jfr"),
                    () -> rw[0] = loop.run(raw, concurrency, s.settleMillis(), s.profileMillis()));
            // the recording costs CPU of its own (stack walks): shares come from it, µs from the unprofiled rounds
            ClosedLoop.Window cs = c64 != null ? c64[0] : cw[0];
            ClosedLoop.Window rs = c64 != null ? c64[1] : rw[0];
            report.details("## Profiles (JFR, postText at concurrency 64, " + s.profileMillis() / 1000 + " s each)\n");
            report.details("Execution samples see Java frames only (time in native I/O is not sampled). µs/req = share "
                           + "of samples × CPU µs per request " + (c64 != null ? "of the unprofiled throughput rounds"
                                   : "of the profiled run") + "; B/req likewise with the allocation per request.\n");
            report.details("```");
            report.details(cp.summary("component, profiled run: " + brief(cw[0]), 15, cs.cpuMicrosPerRequest(),
                    cs.allocBytesPerRequest()));
            report.details(rp.summary("raw async, profiled run: " + brief(rw[0]), 10, rs.cpuMicrosPerRequest(),
                    rs.allocBytesPerRequest()));
            report.details("```");
            double cpu = cs.cpuMicrosPerRequest();
            report.add("Profile c=64: CPU per request by family",
                    String.format(Locale.ROOT, "%.1f µs: httpclient5 %.1f, camel %.1f, jackson %.1f, gewe %.1f, "
                                               + "driver %.1f", cpu, cp.cpuShare("httpclient5") * cpu,
                            cp.cpuShare("camel") * cpu, cp.cpuShare("jackson") * cpu,
                            cp.cpuShare("gewe component") * cpu, cp.cpuShare("benchmark driver") * cpu),
                    String.format(Locale.ROOT, "%.1f µs: httpclient5 %.1f, driver %.1f", rs.cpuMicrosPerRequest(),
                            rp.cpuShare("httpclient5") * rs.cpuMicrosPerRequest(),
                            rp.cpuShare("benchmark driver") * rs.cpuMicrosPerRequest()),
                    "JFR, " + cp.cpuSamples + " + " + rp.cpuSamples + " samples; top frames below the table");
        }
    }

    // ------------------------------------------------------------------------------------------------ in flight

    private void inFlight() throws Exception {
        String json = Base64.getEncoder().encodeToString(postTextJson);
        Map<String, String> c = inFlightChild("component", json);
        Map<String, String> r = inFlightChild("raw", json);
        long limit = s.inFlightLatency() + 1000;
        long wall = Long.parseLong(c.get("wallMs"));
        long warmWall = Long.parseLong(c.get("warmWallMs"));
        int peak = Integer.parseInt(c.get("peakThreads"));
        boolean allOk = Long.parseLong(c.get("ok")) == s.inFlight() && Long.parseLong(c.get("warmOk")) == s.inFlight();
        report.add(String.format(Locale.ROOT, "%s sends in flight, server answers after %s ms, pacing off",
                        num(s.inFlight()), num(s.inFlightLatency())),
                String.format(Locale.ROOT, "all done in %s ms opening connections, %s ms on a full pool; peak %d live "
                                           + "threads (%s before); %s errors",
                        num(wall), num(warmWall), peak, c.get("threadsBefore"),
                        Long.parseLong(c.get("errors")) + Long.parseLong(c.get("warmErrors"))),
                String.format(Locale.ROOT, "raw async: %s ms / %s ms; peak %s threads (%s before); %s errors",
                        num(Long.parseLong(r.get("wallMs"))), num(Long.parseLong(r.get("warmWallMs"))),
                        r.get("peakThreads"), r.get("threadsBefore"),
                        Long.parseLong(r.get("errors")) + Long.parseLong(r.get("warmErrors"))),
                String.format(Locale.ROOT, "≤ %s ms and < 64 threads: %s", num(limit),
                        wall <= limit && warmWall <= limit && peak < 64 && allOk ? "met"
                                : warmWall <= limit && peak < 64 && allOk ? "met on a full pool, NOT while connecting"
                                : "NOT met"));
        report.details("In flight, component: " + c + "\nIn flight, raw async: " + r + "\n");
    }

    /** One InFlightMain JVM: warmed up with the simulator answering at once, then the bursts at its latency. */
    private Map<String, String> inFlightChild(String mode, String json) throws Exception {
        sim.latency(0);
        try {
            return ChildJvm.runForResult(List.of("-Xmx256m"), InFlightMain.class,
                    List.of(mode, sim.baseUrl, sim.token, sim.appId, String.valueOf(s.inFlight()), json,
                            String.valueOf(s.warmMillis())),
                    dir.resolve("inflight-" + mode + ".log"), 300, tag -> sim.latency(s.inFlightLatency()));
        } finally {
            sim.latency(0);
        }
    }

    // ------------------------------------------------------------------------------------------------ download

    private void download() throws Exception {
        sim.downloadSize(s.downloadBytes());
        Path work = dir.resolve("download");
        // the disk's page cache and write-back make single runs noisy, by half either way: the component and the raw
        // client run as pairs of JVMs back to back (alternating which goes first), each JVM's figure is the median of
        // its warm downloads, and the ratio is the median of the pairs' ratios, as the throughput rows take theirs
        List<Map<String, String>> cs = new ArrayList<>();
        List<Map<String, String>> rs = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> coldRatios = new ArrayList<>();
        for (int i = 0; i < s.downloads(); i++) {
            Map<String, Map<String, String>> pair = new java.util.HashMap<>();
            for (String mode : i % 2 == 0 ? List.of("component", "raw") : List.of("raw", "component")) {
                pair.put(mode, ChildJvm.runForResult(List.of("-Xmx64m"), DownloadMain.class,
                        List.of(mode, sim.baseUrl, sim.token, sim.appId, work.toString(),
                                String.valueOf(s.warmDownloads())),
                        dir.resolve("download-" + mode + ".log"), 900));
            }
            cs.add(pair.get("component"));
            rs.add(pair.get("raw"));
            ratios.add(ratio(pair, "ms"));
            coldRatios.add(ratio(pair, "coldMs"));
        }
        Map<String, String> c = medianRun(cs, "ms");
        Map<String, String> r = medianRun(rs, "ms");
        long cms = Long.parseLong(c.get("ms"));
        long rms = Long.parseLong(r.get("ms"));
        long ccold = Long.parseLong(medianRun(cs, "coldMs").get("coldMs"));
        long rcold = Long.parseLong(medianRun(rs, "coldMs").get("coldMs"));
        double ratio = median(ratios);
        report.details("Download runs (each a fresh JVM: coldMs its first download, warmMs the later ones, ms their "
                       + "median), component: " + cs + "\nDownload runs, raw async: " + rs + "\nPer pair, component / raw: "
                       + ratiosText(ratios) + " warm, " + ratiosText(coldRatios) + " first download\n");
        boolean sizeOk = cs.stream().allMatch(m -> Long.parseLong(m.get("bytes")) == s.downloadBytes());
        report.add(String.format(Locale.ROOT, "%s download to a file, -Xmx64m (%d pairs of JVMs, %d warm downloads each)",
                        size(s.downloadBytes()), s.downloads(), s.warmDownloads()),
                String.format(Locale.ROOT, "%s s (fetch to spool %s s, file: step %s s), %s MB/s, %s, heap peak %s MiB;"
                                + " first download of a fresh JVM %s s",
                        secs(cms), secs(Long.parseLong(c.get("fetchMs"))), secs(Long.parseLong(c.get("restOfRouteMs"))),
                        num(s.downloadBytes() / 1e6 / (cms / 1e3)), sizeOk ? "size ok" : "SIZE WRONG " + c.get("bytes"),
                        c.get("heapPeakMiB"), secs(ccold)),
                String.format(Locale.ROOT, "raw async to file: %s s, %s MB/s, heap peak %s MiB; first download %s s",
                        secs(rms), num(s.downloadBytes() / 1e6 / (rms / 1e3)), r.get("heapPeakMiB"), secs(rcold)),
                String.format(Locale.ROOT, "time ×%.2f (target ≤ ×1.25): %s; per pair %s; first download ×%.2f; %s in"
                                + " %s MiB heap",
                        ratio, ratio <= 1.25 ? "met" : "NOT met", ratiosText(ratios), median(coldRatios),
                        sizeOk ? "done" : "FAILED", c.get("heapMaxMiB")));
    }

    private static double ratio(Map<String, Map<String, String>> pair, String key) {
        return Long.parseLong(pair.get("component").get(key)) / (double) Long.parseLong(pair.get("raw").get(key));
    }

    private static String ratiosText(List<Double> ratios) {
        List<Double> sorted = new ArrayList<>(ratios);
        sorted.sort(null);
        StringBuilder b = new StringBuilder();
        for (double x : sorted) {
            b.append(b.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2f", x));
        }
        return b.toString();
    }

    /** The run whose {@code key} is the median of the runs'. */
    private static Map<String, String> medianRun(List<Map<String, String>> runs, String key) {
        List<Map<String, String>> sorted = new ArrayList<>(runs);
        sorted.sort(java.util.Comparator.comparingLong(m -> Long.parseLong(m.get(key))));
        return sorted.get(sorted.size() / 2);
    }

    // ------------------------------------------------------------------------------------------------ pacing

    private void pacing() throws Exception {
        List<String> accounts = new ArrayList<>();
        for (int i = 1; i <= s.pacingAccounts(); i++) {
            String a = String.format(Locale.ROOT, "wx_bench_acc%02d", i);
            accounts.add(a);
            sim.addAccount(a);
        }
        sim.recording(true);
        sim.clear();
        LongAdder failed = new LongAdder();
        long t0;
        long wall;
        int total = s.pacingSends() * accounts.size();
        try (ComponentTarget paced = new ComponentTarget(sim.baseUrl, sim.token, sim.appId, 200, g -> {
            g.setPacing(true);
            g.setPacingPersonInterval(s.pacingInterval());
            g.setPacingPersonJitter(s.pacingJitter());
        }, "gewe:postText", null)) {
            CountDownLatch latch = new CountDownLatch(total);
            t0 = System.nanoTime();
            for (int k = 0; k < s.pacingSends(); k++) {
                for (String a : accounts) {
                    paced.send(Map.of("appId", a, "toWxid", "wxid_person_" + k, "content", "paced send " + k), ok -> {
                        if (!ok) {
                            failed.increment();
                        }
                        latch.countDown();
                    });
                }
            }
            long budget = (s.pacingInterval() + s.pacingJitter()) * s.pacingSends() + 30_000;
            if (!latch.await(budget, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("paced sends not done in " + budget + " ms");
            }
            wall = (System.nanoTime() - t0) / 1_000_000;
        }
        Map<String, List<Long>> starts = sim.starts("message/postText");
        sim.recording(false);
        List<Double> all = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        for (String a : accounts) {
            List<Long> t = starts.getOrDefault(a, List.of());
            if (t.size() != s.pacingSends()) {
                throw new IllegalStateException(a + ": the simulator saw " + t.size() + " sends, not " + s.pacingSends());
            }
            double sum = 0;
            for (int i = 1; i < t.size(); i++) {
                double ms = (t.get(i) - t.get(i - 1)) / 1000.0;
                all.add(ms);
                sum += ms;
            }
            means.add(sum / (t.size() - 1));
        }
        Collections.sort(all);
        Collections.sort(means);
        double min = all.get(0);
        double max = all.get(all.size() - 1);
        double mean = all.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double p95 = all.get((int) Math.ceil(0.95 * all.size()) - 1);
        long lo = s.pacingInterval();
        long hi = s.pacingInterval() + s.pacingJitter();
        long slack = 25;
        long under = all.stream().filter(v -> v < lo).count();
        long over = all.stream().filter(v -> v > hi + slack).count();
        boolean within = under == 0 && over == 0 && failed.sum() == 0;
        double expectedWall = (s.pacingSends() - 1) * (lo + s.pacingJitter() / 2.0);
        report.add(String.format(Locale.ROOT, "Pacing, %d accounts at once × %d sends to people", accounts.size(),
                        s.pacingSends()),
                String.format(Locale.ROOT, "intervals min %.1f / mean %.1f / p95 %.1f / max %.1f ms (account means "
                                           + "%.0f–%.0f)", min, mean, p95, max, means.get(0), means.get(means.size() - 1)),
                String.format(Locale.ROOT, "configured %d ms + 0–%d ms jitter (mean %.0f)", lo, s.pacingJitter(),
                        lo + s.pacingJitter() / 2.0),
                String.format(Locale.ROOT, "%d intervals, %s in [%d, %d+%d] ms%s; wall %s s (one account alone ≈ %s s)",
                        all.size(), within ? "all" : (all.size() - under - over) + "", lo, hi, slack,
                        within ? ": met" : ": NOT met (" + under + " short, " + over + " long"
                                           + (failed.sum() > 0 ? ", " + failed.sum() + " failed" : "") + ")",
                        secs(wall), secs((long) expectedWall)));
        report.note("Pacing intervals are start-to-start as the simulator received them; the configured gap runs from "
                    + "the end of one send to the start of the next, so each interval also holds one send's own time "
                    + "(< 1 ms on loopback); the " + slack + " ms slack covers that and timer lateness.");
    }

    // ------------------------------------------------------------------------------------------------ CDN reuse

    private void cdnReuse() throws Exception {
        sim.uploadRate(s.cdnRate());
        String run = Long.toHexString(System.nanoTime());
        List<Double> first = new ArrayList<>();
        List<Double> again = new ArrayList<>();
        try (ComponentTarget img = new ComponentTarget(sim.baseUrl, sim.token, sim.appId, 200, g -> {
        }, "gewe:postImage?cdnReuse=true", null)) {
            // warm-up on another URL
            img.request(Map.of("toWxid", "wxid_bench_friend", "imgUrl", "http://media.example/bench/" + run
                                                                   + "-warm.png?size=1000"), Map.of());
            for (int i = 0; i < s.cdnUrls(); i++) {
                String url = "http://media.example/bench/" + run + "-" + i + ".png?size=" + s.cdnSize();
                long t0 = System.nanoTime();
                Exchange a = img.request(Map.of("toWxid", "wxid_bench_friend", "imgUrl", url), Map.of());
                long t1 = System.nanoTime();
                Exchange b = img.request(Map.of("toWxid", "wxid_bench_other", "imgUrl", url), Map.of());
                long t2 = System.nanoTime();
                if (a.getException() != null || b.getException() != null) {
                    throw new IllegalStateException("postImage failed", a.getException() != null ? a.getException()
                            : b.getException());
                }
                if (!Boolean.TRUE.equals(b.getMessage().getHeader(GeweConstants.CDN_REUSED))) {
                    throw new IllegalStateException("the repeated send of " + url + " did not reuse the CDN copy");
                }
                first.add((t1 - t0) / 1e6);
                again.add((t2 - t1) / 1e6);
            }
        }
        double f = median(first);
        double g = median(again);
        double modelled = s.cdnSize() * 1000.0 / s.cdnRate();
        report.add(String.format(Locale.ROOT, "CDN reuse: postImage of %s again (median of %d URLs)",
                        size(s.cdnSize()), s.cdnUrls()),
                String.format(Locale.ROOT, "repeat (forwardImage) %.1f ms", g),
                String.format(Locale.ROOT, "first send %.1f ms (upload modelled: %.0f ms at %s MB/s)", f, modelled,
                        num(s.cdnRate() / 1e6)),
                String.format(Locale.ROOT, "repeat = %.1f%% of first; saves %.0f ms", 100 * g / f, f - g));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static ClosedLoop.Window medianWindow(List<ClosedLoop.Window> ws) {
        ClosedLoop.Window w0 = ws.get(0);
        return new ClosedLoop.Window(w0.target(), w0.concurrency(),
                (long) median(ws, w -> w.completed()), (long) ws.stream().mapToLong(ClosedLoop.Window::errors).sum(),
                median(ws, ClosedLoop.Window::seconds), median(ws, ClosedLoop.Window::perSecond),
                median(ws, ClosedLoop.Window::p50Micros), median(ws, ClosedLoop.Window::p99Micros),
                median(ws, ClosedLoop.Window::cpuMicrosPerRequest), median(ws, ClosedLoop.Window::allocBytesPerRequest),
                median(ws, ClosedLoop.Window::serverCpuMicrosPerRequest));
    }

    private static double median(List<ClosedLoop.Window> ws, ToDoubleFunction<ClosedLoop.Window> f) {
        List<Double> v = new ArrayList<>();
        ws.forEach(w -> v.add(f.applyAsDouble(w)));
        return median(v);
    }

    static double median(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        int n = v.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    static String micros(double us) {
        return us >= 10_000 || us <= -10_000 ? String.format(Locale.ROOT, "%,.1f ms", us / 1000)
                : String.format(Locale.ROOT, "%,.0f µs", us);
    }

    /** "+12 µs" or "−12 µs" for a formatted difference. */
    static String signed(String formatted) {
        return formatted.startsWith("-") ? "−" + formatted.substring(1) : "+" + formatted;
    }

    static String secs(long ms) {
        return String.format(Locale.ROOT, "%.2f", ms / 1000.0);
    }

    static String bytes(double b) {
        return Math.abs(b) >= 10_000 ? String.format(Locale.ROOT, "%.1f KB", b / 1000) : String.format(Locale.ROOT, "%.0f B", b);
    }

    static String size(long b) {
        return b >= 1L << 30 && b % (1L << 30) == 0 ? (b >> 30) + " GiB"
                : b >= 1L << 20 && b % (1L << 20) == 0 ? (b >> 20) + " MiB"
                : String.format(Locale.ROOT, "%.1f MB", b / 1e6);
    }
}
