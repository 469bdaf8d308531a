package io.camelgewe.gewe.springboot;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's Spring Boot snippets that the application tests cannot load as files: the build snippet names this
 * module and the versions it is built and tested with, and the Java snippets are the test application's code.
 */
class ReadmeSpringBootTest {

    private static final Path APP = Path.of("src", "test", "java", "io", "camelgewe", "gewe", "springboot", "app");

    @Test
    void theBuildSnippetNamesThisStarterAndTheVersionsItIsTestedWith() throws Exception {
        Element pom = parse(Readme.snippet("<!-- pom.xml of a Spring Boot application -->"));

        Element parent = only(pom, "parent");
        assertEquals("org.springframework.boot:spring-boot-starter-parent:" + System.getProperty("gewe.spring-boot.version"),
                coordinates(parent));

        List<String> managed = coordinatesOf(only(only(pom, "dependencyManagement"), "dependencies"));
        assertEquals(List.of("org.apache.camel.springboot:camel-spring-boot-bom:"
                             + System.getProperty("gewe.camel-spring-boot.version") + ":pom:import"), managed);

        List<String> dependencies = coordinatesOf(only(pom, "dependencies"));
        assertEquals(List.of("org.apache.camel.springboot:camel-spring-boot-starter",
                "io.camelgewe:camel-gewe-spring-boot-starter:" + System.getProperty("gewe.project.version")), dependencies);

        Element self = parse(Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8));
        assertEquals("camel-gewe-spring-boot-starter", text(self, "artifactId"), "the artifact the README names is this module");
        assertTrue(coordinatesOf(only(self, "dependencies")).contains("org.apache.camel.springboot:camel-spring-boot-starter:test"),
                "the tests' application depends on camel-spring-boot-starter as the README's does");
    }

    @Test
    void theRoutesSnippetIsTheTestApplicationsRoutes() throws Exception {
        assertContains(APP.resolve("WeChatRoutes.java"), Readme.snippet("@Component"));
    }

    @Test
    void theBeansSnippetIsTheTestApplicationsBeans() throws Exception {
        assertContains(APP.resolve("GeweBeans.java"), Readme.snippet("@Configuration"));
    }

    private static void assertContains(Path source, String snippet) throws Exception {
        String code = normalized(Files.readString(source, StandardCharsets.UTF_8));
        assertTrue(code.contains(normalized(snippet)), source + " does not hold the README's snippet:\n" + snippet);
    }

    /** Lines without their indentation, blank lines left out. */
    private static String normalized(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }

    private static Element parse(String xml) throws Exception {
        // the snippet is a fragment of a pom: a parent, dependencyManagement and dependencies side by side
        String text = xml.startsWith("<?xml") ? xml : "<fragment>" + xml + "</fragment>";
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(text)));
        return doc.getDocumentElement();
    }

    private static Element only(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertEquals(1, found.size(), "one <" + name + "> under <" + parent.getTagName() + ">");
        return found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent().strip();
    }

    /** groupId:artifactId[:version][:type][:scope] of each dependency. */
    private static List<String> coordinatesOf(Element dependencies) {
        return children(dependencies, "dependency").stream().map(ReadmeSpringBootTest::coordinates).toList();
    }

    private static String coordinates(Element e) {
        StringBuilder sb = new StringBuilder(text(e, "groupId")).append(':').append(text(e, "artifactId"));
        for (String part : List.of("version", "type", "scope")) {
            if (text(e, part) != null) {
                sb.append(':').append(text(e, part));
            }
        }
        return sb.toString();
    }
}
