package io.camelgewe.examples.karaf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where the feature lists are: every camel-karaf release in {@code src/test/resources/karaf}
 * ({@code camel-karaf-<version>-features.tsv} with its {@code camel-karaf-<version>.properties}), or the one the
 * system properties {@code camel.karaf.features} and {@code camel.karaf.versions} name; Karaf's own list; and our
 * features file as the build filtered it ({@code karaf.dir}).
 */
public final class KarafData {

    /** The tests' source of releases: {@code @MethodSource(KarafData.RELEASES)}. */
    public static final String RELEASES = "io.camelgewe.examples.karaf.KarafData#camelKarafReleases";

    private static final Pattern RELEASE = Pattern.compile("camel-karaf-(.+)-features\\.tsv");

    private KarafData() {
    }

    /** The camel-karaf releases to check against. */
    public static List<FeatureRepository> camelKarafReleases() {
        List<FeatureRepository> out = new ArrayList<>();
        String features = System.getProperty("camel.karaf.features");
        if (features != null && !features.isBlank()) {
            Path tsv = Path.of(features);
            String versions = System.getProperty("camel.karaf.versions");
            if (versions == null || versions.isBlank()) {
                throw new IllegalArgumentException("camel.karaf.features needs camel.karaf.versions: the properties "
                                                   + "file of that release (see src/test/resources/karaf/README.md)");
            }
            out.add(FeatureRepository.readList("camel-karaf (" + tsv.getFileName() + ")", tsv, properties(Path.of(versions))));
            return out;
        }
        for (Path tsv : resources(RELEASE)) {
            Matcher m = RELEASE.matcher(tsv.getFileName().toString());
            m.matches();
            Path versions = tsv.resolveSibling("camel-karaf-" + m.group(1) + ".properties");
            out.add(FeatureRepository.readList("camel-karaf " + m.group(1), tsv, properties(versions)));
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("No camel-karaf-<version>-features.tsv in " + resourceDir());
        }
        return out;
    }

    /** Karaf's own features (framework and standard). */
    public static FeatureRepository karaf() {
        List<Path> lists = resources(Pattern.compile("karaf-(.+)-features\\.tsv"));
        if (lists.size() != 1) {
            throw new IllegalStateException("Expected one karaf-<version>-features.tsv in " + resourceDir() + ": " + lists);
        }
        String file = lists.get(0).getFileName().toString();
        return FeatureRepository.readList("Karaf " + file.substring(6, file.length() - 13), lists.get(0), new Properties());
    }

    /** Our features file, as the build wrote it into target/karaf. */
    public static FeatureRepository ours() {
        return FeatureRepository.readXml("camel-gewe", karafDir().resolve("features.xml"));
    }

    /**
     * What installing these features (of ours, of this camel-karaf release or of Karaf) puts in the container, as
     * Karaf's resolver would pick the definitions.
     */
    public static FeatureRepository.Installed install(FeatureRepository camelKaraf, String... features) {
        List<FeatureRepository.Dependency> roots = new ArrayList<>();
        for (String f : features) {
            roots.add(new FeatureRepository.Dependency(f, false, null));
        }
        return FeatureRepository.install(roots, ours(), camelKaraf, karaf());
    }

    /** The folder the build copies our Karaf files to. */
    public static Path karafDir() {
        return Path.of(System.getProperty("karaf.dir", "target/karaf"));
    }

    /** The folder the build copies the bundles the features install to (the ones the import check reads). */
    public static Path bundleDir() {
        return Path.of(System.getProperty("karaf.bundles.dir", "target/karaf-bundles"));
    }

    private static List<Path> resources(Pattern name) {
        try (Stream<Path> files = Files.list(resourceDir())) {
            return files.filter(f -> name.matcher(f.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resourceDir() {
        try {
            return Path.of(KarafData.class.getResource("/karaf/README.md").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Properties properties(Path file) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return p;
    }
}
