package io.camelgewe.gewe;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

import io.camelgewe.gewe.errors.GeweApiException;
import io.camelgewe.gewe.errors.GeweDelivery;
import io.camelgewe.gewe.errors.GeweException;
import io.camelgewe.gewe.simulator.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.WrappedFile;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Media: downloads fetched as streams, image type fallback, and reuse of WeChat's CDN copies. */
class GeweMediaTest extends GeweTestSupport {

    private static final String VIDEO_XML = "<?xml version=\"1.0\"?><msg><videomsg aeskey=\"k\" length=\"9\" /></msg>";
    private static final String IMAGE_XML = "<?xml version=\"1.0\"?><msg><img aeskey=\"k\" length=\"9\" /></msg>";

    private volatile String streamDigest;
    private volatile WrappedFile<?> spooled;

    @TempDir
    static Path inbox;
    @TempDir
    static Path spool;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:video").to("gewe:downloadVideo?fetch=true&fetchDirectory=" + spool)
                        .to("file:" + inbox);
                // camel-file moves the spooled file into place (GeweFetchedFileMoveTest); a step that reads the stream
                // first sees the same bytes
                from("direct:videoAsFile").to("gewe:downloadVideo?fetch=true&fetchDirectory=" + spool)
                        .process(e -> {
                            Object body = e.getMessage().getBody();
                            spooled = assertInstanceOf(WrappedFile.class, body);
                            assertEquals(Files.size(((File) spooled.getFile()).toPath()), spooled.getFileLength());
                            streamDigest = sha256(e.getMessage().getBody(InputStream.class));
                        })
                        .to("file:" + inbox + "/as-file");
                from("direct:image").to("gewe:downloadImage");
                from("direct:imageFallback").to("gewe:downloadImage?typeFallback=true");
                from("direct:postImage").to("gewe:postImage?cdnReuse=true");
                from("direct:postVideo").to("gewe:postVideo?cdnReuse=true");
            }
        };
    }

    @Test
    void aFetchedDownloadStreamsToDiskWithItsNameAndTypeAndLeavesNoSpool() throws Exception {
        simulator.setDownloadSize(3 * 1024 * 1024 + 17);
        Exchange out = template.send("direct:video", e -> e.getMessage().setBody(VIDEO_XML));
        assertNull(out.getException());
        String name = out.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        assertTrue(name.endsWith(".mp4"), name);
        assertEquals("video/mp4", out.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class));
        assertEquals(3L * 1024 * 1024 + 17, Files.size(inbox.resolve(name)));
        assertTrue(out.getMessage().getHeader(GeweConstants.FILE_URL, String.class).contains(name));
        try (Stream<Path> left = Files.list(spool)) {
            assertEquals(0, left.count(), "the spooled copy is deleted when the exchange completes");
        }
    }

    @Test
    void theFetchedBodyIsAlsoTheSpooledFileWhichCamelFileCopiesWithTheSameBytesAsTheStream() throws Exception {
        simulator.setDownloadSize(1024 * 1024 + 5);
        Exchange out = template.send("direct:videoAsFile", e -> e.getMessage().setBody(VIDEO_XML));
        assertNull(out.getException());
        assertEquals(1024L * 1024 + 5, spooled.getFileLength());
        Path written = inbox.resolve("as-file").resolve(out.getMessage().getHeader(Exchange.FILE_NAME, String.class));
        assertEquals(1024L * 1024 + 5, Files.size(written));
        try (InputStream in = Files.newInputStream(written)) {
            assertEquals(streamDigest, sha256(in));
        }
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        in.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), digest));
        return HexFormat.of().formatHex(digest.digest());
    }

    @Test
    void aMissingImageTypeFailsWithoutFallbackAndIsFoundWithIt() {
        simulator.setImageTypesAvailable(3);
        try {
            Exchange plain = template.send("direct:image", e -> e.getMessage().setBody(IMAGE_XML));
            GeweApiException e = assertInstanceOf(GeweApiException.class, plain.getException());
            assertEquals("下载图片失败", e.getMsg());

            simulator.clearRequests();
            Exchange out = template.send("direct:imageFallback", ex -> ex.getMessage().setBody(IMAGE_XML));
            assertNull(out.getException());
            assertEquals(3, out.getMessage().getHeader(GeweConstants.IMAGE_TYPE));
            assertEquals("[2, 1, 3]", simulator.requests("downloadImage").stream()
                    .map(r -> r.field("type").asInt()).toList().toString(), "normal first, then HD, then thumbnail");
        } finally {
            simulator.setImageTypesAvailable(1, 2, 3);
        }
    }

    @Test
    void theSameImageUrlIsForwardedFromTheCdnTheSecondTime() {
        simulator.addAccount("wx_other");
        Map<String, Object> body = Map.of("toWxid", "wxid_a", "imgUrl", "http://media.example/logo.png");
        Exchange first = template.send("direct:postImage", e -> e.getMessage().setBody(body));
        assertEquals(Boolean.FALSE, first.getMessage().getHeader(GeweConstants.CDN_REUSED));
        Exchange second = template.send("direct:postImage", e -> e.getMessage().setBody(
                Map.of("toWxid", "wxid_b", "imgUrl", "http://media.example/logo.png")));
        assertEquals(Boolean.TRUE, second.getMessage().getHeader(GeweConstants.CDN_REUSED));
        assertEquals(1, simulator.requests("postImage").size());
        assertEquals(1, simulator.requests("forwardImage").size());
        String xml = simulator.lastRequest().field("xml").asText();
        String aesKey = first.getMessage().getBody(io.camelgewe.gewe.model.ImageSendResult.class).getAesKey();
        assertTrue(xml.contains(aesKey), xml);
        assertEquals("wxid_b", simulator.lastRequest().field("toWxid").asText());

        // another account has no CDN copy of its own yet
        template.send("direct:postImage", e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeader(GeweConstants.APP_ID, "wx_other");
        });
        assertEquals(2, simulator.requests("postImage").size());
    }

    @Test
    void aRefusedForwardFallsBackToTheFullSendButAnUnknownOneDoesNot() {
        Map<String, Object> body = Map.of("toWxid", "wxid_a", "imgUrl", "http://media.example/banner.png");
        template.send("direct:postImage", e -> e.getMessage().setBody(body));

        simulator.failNext(Fault.RET_500);
        Exchange refused = template.send("direct:postImage", e -> e.getMessage().setBody(body));
        assertNull(refused.getException());
        assertEquals(Boolean.FALSE, refused.getMessage().getHeader(GeweConstants.CDN_REUSED));
        assertEquals(2, simulator.requests("postImage").size(), "refused forward, then the full send");

        simulator.failNext(Fault.DROP_CONNECTION);
        Exchange unknown = template.send("direct:postImage", e -> e.getMessage().setBody(body));
        GeweException e = assertInstanceOf(GeweException.class, unknown.getException());
        assertEquals(GeweDelivery.UNKNOWN, e.getDelivery());
        assertEquals(2, simulator.requests("postImage").size(), "no full send after a forward that may have arrived");
    }

    @Test
    void reusingTheCdnCopySkipsTheUploadTime() {
        // GeWe downloads and uploads the media of a send: 4 MB at 20 MB/s is 200 ms; a forward uploads nothing
        simulator.setMediaUploadRate(20_000_000);
        try {
            Map<String, Object> body = Map.of("toWxid", "wxid_a", "videoUrl", "http://media.example/clip.mp4?size=4000000",
                    "thumbUrl", "http://media.example/clip.jpg", "videoDuration", 8);
            long t0 = System.nanoTime();
            template.send("direct:postVideo", e -> e.getMessage().setBody(body));
            long firstMs = (System.nanoTime() - t0) / 1_000_000;
            t0 = System.nanoTime();
            Exchange again = template.send("direct:postVideo", e -> e.getMessage().setBody(body));
            long againMs = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(Boolean.TRUE, again.getMessage().getHeader(GeweConstants.CDN_REUSED));
            assertTrue(simulator.lastRequest().field("xml").asText().contains("playlength=\"8\""));
            System.out.printf("CDN reuse: first postVideo of 4 MB %d ms, the same URL again (forwardVideo) %d ms%n",
                    firstMs, againMs);
            assertTrue(firstMs >= 200, "the first send carries the modelled upload: " + firstMs + " ms");
        } finally {
            simulator.setMediaUploadRate(0);
        }
    }

    @Test
    void featureOptionsOnOperationsThatCannotUseThemAreRefused() {
        for (String uri : new String[] { "gewe:postText?fetch=true", "gewe:downloadVideo?typeFallback=true",
                                         "gewe:postText?cdnReuse=true" }) {
            Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> context.getEndpoint(uri));
            assertTrue(GeweEndpointTest.rootMessage(e).contains("only"), GeweEndpointTest.rootMessage(e));
        }
    }
}
