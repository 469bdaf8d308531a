package io.camelgewe.examples.karaf;

import java.util.ArrayList;
import java.util.List;

import io.camelgewe.examples.karaf.FeatureRepository.Dependency;
import io.camelgewe.examples.karaf.FeatureRepository.Feature;
import io.camelgewe.examples.karaf.FeatureRepository.Installed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our features file against what the containers define, as Karaf's resolver would read it: every feature a feature
 * of ours depends on exists (in camel-karaf's release, in Karaf's own features or in our file), in the version range
 * asked for, all the way down; and a bundle read through a URL handler ({@code blueprint:}, {@code wrap:}) has the
 * feature that installs the handler as a prerequisite, so that the handler is there before the bundle is fetched.
 * Runs for every camel-karaf release in {@code src/test/resources/karaf} (see its README).
 */
class KarafFeaturesTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource(KarafData.RELEASES)
    void everyFeatureOurFeaturesInstallExists(FeatureRepository camelKaraf) {
        for (Feature f : KarafData.ours().features()) {
            assertEquals(List.of(), KarafData.install(camelKaraf, f.name()).missing(), f.name()
                    + " depends on features that neither " + camelKaraf.name() + " nor " + KarafData.karaf().name()
                    + " defines");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(KarafData.RELEASES)
    void aBundleReadThroughAUrlHandlerComesAfterTheFeatureThatInstallsIt(FeatureRepository camelKaraf) {
        FeatureRepository ours = KarafData.ours();
        FeatureRepository karaf = KarafData.karaf();
        List<String> problems = new ArrayList<>();
        for (Feature f : ours.features()) {
            Installed installed = KarafData.install(camelKaraf, f.name());
            // the handler a feature's own bundles need, or those of what it installs
            boolean blueprint = f.bundles().stream().anyMatch(b -> b.startsWith("blueprint:"));
            boolean wrap = installed.features().stream().flatMap(x -> x.bundles().stream())
                    .anyMatch(b -> b.startsWith("wrap:"));
            if (blueprint && !prerequisiteInstalls(f, "aries-blueprint", ours, camelKaraf, karaf)) {
                problems.add(f.name() + " has a blueprint: bundle but no prerequisite that installs aries-blueprint "
                             + "(whose extender makes Karaf's deployer install the blueprint: handler)");
            }
            if (wrap && !prerequisiteInstalls(f, "wrap", ours, camelKaraf, karaf)) {
                problems.add(f.name() + " installs wrap: bundles but has no prerequisite that installs wrap");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theCheckFindsWhatCamelKarafDoesNotDefine() {
        // the features file as it was: camel-file is a bundle of camel-core, not a feature of camel-karaf 4.x
        FeatureRepository karaf = KarafData.karaf();
        for (FeatureRepository camelKaraf : KarafData.camelKarafReleases()) {
            Installed installed = FeatureRepository.install(
                    List.of(new Dependency("camel-blueprint", false, null), new Dependency("camel-file", false, null),
                            new Dependency("http-client", false, "[6,7)")), camelKaraf, karaf);
            assertEquals(List.of("camel-file", "http-client [6,7)"), installed.missing(), camelKaraf.name());
            assertTrue(installed.features().stream().anyMatch(f -> f.name().equals("aries-blueprint")),
                    "camel-blueprint brings Karaf's aries-blueprint");
        }
    }

    @Test
    void aRangeSelectsTheDefinitionKarafWouldInstall() {
        for (FeatureRepository camelKaraf : KarafData.camelKarafReleases()) {
            Feature http = FeatureRepository.select(new Dependency("http-client", false, "[5,6)"), camelKaraf);
            assertTrue(http.bundles().stream().anyMatch(b -> b.contains("httpclient5")), http.toString());
            Feature latest = FeatureRepository.select(new Dependency("jackson", false, null), camelKaraf);
            assertFalse(latest.version().toString().startsWith("2.16"), "no range: the highest, " + latest.version());
        }
    }

    /** Whether a prerequisite of the feature, or of a feature it installs (Karaf installs those first too), installs it. */
    private static boolean prerequisiteInstalls(Feature f, String wanted, FeatureRepository... repos) {
        Installed tree = FeatureRepository.install(List.of(new Dependency(f.name(), false, null)), repos);
        return tree.features().stream().flatMap(x -> x.dependencies().stream()).filter(Dependency::prerequisite)
                .anyMatch(d -> FeatureRepository.install(List.of(d), repos).features().stream()
                        .anyMatch(x -> x.name().equals(wanted)));
    }
}
