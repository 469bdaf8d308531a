package io.camelgewe.examples.karaf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Karaf features as data: camel-karaf's and Karaf's own (from the lists in {@code src/test/resources/karaf}) and ours
 * (the features file the build filtered), each feature with its version, the features it depends on and its bundles.
 * It answers what Karaf's resolver would be asked: which definition a dependency selects, and everything a feature
 * installs.
 */
public final class FeatureRepository {

    /** A {@code <feature>} inside a feature: a name, prerequisite or not, and a version or range (null for any). */
    public record Dependency(String name, boolean prerequisite, String version) {
    }

    /** A feature definition. */
    public record Feature(String name, OsgiVersion version, List<Dependency> dependencies, List<String> bundles,
                          String repository) {
    }

    /** What a closure reached, and the dependencies nothing defines. */
    public record Installed(Set<Feature> features, List<String> missing) {
    }

    static final String FEATURES_NS = "http://karaf.apache.org/xmlns/features/v1.6.0";
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    private final String name;
    private final Map<String, List<Feature>> byName = new LinkedHashMap<>();
    private final Properties properties;

    private FeatureRepository(String name, Properties properties) {
        this.name = name;
        this.properties = properties;
    }

    /**
     * Reads a list in the TSV format of {@code camel-karaf-<version>-features.tsv} (feature, dependencies, bundles)
     * or of {@code karaf-<version>-features.tsv} (feature, version, dependencies, bundles).
     *
     * @param versions the {@code ${...}} values and the {@code feature.version.<name>} of features defined more than
     *                 once (see camel-karaf-4.18.1.properties); a feature defined once has {@code project.version}
     */
    public static FeatureRepository readList(String name, Path tsv, Properties versions) {
        FeatureRepository repo = new FeatureRepository(name, versions);
        List<String> lines;
        try {
            lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean versionColumn = lines.get(0).split("\t")[1].equals("version");
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            String feature = cols[0];
            int row = seen.merge(feature, 1, Integer::sum) - 1;
            String version = versionColumn ? cols[1] : repo.definedVersion(feature, row);
            int d = versionColumn ? 2 : 1;
            List<Dependency> deps = new ArrayList<>();
            for (String dep : words(cols[d])) {
                boolean pre = dep.endsWith("!prerequisite");
                deps.add(new Dependency(pre ? dep.substring(0, dep.indexOf('!')) : dep, pre, null));
            }
            List<String> bundles = words(cols[d + 1]).stream().map(repo::resolve).toList();
            repo.add(new Feature(feature, OsgiVersion.parse(version), deps, bundles, name));
        }
        return repo;
    }

    /** Reads a Karaf features XML (ours, as the build filtered it). */
    public static FeatureRepository readXml(String name, Path xml) {
        FeatureRepository repo = new FeatureRepository(name, new Properties());
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = f.newDocumentBuilder().parse(xml.toFile()).getDocumentElement();
            for (Element feature : children(root, "feature")) {
                List<Dependency> deps = new ArrayList<>();
                for (Element d : children(feature, "feature")) {
                    deps.add(new Dependency(d.getTextContent().trim(), "true".equals(d.getAttribute("prerequisite")),
                            d.hasAttribute("version") ? d.getAttribute("version") : null));
                }
                List<String> bundles = children(feature, "bundle").stream().map(b -> b.getTextContent().trim()).toList();
                repo.add(new Feature(feature.getAttribute("name"), OsgiVersion.parse(feature.getAttribute("version")),
                        deps, bundles, name));
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + xml, e);
        }
        return repo;
    }

    private String definedVersion(String feature, int row) {
        String listed = properties.getProperty("feature.version." + feature);
        if (listed != null) {
            String[] versions = listed.split("\\s*,\\s*");
            if (row < versions.length) {
                return versions[row];
            }
        }
        return properties.getProperty("project.version");
    }

    private void add(Feature feature) {
        byName.computeIfAbsent(feature.name(), n -> new ArrayList<>()).add(feature);
    }

    /** This repository's name, for messages ("camel-karaf 4.18.1"). */
    public String name() {
        return name;
    }

    /** Every definition of a feature, empty when none. */
    public List<Feature> definitions(String feature) {
        return byName.getOrDefault(feature, List.of());
    }

    /** Every feature defined here. */
    public List<Feature> features() {
        return byName.values().stream().flatMap(List::stream).toList();
    }

    /**
     * The definition a dependency selects among these repositories: the highest version inside its range (exactly its
     * version when it names one), or null when none matches.
     */
    public static Feature select(Dependency dep, FeatureRepository... repositories) {
        Feature best = null;
        for (FeatureRepository repo : repositories) {
            for (Feature f : repo.definitions(dep.name())) {
                if (matches(f.version(), dep.version())
                        && (best == null || f.version().compareTo(best.version()) > 0)) {
                    best = f;
                }
            }
        }
        return best;
    }

    private static boolean matches(OsgiVersion version, String wanted) {
        if (wanted == null || wanted.isBlank()) {
            return true;
        }
        String w = wanted.trim();
        return w.startsWith("[") || w.startsWith("(") ? version.within(w) : version.equals(OsgiVersion.parse(w));
    }

    /** Every feature installing these features installs (themselves included), and the dependencies nothing defines. */
    public static Installed install(List<Dependency> roots, FeatureRepository... repositories) {
        Set<Feature> reached = new LinkedHashSet<>();
        List<String> missing = new ArrayList<>();
        List<Dependency> todo = new ArrayList<>(roots);
        while (!todo.isEmpty()) {
            Dependency dep = todo.remove(0);
            Feature f = select(dep, repositories);
            if (f == null) {
                missing.add(dep.name() + (dep.version() == null ? "" : " " + dep.version()));
            } else if (reached.add(f)) {
                todo.addAll(f.dependencies());
            }
        }
        return new Installed(reached, missing);
    }

    /** Replaces the {@code ${...}} this repository knows in a bundle URL; unknown ones stay. */
    private String resolve(String text) {
        Matcher m = PROPERTY.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = properties.getProperty(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? m.group() : v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.trim().split("\\s+"));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList list = parent.getElementsByTagNameNS(FEATURES_NS, name);
        for (int i = 0; i < list.getLength(); i++) {
            if (list.item(i).getParentNode() == parent) {
                out.add((Element) list.item(i));
            }
        }
        return out;
    }
}
