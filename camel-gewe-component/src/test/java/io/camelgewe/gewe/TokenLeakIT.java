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

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The token is a secret everywhere. Runs after the unit suite (failsafe): that suite logged everything at DEBUG to
 * target/test.log, and every token it used carries {@link GeweTestSupport#TOKEN_MARK}. This class also puts a token in
 * an endpoint URI and reads every Camel MBean attribute.
 */
class TokenLeakIT extends GeweTestSupport {

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
                if (line.contains(TOKEN_MARK) && leaks.size() < 10) {
                    leaks.add(line.length() > 300 ? line.substring(0, 300) + "..." : line);
                }
            }
        }
        assertTrue(lines > 100, "the suite logged at DEBUG (" + lines + " lines in " + log + ")");
        assertTrue(leaks.isEmpty(), "the token appears in the log:\n" + String.join("\n", leaks));
    }

    @Test
    void noMBeanAttributeEndpointUriOrExceptionShowsTheToken() throws Exception {
        Exchange ok = template.send("direct:uri", e -> e.getMessage().setBody(Map.of("toWxid", "wxid_a", "content", "x")));
        assertTrue(ok.getException() == null, String.valueOf(ok.getException()));
        simulator.setOnline(simulator.appId(), false);
        Exchange failed = template.send("direct:uri", e -> e.getMessage().setBody(Map.of("toWxid", "wxid_a", "content", "x")));
        simulator.setOnline(simulator.appId(), true);
        assertFalse(String.valueOf(failed.getException()).contains(TOKEN_MARK));

        for (org.apache.camel.Endpoint e : context.getEndpoints()) {
            assertFalse(e.toString().contains(TOKEN_MARK), e.toString());
        }
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = server.queryNames(new ObjectName("org.apache.camel:*"), null);
        assertTrue(names.size() > 5, "Camel's MBeans are registered: " + names.size());
        List<String> leaks = new ArrayList<>();
        for (ObjectName name : names) {
            if (name.toString().contains(TOKEN_MARK)) {
                leaks.add("name " + name);
            }
            for (MBeanAttributeInfo a : server.getMBeanInfo(name).getAttributes()) {
                Object value;
                try {
                    value = server.getAttribute(name, a.getName());
                } catch (Exception | LinkageError unreadable) {
                    continue;
                }
                if (value != null && deepString(value).contains(TOKEN_MARK)) {
                    leaks.add(name + " " + a.getName());
                }
            }
        }
        assertTrue(leaks.isEmpty(), "MBean attributes showing the token: " + leaks);
    }

    private static String deepString(Object value) {
        if (value instanceof Object[]) {
            return java.util.Arrays.deepToString((Object[]) value);
        }
        if (value instanceof javax.management.openmbean.TabularData) {
            return ((javax.management.openmbean.TabularData) value).values().toString();
        }
        return value.toString();
    }
}
