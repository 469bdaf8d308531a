package io.camelgewe.gewe.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The GeWe simulator in a JVM of its own ({@link BenchSimulatorMain}), so that the CPU time and the threads the
 * benchmark JVM measures are the client's only. Commands go over the child's stdin, one line each.
 */
final class SimulatorProcess implements AutoCloseable {

    static final String TOKEN = "bench-token-0123456789";

    private final Process process;
    private final BufferedReader in;
    private final Writer out;
    final String baseUrl;
    final String token;
    final String appId;

    private SimulatorProcess(Process process, BufferedReader in, Writer out, String[] ready) {
        this.process = process;
        this.in = in;
        this.out = out;
        this.baseUrl = ready[1];
        this.token = ready[2];
        this.appId = ready[3];
    }

    /** Starts the simulator JVM (-Xmx512m, its own 4 HTTP threads) and waits until it listens. */
    static SimulatorProcess start(Path log) throws IOException {
        // the JDK HTTP server keeps at most 200 idle keep-alive connections and closes the others, which fails the next
        // sends on them (RequestNotExecutedException, "Connection is closed"): with 1,000 in flight it must keep them
        ProcessBuilder pb = ChildJvm.builder(List.of("-Xms256m", "-Xmx512m", "-XX:+UseParallelGC",
                        "-Dsun.net.httpserver.maxIdleConnections=4000"),
                BenchSimulatorMain.class, List.of(TOKEN), log);
        Process p = pb.start();
        BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Writer out = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
        String line;
        while ((line = in.readLine()) != null && !line.startsWith("READY ")) {
            // anything the simulator prints before it is ready (it logs to stderr, which goes to the log file)
        }
        if (line == null) {
            p.destroyForcibly();
            throw new IOException("The simulator JVM ended before it was ready; see " + log);
        }
        return new SimulatorProcess(p, in, out, line.split(" "));
    }

    /** Sends one command and returns what follows {@code OK }. */
    synchronized String command(String cmd) throws IOException {
        out.write(cmd + "\n");
        out.flush();
        String line = in.readLine();
        if (line == null) {
            throw new IOException("The simulator JVM ended (command " + cmd + ")");
        }
        if (!line.startsWith("OK")) {
            throw new IOException("The simulator refused " + cmd + ": " + line);
        }
        return line.length() > 3 ? line.substring(3) : "";
    }

    void latency(long millis) throws IOException {
        command("latency " + millis);
    }

    void downloadSize(long bytes) throws IOException {
        command("downloadSize " + bytes);
    }

    void uploadRate(long bytesPerSecond) throws IOException {
        command("uploadRate " + bytesPerSecond);
    }

    void recording(boolean on) throws IOException {
        command("recording " + (on ? "on" : "off"));
    }

    void clear() throws IOException {
        command("clear");
    }

    /** How many requests the simulator keeps (it forgets those kept so far). */
    void recordingCapacity(int requests) throws IOException {
        command("recordingCapacity " + requests);
    }

    void addAccount(String appId) throws IOException {
        command("addAccount " + appId);
    }

    /** The simulator JVM's CPU time so far, in nanoseconds. */
    long cpuNanos() {
        try {
            return Long.parseLong(command("cpu").trim());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** total, accepted, sent, failed. */
    long[] counts() throws IOException {
        String[] s = command("counts").trim().split(" ");
        long[] c = new long[s.length];
        for (int i = 0; i < s.length; i++) {
            c[i] = Long.parseLong(s[i]);
        }
        return c;
    }

    /** The raw body of the last recorded request (recording must be on). */
    byte[] lastBody() throws IOException {
        return Base64.getDecoder().decode(command("lastBody").trim());
    }

    /** When each recorded request of the operation arrived, in epoch microseconds, by appId, in arrival order. */
    Map<String, List<Long>> starts(String operation) throws IOException {
        Map<String, List<Long>> byApp = new LinkedHashMap<>();
        String s = command("starts " + operation).trim();
        if (s.isEmpty()) {
            return byApp;
        }
        for (String item : s.split(" ")) {
            int at = item.lastIndexOf('@');
            byApp.computeIfAbsent(item.substring(0, at), k -> new ArrayList<>()).add(Long.parseLong(item.substring(at + 1)));
        }
        return byApp;
    }

    /** Back to the benchmark's defaults: no latency, no upload time, small downloads, recording off, no requests. */
    void reset() throws IOException {
        latency(0);
        uploadRate(0);
        downloadSize(4096);
        recording(false);
        clear();
    }

    @Override
    public void close() {
        try {
            command("quit");
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
