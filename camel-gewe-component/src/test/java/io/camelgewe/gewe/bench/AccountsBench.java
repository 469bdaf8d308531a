package io.camelgewe.gewe.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scale in accounts: many accounts driven at once from one JVM ({@link AccountsMain}) at GeWe's pace, the simulator
 * answering each send after 200 ms. Reports the child JVM's live threads, heap after a full GC while every send is
 * queued, CPU per send, and how far each account's gaps stray from the configured one, read from the simulator's
 * arrival times: the pacer's gap runs from the end of one send (as the client sees it) to the start of the next, so a
 * gap is the start-to-start interval less the simulator's answer time.
 */
final class AccountsBench {

    /**
     * @param accounts  accounts at once
     * @param sends     sends queued per account
     * @param gapMillis the configured gap after each send (pacingPersonInterval, no jitter)
     * @param warmSends unpaced sends of the warm-up
     */
    record Scale(int accounts, int sends, long gapMillis, int warmSends) {
        static Scale of(String mode) {
            // full: one send every 5 s per account (4.8 s gap + the 200 ms answer), 2,000 sends/s for 10,000 accounts
            return "full".equals(mode) ? new Scale(10_000, 4, 4_800, 20_000) : new Scale(300, 3, 300, 600);
        }
    }

    static final long ANSWER_MILLIS = 200;

    private AccountsBench() {
    }

    static void run(GeweBenchmarks.Settings s, SimulatorProcess sim, Report report, PrintStream out, Path dir)
            throws Exception {
        Scale scale = Scale.of(s.mode());
        for (int i = 1; i <= scale.accounts(); i++) {
            sim.addAccount(AccountsMain.appId(i));
        }
        sim.latency(ANSWER_MILLIS);
        // every send of the run, not the simulator's last 10,000
        sim.recordingCapacity(scale.accounts() * scale.sends() + 1000);
        sim.recording(true);
        sim.clear();
        try {
            measure(scale, s, sim, report, out, dir);
        } finally {
            sim.recordingCapacity(io.camelgewe.gewe.simulator.GeweSimulator.DEFAULT_RECORDING_CAPACITY);
        }
    }

    private static void measure(Scale scale, GeweBenchmarks.Settings s, SimulatorProcess sim, Report report,
                                PrintStream out, Path dir) throws Exception {
        // as many connections as sends in flight at once: accounts × answer / (answer + gap), with room
        long inFlight = scale.accounts() * ANSWER_MILLIS / (ANSWER_MILLIS + scale.gapMillis());
        int maxConnections = (int) Math.max(200, 2 * inFlight);
        double load = Machine.loadAverage();
        Map<String, String> r = ChildJvm.runForResult(List.of("-Xmx512m"), AccountsMain.class,
                List.of(sim.baseUrl, sim.token, String.valueOf(scale.accounts()), String.valueOf(scale.sends()),
                        String.valueOf(scale.gapMillis()), String.valueOf(maxConnections),
                        String.valueOf(scale.warmSends())),
                dir.resolve("accounts.log"), 900, tag -> sim.clear());
        Map<String, List<Long>> starts = sim.starts("message/postText");
        sim.recording(false);
        List<Double> stray = new ArrayList<>();
        int accountsSeen = 0;
        for (int i = 1; i <= scale.accounts(); i++) {
            List<Long> t = starts.getOrDefault(AccountsMain.appId(i), List.of());
            if (t.size() == scale.sends()) {
                accountsSeen++;
            }
            for (int k = 1; k < t.size(); k++) {
                double gapMs = (t.get(k) - t.get(k - 1)) / 1000.0 - ANSWER_MILLIS;
                stray.add(Math.abs(gapMs - scale.gapMillis()) / scale.gapMillis());
            }
        }
        Collections.sort(stray);
        double p50 = stray.isEmpty() ? Double.NaN : stray.get(stray.size() / 2);
        double p99 = stray.isEmpty() ? Double.NaN : stray.get((int) Math.ceil(0.99 * stray.size()) - 1);
        double max = stray.isEmpty() ? Double.NaN : stray.get(stray.size() - 1);
        int threads = Integer.parseInt(r.get("peakThreads"));
        long heap = Long.parseLong(r.get("heapAfterGcMiB"));
        long ok = Long.parseLong(r.get("ok"));
        long total = (long) scale.accounts() * scale.sends();
        boolean met = threads < 64 && heap < 256 && p99 <= 0.10 && ok == total && accountsSeen == scale.accounts();
        double perAccount = 60_000.0 / (scale.gapMillis() + ANSWER_MILLIS);
        report.add(String.format(Locale.ROOT, "%,d accounts at GeWe's pace, one JVM (%d sends each, %,d ms gap, "
                                              + "answer after %d ms)", scale.accounts(), scale.sends(),
                        scale.gapMillis(), ANSWER_MILLIS),
                String.format(Locale.ROOT, "peak %d live threads (%s before); heap after GC %d MiB; CPU %s µs/send; gap "
                                           + "stray p50 / p99 / max %.1f%% / %.1f%% / %.1f%%; %,d of %,d sent",
                        threads, r.get("threadsBefore"), heap, r.get("cpuMicrosPerSend"), p50 * 100, p99 * 100,
                        max * 100, ok, total),
                String.format(Locale.ROOT, "the pace asked: %.0f sends/min per account (GeWe allows 20–40), %,.0f "
                                           + "sends/s in all; load average %.2f", perAccount,
                        scale.accounts() * perAccount / 60, load),
                String.format(Locale.ROOT, "< 64 threads, < 256 MiB, p99 stray ≤ 10%%: %s; wall %s s",
                        met ? "met" : "NOT met", GeweBenchmarks.secs(Long.parseLong(r.get("wallMs")))));
        report.details("Accounts at GeWe's pace: " + r + "\n");
        out.println("[bench] accounts: " + r);
    }
}
