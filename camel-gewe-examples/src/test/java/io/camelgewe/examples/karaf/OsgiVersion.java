package io.camelgewe.examples.karaf;

/**
 * An OSGi version ({@code major.minor.micro.qualifier}) and version ranges ({@code [2.19,3)}, or a bare version for
 * "at least"), enough to compare what a bundle imports with what another exports and which definition of a feature a
 * range selects.
 */
public record OsgiVersion(int major, int minor, int micro, String qualifier) implements Comparable<OsgiVersion> {

    /** No version given: 0.0.0. */
    public static final OsgiVersion EMPTY = new OsgiVersion(0, 0, 0, "");

    /** Reads {@code 2.20.1}, {@code 2.20}, {@code 33.5.0-jre} (a Maven qualifier) or null (0.0.0). */
    public static OsgiVersion parse(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        String[] parts = text.trim().split("[.-]", 4);
        int[] numbers = new int[3];
        String qualifier = "";
        for (int i = 0; i < parts.length; i++) {
            if (i < 3 && parts[i].matches("\\d+")) {
                numbers[i] = Integer.parseInt(parts[i]);
            } else {
                qualifier = String.join(".", java.util.Arrays.copyOfRange(parts, i, parts.length));
                break;
            }
        }
        return new OsgiVersion(numbers[0], numbers[1], numbers[2], qualifier);
    }

    /** Whether this version is inside a range: {@code [a,b)}, {@code (a,b]}..., or a bare version meaning at least it. */
    public boolean within(String range) {
        if (range == null || range.isBlank()) {
            return true;
        }
        String r = range.trim();
        char open = r.charAt(0);
        if (open != '[' && open != '(') {
            return compareTo(parse(r)) >= 0;
        }
        char close = r.charAt(r.length() - 1);
        String[] ends = r.substring(1, r.length() - 1).split(",");
        int low = compareTo(parse(ends[0]));
        int high = compareTo(parse(ends[1]));
        return (open == '[' ? low >= 0 : low > 0) && (close == ']' ? high <= 0 : high < 0);
    }

    @Override
    public int compareTo(OsgiVersion o) {
        int c = Integer.compare(major, o.major);
        c = c != 0 ? c : Integer.compare(minor, o.minor);
        c = c != 0 ? c : Integer.compare(micro, o.micro);
        return c != 0 ? c : qualifier.compareTo(o.qualifier);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + micro + (qualifier.isEmpty() ? "" : "." + qualifier);
    }
}
