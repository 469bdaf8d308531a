package io.camelgewe.gewe;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.camelgewe.gewe.errors.GeweDelivery;
import io.camelgewe.gewe.errors.GeweResponseException;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * fetch=true fetches only from where GeWe puts files. A fake GeWe ({@link HostileServer}) answers downloads with a
 * fileUrl of the test's choosing; a second server on another port of 127.0.0.1 stands for an internal service that
 * must never be reached through one.
 */
class GeweDownloadOriginsTest extends HostileServerTestSupport {

    private static final byte[] IMAGE = "not really a png".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SECRET = "internal service".getBytes(StandardCharsets.US_ASCII);

    private static HostileServer internal;

    @TempDir
    static Path spool;

    @TempDir
    static Path inbox;

    @BeforeAll
    static void startInternalService() throws Exception {
        internal = HostileServer.start();
        server.on("/files/a.png", HostileServer.file(null, IMAGE));
        internal.on("/internal/secret", HostileServer.file("secret.txt", SECRET));
        internal.on("/dl/files/b.png", HostileServer.file(null, IMAGE));
    }

    @AfterAll
    static void stopInternalService() {
        internal.close();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        String fetch = "?fetch=true&fetchDirectory=" + spool.toAbsolutePath();
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the spooled body lives as long as the exchange: read it inside the route
                from("direct:image").to("gewe:downloadImage" + fetch).convertBodyTo(byte[].class);
                from("direct:allowed").to("gewe:downloadImage" + fetch + "&downloadHosts=files.example, 127.0.0.1:"
                                          + internal.port()).convertBodyTo(byte[].class);
                from("direct:selfHosted").to("gewe:downloadImage" + fetch + "&downloadBaseUrl=http://127.0.0.1:"
                                             + internal.port() + "/dl").convertBodyTo(byte[].class);
                from("direct:toFile").to("gewe:downloadFile" + fetch).to("file:" + inbox.toAbsolutePath());
            }
        };
    }

    /** GeWe's answer to downloadImage (and downloadFile) names this fileUrl. */
    private static void gewesFileUrl(String fileUrl) {
        var answer = HostileServer.envelope("{\"fileUrl\":\"" + fileUrl + "\"}");
        server.onOperation("message/downloadImage", answer);
        server.onOperation("message/downloadFile", answer);
    }

    private Exchange download(String route) {
        return template.send(route, e -> e.getMessage().setBody("<msg><img/></msg>"));
    }

    @Test
    void aFileUrlAnywhereButWhereGeweKeepsFilesIsRefusedAndNothingIsFetched() throws Exception {
        String other = "127.0.0.1:" + internal.port();
        for (String fileUrl : List.of(
                "http://" + other + "/internal/secret?sig=s3cr3t",
                "ftp://" + other + "/internal/secret",
                "gopher://" + other + "/internal/secret",
                "//" + other + "/internal/secret",
                "http://127.0.0.1:" + server.port() + "@" + other + "/internal/secret",
                "http://wxapp.tc.qq.com:" + internal.port() + "/internal/secret",
                "file:///etc/passwd")) {
            gewesFileUrl(fileUrl);
            Exchange out = download("direct:image");
            GeweResponseException e = assertInstanceOf(GeweResponseException.class, out.getException(), fileUrl);
            assertEquals(GeweDelivery.NOT_SENT, e.getDelivery(), fileUrl);
            assertTrue(e.getMessage().contains("was refused, nothing was fetched"), e.getMessage());
            assertFalse(e.getMessage().contains("s3cr3t"), "the query may carry a signature: " + e.getMessage());
            assertNull(out.getMessage().getHeader(Exchange.FILE_NAME), fileUrl);
        }
        assertEquals(0, internal.count("/internal/secret"), "the internal service was reached: " + internal.requests());
        assertEquals(List.of(), files(spool));
        gewesFileUrl("http://" + other + "/internal/secret?sig=s3cr3t");
        String message = download("direct:image").getException().getMessage();
        assertTrue(message.contains("http://" + other + "/internal/secret was refused"), message);
        assertTrue(message.contains("add it to downloadHosts"), message);
    }

    @Test
    void aRedirectIsNotFollowedToAnotherHost() {
        server.on("/files/moved.png", HostileServer.redirect(internal.url("/internal/secret?sig=s3cr3t")));
        gewesFileUrl(server.url("/files/moved.png"));
        Exchange out = download("direct:image");
        GeweResponseException e = assertInstanceOf(GeweResponseException.class, out.getException());
        assertEquals(GeweDelivery.NOT_SENT, e.getDelivery());
        assertTrue(e.getMessage().contains("redirects are not followed"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
        assertEquals(0, internal.count("/internal/secret"), "the redirect was followed: " + internal.requests());
    }

    @Test
    void filesOnTheBaseUrlsHostRelativeOrAbsoluteAndOnDownloadHostsAreFetched() throws Exception {
        gewesFileUrl("/files/a.png");
        assertFetched(download("direct:image"), "a.png");
        gewesFileUrl(server.url("/files/a.png?sig=1"));
        assertFetched(download("direct:image"), "a.png");
        gewesFileUrl(internal.url("/dl/files/b.png"));
        assertFetched(download("direct:allowed"), "b.png");
        // a self-hosted gateway answers with paths under its own download port
        gewesFileUrl("files/b.png");
        assertFetched(download("direct:selfHosted"), "b.png");
    }

    private static void assertFetched(Exchange out, String name) throws Exception {
        assertNull(out.getException());
        assertEquals(name, out.getMessage().getHeader(Exchange.FILE_NAME));
        assertArrayEquals(IMAGE, out.getMessage().getBody(byte[].class));
    }

    @Test
    void aDownloadHostsEntryThatIsNoHostFailsTheEndpointNamingIt() {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("gewe:downloadImage?fetch=true&downloadHosts=http://files.example/"));
        assertTrue(e.getMessage().contains("downloadHosts entry 'http://files.example/'"), e.getMessage());
        e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("gewe:downloadImage?fetch=true&downloadBaseUrl=ftp://files.example/"));
        assertTrue(e.getMessage().contains("downloadBaseUrl 'ftp://files.example/'"), e.getMessage());
    }

    @Test
    void aFileNameTooLongForTheFileSystemIsShortenedKeepingItsExtension() throws Exception {
        String ascii = "a".repeat(5000) + ".pdf";
        server.on("/files/long", HostileServer.file(ascii, IMAGE));
        gewesFileUrl(server.url("/files/long"));
        assertWrittenByFileStep(download("direct:toFile"));

        // 3 bytes a character in UTF-8: 300 characters are 900 bytes
        String cjk = "报".repeat(300) + ".pdf";
        server.on("/files/" + cjk, HostileServer.file(null, IMAGE));
        gewesFileUrl(server.url("/files/" + URLEncoder.encode(cjk, StandardCharsets.UTF_8)));
        assertWrittenByFileStep(download("direct:toFile"));
    }

    private static void assertWrittenByFileStep(Exchange out) throws Exception {
        assertNull(out.getException(), () -> "the file: step failed: " + out.getException());
        String name = out.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        assertTrue(name.endsWith(".pdf"), name);
        assertTrue(name.length() <= 200, name.length() + " characters");
        assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 255, name.getBytes(StandardCharsets.UTF_8).length
                                                                         + " bytes");
        assertArrayEquals(IMAGE, Files.readAllBytes(inbox.resolve(name)));
    }

    private static List<Path> files(Path dir) throws Exception {
        try (var list = Files.list(dir)) {
            return list.toList();
        }
    }
}
