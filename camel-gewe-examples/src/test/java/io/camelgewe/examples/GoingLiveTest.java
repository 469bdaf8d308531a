package io.camelgewe.examples;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.camelgewe.gewe.simulator.GeweSimulator;
import io.camelgewe.gewe.simulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.GenericXmlApplicationContext;
import org.springframework.core.io.ByteArrayResource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's "Going live" snippets, taken from the README as they are written there, each run in its runtime with
 * the token and appId in the environment ({@code GEWE_TOKEN}, {@code GEWE_APP_ID}: the build sets them for this
 * module's tests) against the simulator, whose base URL replaces the cloud's. A message sent through each reaches
 * GeWe with the environment's token; the placeholder the README used to show fails at start, saying why.
 */
class GoingLiveTest {

    private static final String CLOUD = "http://api.geweapi.com/gewe/v2/api";
    private static final String OLD_SNIPPET = "${env:GEWE_TOKEN}";

    static GeweSimulator gewe;
    static String token;
    static String appId;
    @TempDir
    Path dir;
    private AutoCloseable running;

    @BeforeAll
    static void startGewe() {
        token = System.getenv("GEWE_TOKEN");
        appId = System.getenv("GEWE_APP_ID");
        assertNotNull(token, "GEWE_TOKEN in the environment: run through Maven (surefire sets it for this module)");
        assertNotNull(appId, "GEWE_APP_ID in the environment: run through Maven (surefire sets it for this module)");
        gewe = GeweSimulator.start();
        gewe.setToken(token);
        gewe.addAccount(appId);
    }

    @AfterAll
    static void stopGewe() {
        if (gewe != null) {
            gewe.close();
        }
    }

    @BeforeEach
    void clear() {
        gewe.clearRequests();
        gewe.resetCounters();
    }

    @AfterEach
    void stop() throws Exception {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void camelMainReadsTheTokenFromTheEnvironment() throws Exception {
        CamelContext camel = camelMain(snippet("camel-main"));
        sendAndCheck(camel);
    }

    @Test
    void yamlReadsTheTokenFromTheEnvironment() throws Exception {
        CamelContext camel = yaml(snippet("yaml"));
        sendAndCheck(camel);
    }

    @Test
    void springXmlReadsTheTokenFromTheEnvironment() throws Exception {
        CamelContext camel = springXml(snippet("spring-xml"));
        sendAndCheck(camel);
    }

    @Test
    void theOldSnippetFailsAtStartInCamelMainSayingThePlaceholderIsUnresolved() {
        String old = snippet("camel-main").replace("{{env:GEWE_TOKEN}}", OLD_SNIPPET);
        assertRefusedAtStart(() -> camelMain(old), "the GeWe token is an unresolved ${...} placeholder");
    }

    @Test
    void theOldSnippetFailsAtStartInSpringSayingTheTokenIsAVariablesName() {
        // Spring reads ${env:GEWE_TOKEN} as the property "env" with the default "GEWE_TOKEN"
        String old = snippet("spring-xml").replace("${GEWE_TOKEN}", OLD_SNIPPET);
        assertRefusedAtStart(() -> springXml(old), "the GeWe token is the name of an environment variable");
    }

    private static void assertRefusedAtStart(org.junit.jupiter.api.function.Executable start, String said) {
        Exception e = assertThrows(Exception.class, start);
        assertTrue(messages(e).contains(said), messages(e));
        assertEquals(0, gewe.totalCount(), "nothing reached GeWe");
    }

    private void sendAndCheck(CamelContext camel) {
        camel.createProducerTemplate().sendBody("direct:live", "hello from " + camel.getName());
        RecordedRequest sent = gewe.lastRequest();
        assertNotNull(sent, "GeWe received the message");
        assertEquals(token, sent.header("X-GEWE-TOKEN"), "the environment's token was sent");
        assertEquals(appId, sent.field("appId").asText());
        assertEquals(1, gewe.sentCount(), "GeWe accepted it: the token is the one it knows");
    }

    /** Camel Main with the snippet as its application.properties. */
    private CamelContext camelMain(String properties) throws Exception {
        Path file = dir.resolve("application.properties");
        Files.writeString(file, local(properties), StandardCharsets.UTF_8);
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("file:" + file);
        main.configure().addRoutesBuilder(route());
        running = main::stop;
        main.start();
        return main.getCamelContext();
    }

    /** The snippet as a YAML routes file, with the test's route. */
    private CamelContext yaml(String routes) throws Exception {
        DefaultCamelContext camel = new DefaultCamelContext();
        running = camel;
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString("going-live.yaml", local(routes)));
        camel.addRoutes(route());
        camel.start();
        return camel;
    }

    /** The snippet in a Spring XML file, with the test's route in a camelContext. */
    private CamelContext springXml(String beans) {
        String xml = """
                <beans xmlns="http://www.springframework.org/schema/beans"
                       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                       xmlns:context="http://www.springframework.org/schema/context"
                       xsi:schemaLocation="
                         http://www.springframework.org/schema/beans https://www.springframework.org/schema/beans/spring-beans.xsd
                         http://www.springframework.org/schema/context https://www.springframework.org/schema/context/spring-context.xsd
                         http://camel.apache.org/schema/spring https://camel.apache.org/schema/spring/camel-spring.xsd">
                %s
                  <camelContext id="going-live" xmlns="http://camel.apache.org/schema/spring">
                    <route><from uri="direct:live"/><to uri="gewe:postText?toWxid=wxid_live"/></route>
                  </camelContext>
                </beans>
                """.formatted(local(beans));
        GenericXmlApplicationContext spring = new GenericXmlApplicationContext();
        running = spring;
        spring.load(new ByteArrayResource(xml.getBytes(StandardCharsets.UTF_8), "going-live.xml"));
        spring.refresh();
        return spring.getBean(CamelContext.class);
    }

    private static RouteBuilder route() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:live").to("gewe:postText?toWxid=wxid_live");
            }
        };
    }

    /** The snippet pointed at the simulator: tests talk to 127.0.0.1 only. */
    private static String local(String snippet) {
        assertTrue(snippet.contains(CLOUD), "the snippet names the cloud's base URL");
        return snippet.replace(CLOUD, gewe.baseUrl());
    }

    /** The fenced block after {@code <!-- going-live:NAME -->} in the README. */
    static String snippet(String name) {
        String readme;
        try {
            readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String marker = "<!-- going-live:" + name + " -->";
        int at = readme.indexOf(marker);
        assertTrue(at >= 0, "README.md has " + marker);
        int open = readme.indexOf("```", at);
        int start = readme.indexOf('\n', open) + 1;
        int end = readme.indexOf("```", start);
        return readme.substring(start, end);
    }

    private static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getMessage()).append(" | ");
        }
        return sb.toString();
    }
}
