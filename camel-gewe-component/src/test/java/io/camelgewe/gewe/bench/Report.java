package io.camelgewe.gewe.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The benchmark table: one row per figure, the component's beside its baseline from the same run. */
final class Report {

    /**
     * @param benchmark what is measured
     * @param component the component's figure
     * @param baseline  the baseline's figure (what the component is compared with)
     * @param verdict   ratio, target and whether it is met
     */
    record Row(String benchmark, String component, String baseline, String verdict) {
    }

    final String mode;
    final String machine;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final StringBuilder details = new StringBuilder();

    Report(String mode, String machine) {
        this.mode = mode;
        this.machine = machine;
    }

    synchronized void add(String benchmark, String component, String baseline, String verdict) {
        rows.add(new Row(benchmark, component, baseline, verdict));
    }

    synchronized void note(String note) {
        notes.add(note);
    }

    synchronized void details(String text) {
        details.append(text).append('\n');
    }

    synchronized List<Row> rows() {
        return Collections.unmodifiableList(new ArrayList<>(rows));
    }

    synchronized String details() {
        return details.toString();
    }

    /** The table as Markdown, with the machine and the notes under it. */
    synchronized String table() {
        String[] head = { "Benchmark", "Component", "Baseline", "Ratio / verdict" };
        int[] w = new int[4];
        for (int i = 0; i < 4; i++) {
            w[i] = head[i].length();
        }
        for (Row r : rows) {
            w[0] = Math.max(w[0], r.benchmark().length());
            w[1] = Math.max(w[1], r.component().length());
            w[2] = Math.max(w[2], r.baseline().length());
            w[3] = Math.max(w[3], r.verdict().length());
        }
        StringBuilder sb = new StringBuilder();
        line(sb, w, head);
        sb.append('|');
        for (int x : w) {
            sb.append(' ').append("-".repeat(x)).append(" |");
        }
        sb.append('\n');
        for (Row r : rows) {
            line(sb, w, new String[] { r.benchmark(), r.component(), r.baseline(), r.verdict() });
        }
        sb.append('\n').append("Mode ").append(mode).append("; machine: ").append(machine).append('\n');
        for (String n : notes) {
            sb.append("- ").append(n).append('\n');
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, int[] w, String[] cells) {
        sb.append('|');
        for (int i = 0; i < cells.length; i++) {
            sb.append(' ').append(cells[i]).append(" ".repeat(w[i] - cells[i].length())).append(" |");
        }
        sb.append('\n');
    }
}
