package io.camelgewe.gewe.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * JDK Flight Recorder around a workload: execution samples (CPU) and allocation samples, summarised as top frames.
 * The recording is kept ({@code jfr print --events jdk.ExecutionSample <file>} or JDK Mission Control read it).
 */
final class JfrProfile {

    /** Package families a frame is attributed to. */
    private static final String[][] FAMILIES = {
            { "io.camelgewe.gewe.bench.", "benchmark driver" },
            { "io.camelgewe.", "gewe component" },
            { "org.apache.camel.", "camel" },
            { "com.fasterxml.jackson.", "jackson" },
            { "org.apache.hc.", "httpclient5" },
    };

    final Path file;
    final long cpuSamples;
    final long allocSamples;
    final double allocWeight;
    final Map<String, Long> selfCpu = new HashMap<>();
    final Map<String, Long> inclusiveCpu = new HashMap<>();
    final Map<String, Long> familyCpu = new HashMap<>();
    final Map<String, Double> allocByClass = new HashMap<>();
    final Map<String, Double> allocBySite = new HashMap<>();
    final Map<String, Double> allocByFamily = new HashMap<>();

    private JfrProfile(Path file, long cpuSamples, long allocSamples, double allocWeight) {
        this.file = file;
        this.cpuSamples = cpuSamples;
        this.allocSamples = allocSamples;
        this.allocWeight = allocWeight;
    }

