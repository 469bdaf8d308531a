package io.camelgewe.examples.karaf;

import java.lang.module.ModuleDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.camelgewe.examples.karaf.BundleExports.Export;
import io.camelgewe.examples.karaf.FeatureRepository.Dependency;
import io.camelgewe.examples.karaf.FeatureRepository.Feature;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The camel-gewe bundle's Import-Package against what installing the camel-gewe feature (on Karaf, whose framework
 * feature is always there) puts in the container: every package it imports is exported by one of those bundles, or
 * by the JRE through the system bundle, in a version its range accepts. camel-karaf 4.18.1 installs Camel 4.18.1,
 * Jackson 2.20.1 and HttpClient 5.5.1 / HttpCore 5.3.6 (as wrap: bundles), while this build compiles against Camel
 * 4.18.0 and Jackson 2.19: the ranges bnd writes must accept the container's.
 */
class KarafImportsTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource(KarafData.RELEASES)
    void everyPackageTheBundleImportsIsExportedInARangeItAccepts(FeatureRepository camelKaraf) {
        // Karaf's framework feature is always there (pax-logging-api exports org.slf4j)
        List<String> bundles = KarafData.install(camelKaraf, "camel-gewe", "framework").features().stream()
                .flatMap(f -> f.bundles().stream()).toList();
        BundleExports exports = BundleExports.of(bundles);
        ComponentBundle bundle = ComponentBundle.read();
        Set<String> own = ComponentBundle.clauses(bundle.header("Export-Package")).keySet();
        Set<String> jre = jrePackages();

        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, String> imp : ComponentBundle.clauses(bundle.header("Import-Package")).entrySet()) {
            String pkg = imp.getKey();
            String range = ComponentBundle.attribute(imp.getValue(), "version");
            if ("optional".equals(ComponentBundle.attribute(imp.getValue(), "resolution:")) || own.contains(pkg)
                    || jre.contains(pkg) && range == null) {
                continue;
            }
            checked++;
            List<Export> from = exports.exporters(pkg);
            if (from.isEmpty()) {
                problems.add(pkg + ": no bundle the camel-gewe feature installs exports it (bundles not read: "
                             + exports.unread() + ")");
            } else if (from.stream().noneMatch(e -> e.version().within(range))) {
                problems.add(pkg + " " + range + ": " + camelKaraf.name() + " installs " + from);
            }
        }
        assertEquals(List.of(), problems, "imports of " + bundle.location());
        assertTrue(checked > 30, "the check read the imports: " + checked);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(KarafData.RELEASES)
    void theVersionsTheReleaseInstallsAreTheOnesTheBundlesWereReadAt(FeatureRepository camelKaraf) {
        // what the copy in the examples pom must hold: the Jackson and HttpClient 5 definitions the features select
        Feature jackson = FeatureRepository.select(new Dependency("jackson", false, "[2.19,3)"), camelKaraf);
        Feature http = FeatureRepository.select(new Dependency("http-client", false, "[5,6)"), camelKaraf);
        List<String> bundles = new ArrayList<>(jackson.bundles());
        bundles.addAll(http.bundles());
        BundleExports exports = BundleExports.of(bundles);
        assertEquals(List.of(), exports.unread(), "copy these into " + KarafData.bundleDir()
                                                  + " (maven-dependency-plugin in camel-gewe-examples/pom.xml)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(KarafData.RELEASES)
    void theJacksonRangeTakesTheReleasesJacksonAndNotItsOlderOne(FeatureRepository camelKaraf) {
        // camel-karaf defines jackson twice (2.20.1 for Camel's components, 2.16.2 for a few others); the range bnd
        // writes from this build's Jackson 2.19 must take the newer and need not take the older
        String range = ComponentBundle.attribute(ComponentBundle.clauses(ComponentBundle.read()
                .header("Import-Package")).get("com.fasterxml.jackson.databind"), "version");
        List<Feature> jackson = camelKaraf.definitions("jackson");
        assertTrue(jackson.size() >= 1, camelKaraf.name() + " defines jackson");
        Feature newest = FeatureRepository.select(new Dependency("jackson", false, null), camelKaraf);
        assertTrue(newest.version().within(range), newest.version() + " in " + range);
        jackson.stream().filter(f -> f.version().major() == 2 && f.version().minor() < 19)
                .forEach(old -> assertFalse(old.version().within(range), old.version() + " outside " + range));
    }

    private static Set<String> jrePackages() {
        Set<String> out = new TreeSet<>();
        ModuleLayer.boot().modules().forEach(m -> out.addAll(m.getDescriptor().exports().stream()
                .filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source).toList()));
        return out;
    }
}
