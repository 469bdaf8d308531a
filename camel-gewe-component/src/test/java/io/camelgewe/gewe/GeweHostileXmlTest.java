package io.camelgewe.gewe;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * XML with DTDs and external entities in bodies given to download and forward operations: the component passes the
 * XML to GeWe as text and never parses it, so no entity is resolved, no file is read and no request is made.
 */
class GeweHostileXmlTest extends GeweTestSupport {

    @TempDir
    static Path dir;

    private HttpServer canary;
    private final AtomicInteger canaryHits = new AtomicInteger();

    @BeforeEach
    void startCanary() throws Exception {
        canary = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        canary.createContext("/", x -> {
            canaryHits.incrementAndGet();
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        canary.start();
    }

    @AfterEach
    void stopCanary() {
        canary.stop(0);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:download").to("gewe:downloadImage");
                from("direct:forward").to("gewe:forwardImage?toWxid=wxid_a");
                from("direct:revokeFromXml").to("gewe:downloadFile");
            }
        };
    }

    @Test
    void externalEntitiesAndEntityBombsPassAsTextAndResolveNothing() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "file-content-that-must-not-leave");
        String port = String.valueOf(canary.getAddress().getPort());
        String[] hostile = {
            "<?xml version=\"1.0\"?><!DOCTYPE msg [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]><msg><img aeskey=\"&xxe;\"/></msg>",
            "<?xml version=\"1.0\"?><!DOCTYPE msg [<!ENTITY xxe SYSTEM \"http://127.0.0.1:" + port + "/steal\">]><msg>&xxe;</msg>",
            "<?xml version=\"1.0\"?><!DOCTYPE msg SYSTEM \"http://127.0.0.1:" + port + "/dtd\"><msg/>",
            "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
            + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\"><!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">]>"
            + "<msg>&lol4;</msg>",
        };
        for (String xml : hostile) {
            for (String route : new String[] { "direct:download", "direct:forward", "direct:revokeFromXml" }) {
                Exchange out = template.send(route, e -> e.getMessage().setBody(xml));
                assertNull(out.getException(), route + ": " + out.getException());
                String sent = simulator.lastRequest().field("xml").asText();
                assertEquals(xml, sent, "the XML reaches GeWe unchanged, entities unresolved");
                assertFalse(simulator.lastRequest().bodyText().contains("file-content-that-must-not-leave"));
            }
        }
        assertEquals(0, canaryHits.get(), "no request was made for an entity or a DTD");
    }
}
