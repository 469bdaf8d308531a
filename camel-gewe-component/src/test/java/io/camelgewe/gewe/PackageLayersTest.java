package io.camelgewe.gewe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The component's packages form layers, read from the main sources' imports and fully qualified names: no package
 * cycle, and {@code errors} depends on nothing of the component, so that every other package can use it.
 */
class PackageLayersTest {

    private static final Path SOURCES = Path.of("src/main/java/io/camelgewe/gewe");
    private static final String ROOT = "io.camelgewe.gewe";
    private static final Pattern REFERENCE = Pattern.compile("\\bio\\.camelgewe\\.gewe((?:\\.[a-z]+)*)\\.[A-Z]");

    @Test
    void errorsDependsOnNothingOfTheComponent() throws IOException {
        assertEquals(Set.of(), dependencies().get(ROOT + ".errors"));
    }

    @Test
    void noPackageCycles() throws IOException {
        Map<String, Set<String>> deps = dependencies();
        assertTrue(deps.size() >= 8, "packages found: " + deps.keySet());
        List<String> cycles = new ArrayList<>();
        for (String pkg : deps.keySet()) {
            if (reaches(deps, pkg, pkg, new TreeSet<>())) {
                cycles.add(pkg);
            }
        }
        assertEquals(List.of(), cycles, "packages on a cycle; dependencies: " + deps);
    }

    private static boolean reaches(Map<String, Set<String>> deps, String from, String target, Set<String> seen) {
        for (String next : deps.getOrDefault(from, Set.of())) {
            if (next.equals(target)) {
                return true;
            }
            if (seen.add(next) && reaches(deps, next, target, seen)) {
                return true;
            }
        }
        return false;
    }

    /** Each package and the other component packages its sources name. */
    private static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> deps = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = ROOT + packageSuffix(SOURCES.relativize(file.getParent()));
                Set<String> used = deps.computeIfAbsent(pkg, p -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(Files.readString(file));
                while (m.find()) {
                    String other = ROOT + m.group(1);
                    if (!other.equals(pkg)) {
                        used.add(other);
                    }
                }
            }
        }
        return deps;
    }

    private static String packageSuffix(Path relative) {
        String s = relative.toString().replace('/', '.').replace('\\', '.');
        return s.isEmpty() ? "" : "." + s;
    }
}
