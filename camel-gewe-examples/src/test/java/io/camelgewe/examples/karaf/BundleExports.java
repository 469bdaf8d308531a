package io.camelgewe.examples.karaf;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The packages the bundles of a set of features export, with their versions, read from the bundles themselves where
 * they are at hand:
 * <ul>
 * <li>{@code mvn:org.apache.camel.karaf/<artifact>/<version>}: camel-karaf's bundle of a Camel module exports that
 * module's packages at camel-karaf's version; the packages are read from the Camel jar of the same artifact on the
 * test class path (camel-karaf repackages it as it is);</li>
 * <li>{@code wrap:mvn:...}: the jar's own Export-Package if it has one (jackson-core), else every package in it at the
 * jar's version, as Karaf's wrap handler exports them (HttpClient 5, HttpCore 5);</li>
 * <li>{@code mvn:...}: the bundle's Export-Package (Jackson, pax-logging-api).</li>
 * </ul>
 * Jars outside Camel are read from {@link KarafData#bundleDir()}, where the build copies them at the versions the
 * lists name; a bundle whose jar is not there is listed as unread.
 */
public final class BundleExports {

    /** A package a bundle exports. */
    public record Export(String pkg, OsgiVersion version, String bundle) {
    }

    private final Map<String, List<Export>> byPackage = new LinkedHashMap<>();
    private final List<String> unread = new ArrayList<>();

    /** Reads what these bundle URLs export. */
    public static BundleExports of(Iterable<String> bundleUrls) {
        BundleExports exports = new BundleExports();
        for (String url : bundleUrls) {
            exports.read(url);
        }
        return exports;
    }

    /** The exporters of a package, empty when none. */
    public List<Export> exporters(String pkg) {
        return byPackage.getOrDefault(pkg, List.of());
    }

    /** The bundles whose jar was not at hand. */
    public List<String> unread() {
        return unread;
    }

    private void read(String url) {
        boolean wrap = url.startsWith("wrap:");
        String mvn = wrap ? url.substring(5) : url;
        int instructions = mvn.indexOf('$');
        if (instructions >= 0) {
            mvn = mvn.substring(0, instructions);
        }
        if (!mvn.startsWith("mvn:")) {
            return;
        }
        String[] gav = mvn.substring(4).split("/");
        if (gav.length < 3 || gav[2].contains("${")) {
            unread.add(url);
            return;
        }
        String group = gav[0];
        String artifact = gav[1];
        String version = gav[2];
        Path jar = "org.apache.camel.karaf".equals(group) ? camelJar(artifact)
                : KarafData.bundleDir().resolve(artifact + "-" + version + ".jar");
        if (jar == null || !Files.isRegularFile(jar)) {
            unread.add(url);
            return;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String header = manifest == null ? null : manifest.getMainAttributes().getValue("Export-Package");
            if (header != null && !"org.apache.camel.karaf".equals(group)) {
                exportClauses(header, url);
            } else if (wrap || "org.apache.camel.karaf".equals(group)) {
                for (String pkg : packages(file)) {
                    add(pkg, OsgiVersion.parse(version), url);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An Export-Package header, whose clauses may repeat a package at several versions (pax-logging-api exports
     * org.slf4j at five) and give several packages one set of attributes ({@code a;b;version=1}).
     */
    private void exportClauses(String header, String bundle) {
        for (String clause : header.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            List<String> names = new ArrayList<>();
            StringBuilder attrs = new StringBuilder();
            for (String part : clause.split(";(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
                if (attrs.length() == 0 && !part.contains("=")) {
                    names.add(part.trim());
                } else {
                    attrs.append(part).append(';');
                }
            }
            OsgiVersion version = OsgiVersion.parse(ComponentBundle.attribute(attrs.toString(), "version"));
            names.forEach(n -> add(n, version, bundle));
        }
    }

    private void add(String pkg, OsgiVersion version, String bundle) {
        byPackage.computeIfAbsent(pkg, p -> new ArrayList<>()).add(new Export(pkg, version, bundle));
    }

    private static Set<String> packages(JarFile jar) {
        Set<String> out = new TreeSet<>();
        jar.stream().map(e -> e.getName())
                .filter(n -> n.endsWith(".class") && n.contains("/") && !n.startsWith("META-INF/"))
                .forEach(n -> out.add(n.substring(0, n.lastIndexOf('/')).replace('/', '.')));
        return out;
    }

    /** The Camel jar of a module on the test class path (Maven's repository layout: .../org/apache/camel/a/v/a-v.jar). */
    private static Path camelJar(String artifact) {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            Path dir = p.getParent();
            if (dir != null && dir.getParent() != null && artifact.equals(dir.getParent().getFileName().toString())
                    && p.getFileName().toString().startsWith(artifact + "-") && entry.endsWith(".jar")
                    && entry.replace('\\', '/').contains("/org/apache/camel/" + artifact + "/")) {
                return p;
            }
        }
        return null;
    }
}
