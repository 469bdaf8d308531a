package io.camelgewe.gewe;

import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.camelgewe.gewe.callback.GeweCallbackTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The token, and the callback secret, are secrets everywhere the component has a say. Runs after the unit suite
 * (failsafe): that suite logged everything at DEBUG to target/test.log, every token it used carries
 * {@link GeweTestSupport#TOKEN_MARK}, and the secrets of the tests about secrets carry
 * {@link GeweTestSupport#SECRET_MARK}. This class also puts a token in an endpoint URI, gives a callback secret to the
 * component (where the README says to put it) and pushes with it, right and wrong, and reads every Camel MBean
 * attribute. Where Camel itself shows them (a URI's TRACE, route dumps, property files at DEBUG) is
 * {@link SecretExposureIT}'s.
 */
class TokenLeakIT extends GeweCallbackTestSupport {

    private static final String SECRET = "p@ss " + SECRET_MARK;

    @Override
    protected void configure(GeweComponent gewe) {
        gewe.getConfiguration().setSecret(SECRET);
    }

    @Override
    protected boolean useJmx() {
        return true;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the worst case: the token written into the URI of a route
                from("direct:uri").to("gewe:postText?token=" + simulator.token());
                from("gewe:callback").to("mock:pushes");
            }
        };
    }

    @Test
    void theDebugLogOfTheWholeSuiteNeverShowsAToken() throws Exception {
        checkLog(Path.of("target", "test.log"));
    }

    @org.junit.jupiter.api.AfterAll
    static void theseTestsLoggedNoTokenEither() throws Exception {
        checkLog(Path.of("target", "it.log"));
    }

    private static void checkLog(Path log) throws Exception {
        assertTrue(Files.exists(log), "the suite's debug log is at " + log.toAbsolutePath());
        List<String> leaks = new ArrayList<>();
        long lines = 0;
        try (BufferedReader r = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null;) {
                lines++;
                if ((line.contains(TOKEN_MARK) || line.contains(SECRET_MARK)) && leaks.size() < 10) {
                    leaks.add(line.length() > 300 ? line.substring(0, 300) + "..." : line);
                }
            }
        }
        assertTrue(lines > 100, "the suite logged at DEBUG (" + lines + " lines in " + log + ")");
        assertTrue(leaks.isEmpty(), "a token or a secret appears in the log:\n" + String.join("\n", leaks));
    }

    @Test
    void noMBeanAttributeEndpointUriOrExceptionShowsTheToken() throws Exception {
        Exchange ok = template.send("direct:uri", e -> e.getMessage().setBody(Map.of("toWxid", "wxid_a", "content", "x")));
        assertTrue(ok.getException() == null, String.valueOf(ok.getException()));
        simulator.setOnline(simulator.appId(), false);
        Exchange failed = template.send("direct:uri", e -> e.getMessage().setBody(Map.of("toWxid", "wxid_a", "content", "x")));
        simulator.setOnline(simulator.appId(), true);
        assertFalse(String.valueOf(failed.getException()).contains(TOKEN_MARK));

        // pushes carrying the secret in the query and in the header, a wrong one, none: answered, nothing shows it
        String encoded = java.net.URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
        assertEquals(200, post("/gewe/callback?secret=" + encoded, fixture("text")).statusCode());
        assertEquals(200, post("/gewe/callback", fixture("image"), "X-Gewe-Secret", SECRET).statusCode());
        assertEquals(403, post("/gewe/callback?secret=" + encoded + "x", fixture("text")).statusCode());
        assertEquals(401, post("/gewe/callback", fixture("text")).statusCode());
        getMockEndpoint("mock:pushes").expectedMessageCount(2);
        getMockEndpoint("mock:pushes").assertIsSatisfied();
        getMockEndpoint("mock:pushes").getReceivedExchanges().forEach(x -> assertFalse(
                x.getMessage().getHeaders().toString().contains(SECRET_MARK), "the route sees the secret"));

        for (org.apache.camel.Endpoint e : context.getEndpoints()) {
            assertFalse(e.toString().contains(TOKEN_MARK) || e.toString().contains(SECRET_MARK), e.toString());
        }
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = server.queryNames(new ObjectName("org.apache.camel:*"), null);
        assertTrue(names.size() > 5, "Camel's MBeans are registered: " + names.size());
        List<String> leaks = new ArrayList<>();
        for (ObjectName name : names) {
            if (name.toString().contains(TOKEN_MARK) || name.toString().contains(SECRET_MARK)) {
                leaks.add("name " + name);
            }
            for (MBeanAttributeInfo a : server.getMBeanInfo(name).getAttributes()) {
                Object value;
                try {
                    value = server.getAttribute(name, a.getName());
                } catch (Exception | LinkageError unreadable) {
                    continue;
                }
                String text = value == null ? "" : deepString(value);
                if (text.contains(TOKEN_MARK) || text.contains(SECRET_MARK)) {
                    leaks.add(name + " " + a.getName());
                }
            }
        }
        assertTrue(leaks.isEmpty(), "MBean attributes showing the token or the secret: " + leaks);
    }

    /** An attribute's value as text, arrays and tables included (SecretExposureIT reads MBeans the same way). */
    static String deepString(Object value) {
        if (value instanceof Object[]) {
            return java.util.Arrays.deepToString((Object[]) value);
        }
        if (value instanceof javax.management.openmbean.TabularData) {
            return ((javax.management.openmbean.TabularData) value).values().toString();
        }
        return value.toString();
    }
}
