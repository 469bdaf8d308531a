package io.camelgewe.gewe.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** This JVM's figures (CPU time, allocated bytes, threads) and a description of the machine for the table. */
final class Machine {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private Machine() {
    }

    /** CPU time of the whole process (all threads, JIT and GC included), in nanoseconds. */
    static long processCpuNanos() {
        return OS.getProcessCpuTime();
    }

    /** Bytes allocated so far by the threads alive now. */
    static long allocatedBytes() {
        if (THREADS instanceof com.sun.management.ThreadMXBean) {
            com.sun.management.ThreadMXBean t = (com.sun.management.ThreadMXBean) THREADS;
            long sum = 0;
            for (long b : t.getThreadAllocatedBytes(t.getAllThreadIds())) {
                if (b > 0) {
                    sum += b;
                }
            }
            return sum;
        }
        return 0;
    }

    static int liveThreads() {
        return THREADS.getThreadCount();
    }

    static int peakThreads() {
        return THREADS.getPeakThreadCount();
    }

    static void resetPeakThreads() {
        THREADS.resetPeakThreadCount();
    }

    static double loadAverage() {
        return OS.getSystemLoadAverage();
    }

    /** One line: cores, CPU model, memory, JVM, OS, date, load average. */
    static String describe() {
        String cpu = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("");
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                    + System.getProperty("os.arch");
        try {
            List<String> rel = Files.readAllLines(Path.of("/etc/os-release"));
            os = rel.stream().filter(l -> l.startsWith("PRETTY_NAME=")).findFirst()
                    .map(l -> l.substring(12).replace("\"", "")).orElse("") + " (" + os + ")";
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return String.format("%d cores%s, %d MiB RAM; %s %s (%s); %s; %s; load average %.2f at start",
                Runtime.getRuntime().availableProcessors(), cpu.isEmpty() ? "" : " (" + cpu + ")",
                OS.getTotalMemorySize() >> 20, System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor"), os,
                ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")), loadAverage());
    }
}
