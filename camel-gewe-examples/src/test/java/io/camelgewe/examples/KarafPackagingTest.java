package io.camelgewe.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import io.camelgewe.examples.karaf.ComponentBundle;
import io.camelgewe.gewe.GeweComponent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a Karaf user installs: the camel-gewe bundle's manifest (what bnd generated), the files the bundle carries,
 * the features file and the Blueprint example it installs. Karaf itself and camel-karaf's features are not served
 * here, so this checks our side of the contract: the headers, the packages and the descriptors.
 * <p>
 * The component is read where Maven put it on the class path: its jar under {@code mvn verify}, its
 * {@code target/classes} (where bnd also writes the manifest) under {@code mvn test}.
 */
class KarafPackagingTest {

    static final String FEATURES_NS = "http://karaf.apache.org/xmlns/features/v1.6.0";
    static ComponentBundle bundle;
    static Path component;
    static Set<String> entries;

    @BeforeAll
    static void readTheBundle() {
        bundle = ComponentBundle.read();
        component = bundle.location();
        entries = bundle.entries();
        assertTrue(bundle.hasManifest(), "a manifest in " + component);
    }

    @Test
    void theComponentIsABundle() {
        assertEquals("2", header("Bundle-ManifestVersion"));
        assertEquals("io.camelgewe.camel-gewe", header("Bundle-SymbolicName"));
        String projectVersion = System.getProperty("project.version", "0.1.0-SNAPSHOT");
        String base = projectVersion.replace("-SNAPSHOT", "");
        assertTrue(header("Bundle-Version").startsWith(base), header("Bundle-Version"));
        assertTrue(header("Require-Capability").contains("(osgi.ee=JavaSE)(version=17)"),
                header("Require-Capability"));
    }

    private static final Set<String> INTERNAL = Set.of("io.camelgewe.gewe.client", "io.camelgewe.gewe.pacing",
            "io.camelgewe.gewe.health");

    @Test
    void itExportsThePublicApiPackagesOnly() {
        // the HTTP client, the pacer and the health check are the component's own machinery, not API
        Map<String, String> exports = clauses(header("Export-Package"));
        for (String api : new String[] { "io.camelgewe.gewe", "io.camelgewe.gewe.model", "io.camelgewe.gewe.catalog",
                                         "io.camelgewe.gewe.callback", "io.camelgewe.gewe.errors",
                                         "io.camelgewe.gewe.spi" }) {
            assertTrue(exports.containsKey(api), api + " exported: " + exports.keySet());
            assertTrue(exports.get(api).contains("version=\""), api + " has a version: " + exports.get(api));
        }
        for (String internal : INTERNAL) {
            assertFalse(exports.containsKey(internal), internal + " is internal and stays private");
        }
        for (String pkg : exports.keySet()) {
            assertTrue(pkg.startsWith("io.camelgewe.gewe"), "exports only its own packages: " + pkg);
        }
        // every package of the bundle is either exported or private on purpose
        Set<String> packages = new TreeSet<>();
        for (String e : entries) {
            if (e.endsWith(".class") && e.contains("/")) {
                packages.add(e.substring(0, e.lastIndexOf('/')).replace('/', '.'));
            }
        }
        for (String pkg : packages) {
            assertTrue(exports.containsKey(pkg) || INTERNAL.contains(pkg), "unaccounted package " + pkg);
        }
        assertTrue(packages.containsAll(INTERNAL), "the private packages are inside the bundle");
    }

    @Test
    void itImportsCamelWithinTheFourRange() {
        Map<String, String> imports = clauses(header("Import-Package"));
        List<String> camel = imports.keySet().stream().filter(p -> p.startsWith("org.apache.camel")).toList();
        assertTrue(camel.contains("org.apache.camel"), imports.keySet().toString());
        for (String p : camel) {
            assertTrue(imports.get(p).contains("version=\"[4.0,5)\""), p + ": " + imports.get(p));
        }
        for (String p : imports.keySet()) {
            assertFalse(p.startsWith("java."), "java.* is not imported: " + p);
        }
    }

    @Test
    void itCarriesTheGeneratedCamelServiceFiles() throws IOException {
        for (String f : new String[] { "META-INF/services/org/apache/camel/component/gewe",
                "META-INF/services/org/apache/camel/configurer/gewe-component",
                "META-INF/services/org/apache/camel/configurer/gewe-endpoint",
                "META-INF/services/org/apache/camel/urifactory/gewe-endpoint",
                "META-INF/services/org/apache/camel/TypeConverterLoader" }) {
            assertTrue(entries.contains(f), f + " in the bundle");
        }
        // the component's service file names a class inside the bundle
        Properties p = new Properties();
        try (InputStream in = GeweComponent.class.getResourceAsStream("/META-INF/services/org/apache/camel/component/gewe")) {
            p.load(in);
        }
        String cls = p.getProperty("class");
        assertEquals(GeweComponent.class.getName(), cls);
        assertTrue(entries.contains(cls.replace('.', '/') + ".class"));
    }

