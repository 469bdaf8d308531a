package io.camelgewe.gewe.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgewe.gewe.simulator.GeweSimulator;
import io.camelgewe.gewe.simulator.RecordedRequest;

/**
 * The simulator's JVM during a benchmark run: a {@link GeweSimulator} on an ephemeral loopback port, recording off,
 * driven by one-line commands on stdin so that the benchmark JVM measures only its own CPU and threads.
 * <p>
 * Prints {@code READY <baseUrl> <token> <appId>} once listening, then answers each command with one line starting
 * with {@code OK} or {@code ERR}. Commands: {@code latency <ms>}, {@code downloadSize <bytes>},
 * {@code uploadRate <bytesPerSecond>}, {@code recording on|off}, {@code clear}, {@code addAccount <appId>},
 * {@code recordingCapacity <requests>}, {@code counts}, {@code cpu} (this JVM's CPU time, ns), {@code lastBody} (base64), {@code starts <operation>} ({@code appId@epochMicros} items),
 * {@code quit}. The JVM also ends when stdin closes (its parent died).
 */
public final class BenchSimulatorMain {

    private BenchSimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        String token = args.length > 0 ? args[0] : "bench-token";
        GeweSimulator sim = new GeweSimulator(0);
        sim.setToken(token);
        sim.setRecording(false);
        sim.listen();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println("READY " + sim.baseUrl() + " " + sim.token() + " " + sim.appId());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            for (String line; (line = in.readLine()) != null;) {
                String[] cmd = line.trim().split("\\s+");
                if (cmd[0].isEmpty()) {
                    continue;
                }
                if (cmd[0].equals("quit")) {
                    out.println("OK bye");
                    break;
                }
                try {
                    out.println("OK " + execute(sim, cmd));
                } catch (RuntimeException e) {
                    out.println("ERR " + e);
                }
            }
        } finally {
            sim.stop();
        }
        System.exit(0);
    }

    private static String execute(GeweSimulator sim, String[] cmd) {
        switch (cmd[0]) {
            case "latency":
                sim.setLatency(Duration.ofMillis(Long.parseLong(cmd[1])));
                return "";
            case "downloadSize":
                sim.setDownloadSize(Long.parseLong(cmd[1]));
                return "";
            case "uploadRate":
                sim.setMediaUploadRate(Long.parseLong(cmd[1]));
                return "";
            case "recording":
                sim.setRecording("on".equals(cmd[1]));
                return "";
            case "clear":
                sim.clearRequests();
                sim.resetCounters();
                return "";
            case "addAccount":
                sim.addAccount(cmd[1]);
                return "";
            case "recordingCapacity":
                sim.setRecordingCapacity(Integer.parseInt(cmd[1]));
                return "";
            case "cpu":
                // this JVM's CPU time: the simulator's cost per request, beside the client's
                return String.valueOf(((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                        .getOperatingSystemMXBean()).getProcessCpuTime());
            case "counts":
                return sim.totalCount() + " " + sim.acceptedCount() + " " + sim.sentCount() + " " + sim.failedCount();
            case "lastBody": {
                RecordedRequest last = sim.lastRequest();
                return last == null ? "" : Base64.getEncoder().encodeToString(last.body());
            }
            case "starts": {
                StringBuilder sb = new StringBuilder();
                for (RecordedRequest r : sim.requests(cmd[1])) {
                    JsonNode appId = r.field("appId");
                    Instant t = r.received();
                    long micros = t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
                    sb.append(appId == null ? "-" : appId.asText()).append('@').append(micros).append(' ');
                }
                return sb.toString().trim();
            }
            default:
                throw new IllegalArgumentException("unknown command " + cmd[0]);
        }
    }
}
