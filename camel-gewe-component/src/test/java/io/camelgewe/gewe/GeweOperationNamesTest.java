package io.camelgewe.gewe;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import io.camelgewe.gewe.catalog.GeweCatalog;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The operation names the URI's path declares to tooling (GeweOperationNames, a constant because annotation
 * attributes must be) are exactly those the runtime resolves: every name of GeweCatalog, and callback.
 */
class GeweOperationNamesTest {

    @Test
    void theDeclaredNamesAreTheCatalogsAndCallback() {
        SortedSet<String> expected = new TreeSet<>(GeweCatalog.get().uriNames());
        expected.add(GeweEndpoint.CALLBACK);
        assertEquals(String.join(",", expected), GeweOperationNames.URI_NAMES,
                "GeweOperationNames.URI_NAMES differs from the catalog; replace it with:\n" + constant(expected));
        assertEquals(132 + 117 + 1, expected.size(), "132 qualified names, 117 unique actions, callback");
    }

    @Test
    void everyDeclaredNameResolves() {
        for (String name : GeweOperationNames.URI_NAMES.split(",")) {
            if (!GeweEndpoint.CALLBACK.equals(name)) {
                GeweCatalog.get().find(name);
            }
        }
    }

    /** The constant's source, 100 characters of names a line. */
    private static String constant(SortedSet<String> names) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String n : names) {
            if (line.length() + n.length() + 1 > 100) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(n).append(',');
        }
        line.setLength(line.length() - 1);
        lines.add(line.toString());
        StringBuilder src = new StringBuilder("    static final String URI_NAMES\n");
        for (int i = 0; i < lines.size(); i++) {
            src.append(i == 0 ? "            = \"" : "              + \"").append(lines.get(i)).append('"')
                    .append(i == lines.size() - 1 ? ";" : "").append('\n');
        }
        return src.toString();
    }
}