    @Test
    void theFeaturesFileInstallsTheBundleAndTheBlueprintExample() throws Exception {
        String version = System.getProperty("project.version", "0.1.0-SNAPSHOT");
        Document doc = parse(karafDir().resolve("features.xml"));
        Element root = doc.getDocumentElement();
        assertEquals(FEATURES_NS, root.getNamespaceURI());
        assertEquals("features", root.getLocalName());
        assertEquals("camel-gewe-" + version, root.getAttribute("name"));
        Map<String, Element> features = new LinkedHashMap<>();
        NodeList list = root.getElementsByTagNameNS(FEATURES_NS, "feature");
        for (int i = 0; i < list.getLength(); i++) {
            Element f = (Element) list.item(i);
            if (f.getParentNode() == root) {
                features.put(f.getAttribute("name"), f);
            }
        }
        assertEquals(List.of("camel-gewe", "camel-gewe-example-blueprint"), new ArrayList<>(features.keySet()));

        Element gewe = features.get("camel-gewe");
        assertEquals(version, gewe.getAttribute("version"));
        assertEquals(List.of("mvn:io.camelgewe/camel-gewe/" + version), texts(gewe, "bundle"));
        // wrap first (prerequisite): jackson-core and HttpClient 5 are wrap: bundles; camel-http brings HttpClient 5
        // with the HTTP/2 part its async client loads; camel-platform-http is gewe:callback's (KarafFeaturesTest
        // checks each against camel-karaf's list)
        assertEquals(List.of("wrap", "camel-core", "camel-http", "camel-jackson", "camel-platform-http"),
                texts(gewe, "feature"));

        Element example = features.get("camel-gewe-example-blueprint");
        assertTrue(texts(example, "feature").containsAll(List.of("camel-blueprint", "camel-gewe")));
        assertFalse(texts(example, "feature").contains("camel-file"), "file: is a bundle of camel-core");
        assertEquals(List.of("blueprint:mvn:io.camelgewe/camel-gewe-examples/" + version + "/xml/blueprint"),
                texts(example, "bundle"));
        assertFalse(Files.readString(karafDir().resolve("features.xml")).contains("${"), "every version filled in");
    }

    @Test
    void theBlueprintExampleConfiguresTheComponentAndRoutesToIt() throws Exception {
        Document doc = parse(karafDir().resolve("gewe-blueprint.xml"));
        Element root = doc.getDocumentElement();
        assertEquals("http://www.osgi.org/xmlns/blueprint/v1.0.0", root.getNamespaceURI());
        Element bean = (Element) root.getElementsByTagNameNS(root.getNamespaceURI(), "bean").item(0);
        assertEquals(GeweComponent.class.getName(), bean.getAttribute("class"));
        NodeList props = bean.getElementsByTagNameNS(root.getNamespaceURI(), "property");
        for (int i = 0; i < props.getLength(); i++) {
            String name = ((Element) props.item(i)).getAttribute("name");
            String setter = "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
            assertTrue(Stream.of(GeweComponent.class.getMethods()).anyMatch(m -> m.getName().equals(setter)), setter);
        }
        String camelNs = "http://camel.apache.org/schema/blueprint";
        assertEquals(1, root.getElementsByTagNameNS(camelNs, "camelContext").getLength());
        Element to = (Element) root.getElementsByTagNameNS(camelNs, "to").item(0);
        assertEquals("gewe:postText", to.getAttribute("uri"));
        // the component's package, which the example's bundle imports, is exported
        assertTrue(clauses(header("Export-Package")).containsKey(GeweComponent.class.getPackageName()));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static Path karafDir() {
        return Path.of(System.getProperty("karaf.dir", "target/karaf"));
    }

    private static String header(String name) {
        String v = bundle.header(name);
        assertNotNull(v, name + " in the manifest of " + component);
        return v;
    }

    /** An OSGi header's clauses: package name to its attributes. */
    static Map<String, String> clauses(String header) {
        return ComponentBundle.clauses(header);
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    private static List<String> texts(Element parent, String child) {
        List<String> out = new ArrayList<>();
        NodeList list = parent.getElementsByTagNameNS(FEATURES_NS, child);
        for (int i = 0; i < list.getLength(); i++) {
            if (list.item(i).getParentNode() == parent) {
                out.add(list.item(i).getTextContent().trim());
            }
        }
        return out;
    }
}
