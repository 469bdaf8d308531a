package io.camelgewe.examples.karaf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import io.camelgewe.gewe.GeweComponent;

/**
 * The camel-gewe bundle as Maven put it on the class path: its jar under {@code mvn verify}, its
 * {@code target/classes} (where bnd also writes the manifest) under {@code mvn test}; its manifest and its entries.
 */
public final class ComponentBundle {

    private final Path location;
    private final Manifest manifest;
    private final Set<String> entries;

    private ComponentBundle(Path location, Manifest manifest, Set<String> entries) {
        this.location = location;
        this.manifest = manifest;
        this.entries = Collections.unmodifiableSet(entries);
    }

    /** Reads the bundle GeweComponent was loaded from. */
    public static ComponentBundle read() {
        try {
            Path location = Path.of(GeweComponent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Set<String> entries = new TreeSet<>();
            Manifest manifest;
            if (Files.isDirectory(location)) {
                try (InputStream in = Files.newInputStream(location.resolve("META-INF/MANIFEST.MF"))) {
                    manifest = new Manifest(in);
                }
                try (Stream<Path> files = Files.walk(location)) {
                    files.filter(Files::isRegularFile)
                            .forEach(f -> entries.add(location.relativize(f).toString().replace('\\', '/')));
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    manifest = jar.getManifest();
                    jar.stream().filter(e -> !e.isDirectory()).forEach(e -> entries.add(e.getName()));
                }
            }
            return new ComponentBundle(location, manifest, entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the bundle was read from. */
    public Path location() {
        return location;
    }

    /** Whether the bundle has a manifest. */
    public boolean hasManifest() {
        return manifest != null;
    }

    /** A main attribute of the manifest, or null. */
    public String header(String name) {
        return manifest == null ? null : manifest.getMainAttributes().getValue(name);
    }

    /** The paths of the files in the bundle. */
    public Set<String> entries() {
        return entries;
    }

    /** An OSGi header's clauses: package name to its attributes (commas inside quotes do not split). */
    public static Map<String, String> clauses(String header) {
        Map<String, String> out = new LinkedHashMap<>();
        if (header == null) {
            return out;
        }
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : (header + ",").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                String clause = cur.toString().trim();
                if (!clause.isEmpty()) {
                    int semi = clause.indexOf(';');
                    out.put(semi < 0 ? clause : clause.substring(0, semi), semi < 0 ? "" : clause.substring(semi + 1));
                }
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        return out;
    }

    /** The value of an attribute ({@code version}) or directive ({@code resolution:}) in a clause's attributes. */
    public static String attribute(String attributes, String name) {
        for (String part : attributes.split(";(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equals(name)) {
                String v = p.substring(eq + 1).trim();
                return v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
            }
        }
        return null;
    }
}