    /**
     * Records the workload (JFR's "profile" settings, execution samples every 2 ms: JFR drops the samples of threads
     * whose stack it cannot walk, so a short period is needed for a few thousand) and reads the recording.
     */
    static <T> JfrProfile record(Path file, Callable<T> workload) throws Exception {
        try (Recording r = new Recording(Configuration.getConfiguration("profile"))) {
            r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(2));
            r.enable("jdk.ObjectAllocationSample").with("throttle", "2000/s");
            r.start();
            workload.call();
            r.stop();
            r.dump(file);
        }
        return read(file);
    }

    static JfrProfile read(Path file) throws IOException {
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        long cpu = 0;
        long alloc = 0;
        double weight = 0;
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> incl = new HashMap<>();
        Map<String, Long> fam = new HashMap<>();
        Map<String, Double> byClass = new HashMap<>();
        Map<String, Double> bySite = new HashMap<>();
        Map<String, Double> byFam = new HashMap<>();
        for (RecordedEvent e : events) {
            String type = e.getEventType().getName();
            RecordedStackTrace st = e.getStackTrace();
            if (st == null || st.getFrames().isEmpty()) {
                continue;
            }
            List<RecordedFrame> frames = st.getFrames();
            if (frames.stream().anyMatch(f -> name(f).startsWith("jdk.jfr.")
                                              || name(f).equals("io.camelgewe.gewe.bench.ClosedLoop.run"))) {
                // the recorder's own work (event classes instrumented at start, the sampler), and the driver's
                // bookkeeping between windows (sorting the latencies): not the workload's
                continue;
            }
            if (type.equals("jdk.ExecutionSample")) {
                cpu++;
                self.merge(name(frames.get(0)), 1L, Long::sum);
                fam.merge(family(frames), 1L, Long::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame f : frames) {
                    String n = name(f);
                    if (isLibrary(n) && seen.add(n)) {
                        incl.merge(n, 1L, Long::sum);
                    }
                }
            } else if (type.equals("jdk.ObjectAllocationSample")) {
                alloc++;
                double w = e.getLong("weight");
                weight += w;
                byClass.merge(e.getClass("objectClass").getName(), w, Double::sum);
                bySite.merge(firstLibraryFrame(frames), w, Double::sum);
                byFam.merge(family(frames), w, Double::sum);
            }
        }
        JfrProfile p = new JfrProfile(file, cpu, alloc, weight);
        p.selfCpu.putAll(self);
        p.inclusiveCpu.putAll(incl);
        p.familyCpu.putAll(fam);
        p.allocByClass.putAll(byClass);
        p.allocBySite.putAll(bySite);
        p.allocByFamily.putAll(byFam);
        return p;
    }

    private static String name(RecordedFrame f) {
        RecordedMethod m = f.getMethod();
        return m == null ? "?" : m.getType().getName() + "." + m.getName();
    }

    private static boolean isLibrary(String n) {
        return n.startsWith("io.camelgewe.") || n.startsWith("org.apache.camel.") || n.startsWith("com.fasterxml.")
               || n.startsWith("org.apache.hc.");
    }

    /** The first frame from the top that is not the JDK's: who asked for the work. */
    private static String firstLibraryFrame(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String n = name(f);
            if (!n.startsWith("java.") && !n.startsWith("jdk.") && !n.startsWith("sun.")) {
                return n;
            }
        }
        return name(frames.get(0));
    }

    /** The family of the first non-JDK frame from the top; "jdk" when the whole stack is the JDK's. */
    private static String family(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String n = name(f);
            if (n.startsWith("java.") || n.startsWith("jdk.internal.") || n.startsWith("sun.")) {
                continue;
            }
            for (String[] fam : FAMILIES) {
                if (n.startsWith(fam[0])) {
                    return fam[1];
                }
            }
            return "other";
        }
        return "jdk only (I/O, threads)";
    }

    /** A text summary: top {@code n} rows of each view; µs per request when {@code cpuMicrosPerRequest} is given. */
    String summary(String title, int n, double cpuMicrosPerRequest, double allocBytesPerRequest) {
        StringBuilder sb = new StringBuilder();
        sb.append("### ").append(title).append('\n');
        sb.append(String.format(Locale.ROOT, "%d CPU samples, %d allocation samples; recording %s%n%n", cpuSamples,
                allocSamples, file));
        sb.append("CPU by family of the first non-JDK frame (self time attributed to whoever called into the JDK):\n");
        appendLong(sb, familyCpu, cpuSamples, n, cpuMicrosPerRequest, "µs/req");
        sb.append("\nCPU, top frames (self):\n");
        appendLong(sb, selfCpu, cpuSamples, n, cpuMicrosPerRequest, "µs/req");
        sb.append("\nCPU, inclusive (stack contains the method; gewe, camel, jackson and httpclient5 frames):\n");
        appendLong(sb, inclusiveCpu, cpuSamples, n, cpuMicrosPerRequest, "µs/req");
        sb.append("\nAllocation by family (JFR allocation samples: each carries the bytes its thread allocated since "
                  + "the previous one, so single sites can stand out by chance; the steps table has exact figures):\n");
        appendDouble(sb, allocByFamily, allocWeight, n, allocBytesPerRequest, "B/req");
        sb.append("\nAllocation, top sites (first non-JDK frame):\n");
        appendDouble(sb, allocBySite, allocWeight, n, allocBytesPerRequest, "B/req");
        sb.append("\nAllocation, top classes:\n");
        appendDouble(sb, allocByClass, allocWeight, n, allocBytesPerRequest, "B/req");
        return sb.toString();
    }

    private static void appendLong(StringBuilder sb, Map<String, Long> m, long total, int n, double perReq,
                                   String unit) {
        m.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .forEach(e -> line(sb, e.getKey(), e.getValue() / (double) Math.max(total, 1), perReq, unit));
    }

    private static void appendDouble(StringBuilder sb, Map<String, Double> m, double total, int n, double perReq,
                                     String unit) {
        m.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())).limit(n)
                .forEach(e -> line(sb, e.getKey(), e.getValue() / Math.max(total, 1), perReq, unit));
    }

    private static void line(StringBuilder sb, String key, double share, double perReq, String unit) {
        sb.append(String.format(Locale.ROOT, "  %5.1f%%", share * 100));
        if (perReq > 0) {
            sb.append(String.format(Locale.ROOT, " %8.1f %s", share * perReq, unit));
        }
        sb.append("  ").append(key).append('\n');
    }

    /** The share of CPU samples whose family is the given one. */
    double cpuShare(String family) {
        return familyCpu.getOrDefault(family, 0L) / (double) Math.max(cpuSamples, 1);
    }
}
