package io.camelgewe.gewe.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts a JVM of the benchmark's classpath: the simulator, and the benchmarks that need a JVM of their own. */
final class ChildJvm {

    private ChildJvm() {
    }

    /** The classpath of this JVM (under surefire, the test classpath it was given). */
    static String classpath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A builder for {@code java <jvmArgs> -cp <classpath> <mainClass> <args>}; stderr goes to {@code log}. */
    static ProcessBuilder builder(List<String> jvmArgs, Class<?> mainClass, List<String> args, Path log) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(jvmArgs);
        // the simulator's JDK HTTP server: see GeweSimulator's class comment
        cmd.add("-Dsun.net.httpserver.nodelay=true");
        // children log at INFO into a file of their own: target/test.log is the suite's, and the token check reads it
        cmd.add("-Dgewe.test.log=bench-" + mainClass.getSimpleName());
        cmd.add("-Dgewe.test.level=INFO");
        cmd.add("-cp");
        cmd.add(classpath());
        cmd.add(mainClass.getName());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return pb;
    }

    /**
     * Runs a benchmark child to its end and returns the {@code key=value} pairs of its {@code RESULT} line.
     *
     * @throws IllegalStateException when it fails, prints no RESULT line or outlives the timeout
     */
    static Map<String, String> runForResult(List<String> jvmArgs, Class<?> mainClass, List<String> args, Path log,
                                            long timeoutSeconds) throws IOException, InterruptedException {
        return runForResult(jvmArgs, mainClass, args, log, timeoutSeconds, tag -> {
        });
    }

    /** What the parent does when a child prints {@code WAIT <tag>}; the child then reads {@code GO} from stdin. */
    interface Handshake {
        void ready(String tag) throws IOException;
    }

    /**
     * As {@link #runForResult(List, Class, List, Path, long)}, and when the child prints {@code WAIT <tag>} the
     * handshake runs (the parent changes the simulator, say) before the child is told {@code GO}.
     */
    static Map<String, String> runForResult(List<String> jvmArgs, Class<?> mainClass, List<String> args, Path log,
                                            long timeoutSeconds, Handshake handshake)
            throws IOException, InterruptedException {
        Process p = builder(jvmArgs, mainClass, args, log).start();
        java.io.Writer toChild = new java.io.OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
        Map<String, String> result = null;
        List<String> other = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            // reading ends when the child ends (or closes stdout); the timeout guards a child that hangs
            Thread killer = new Thread(() -> {
                try {
                    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                } catch (InterruptedException ignored) {
                    p.destroyForcibly();
                }
            }, "bench-child-timeout");
            killer.setDaemon(true);
            killer.start();
            for (String line; (line = r.readLine()) != null;) {
                if (line.startsWith("RESULT ")) {
                    result = parse(line.substring(7));
                } else if (line.startsWith("WAIT ")) {
                    handshake.ready(line.substring(5).trim());
                    toChild.write("GO\n");
                    toChild.flush();
                } else {
                    other.add(line);
                }
            }
        }
        toChild.close();
        boolean ended = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        if (result == null || !ended || p.exitValue() != 0) {
            throw new IllegalStateException(mainClass.getSimpleName() + " " + args + " failed (exit "
                                            + (ended ? p.exitValue() : "timeout") + "), see " + log + "; output: "
                                            + other);
        }
        return result;
    }

    static Map<String, String> parse(String pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String kv : pairs.trim().split("\\s+")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                m.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        return m;
    }
}
