package io.camelgewe.gewe;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;

import org.apache.camel.Exchange;
import org.apache.camel.WrappedFile;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * fetch=true then {@code file:}: the spooled download is moved into place, not copied a second time, and every later
 * reader (a second {@code file:} of a multicast, a step after {@code file:}) still gets every byte.
 */
class GeweFetchedFileMoveTest extends GeweTestSupport {

    private static final String VIDEO_XML = "<?xml version=\"1.0\"?><msg><videomsg aeskey=\"k\" length=\"9\" /></msg>";
    private static final int SIZE = 2 * 1024 * 1024 + 3;

    @TempDir
    static Path out;
    @TempDir
    static Path spool;

    @Override
    protected RouteBuilder createRouteBuilder() {
        String fetch = "gewe:downloadVideo?fetch=true&fetchDirectory=" + spool;
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:toFile").to(fetch)
                        .process(e -> e.setProperty("spooledInode", inode(e)))
                        .to("file:" + out + "/one")
                        .process(e -> e.setProperty("readAfter", sha256(e.getMessage().getBody(InputStream.class))))
                        .process(e -> e.setProperty("bytesAfter", e.getMessage().getBody(byte[].class).length));
                from("direct:multicast").to(fetch)
                        .multicast().to("file:" + out + "/first", "file:" + out + "/second").end()
                        .process(e -> e.setProperty("readAfter", sha256(e.getMessage().getBody(InputStream.class))));
                from("direct:parallel").to(fetch)
                        .multicast().parallelProcessing().to("file:" + out + "/p1", "file:" + out + "/p2").end();
                from("direct:fails").to(fetch)
                        .process(e -> {
                            throw new IllegalStateException("the route fails after the fetch");
                        });
            }
        };
    }

    @AfterEach
    void noSpoolLeft() throws Exception {
        try (Stream<Path> left = Files.list(spool)) {
            assertEquals(0, left.count(), "the spooled file is moved or deleted when the exchange completes");
        }
    }

    @Test
    void fileMovesTheSpooledDownloadIntoPlaceAndTheBodyStillReadsAfterwards() throws Exception {
        simulator.setDownloadSize(SIZE);
        Exchange done = template.send("direct:toFile", e -> e.getMessage().setBody(VIDEO_XML));
        assertNull(done.getException());
        Path written = out.resolve("one").resolve(done.getMessage().getHeader(Exchange.FILE_NAME, String.class));
        assertEquals(SIZE, Files.size(written));
        assertEquals(done.getProperty("spooledInode"), Files.getAttribute(written, "unix:ino"),
                "the file written is the spooled file itself, renamed, not a second copy");
        assertEquals(sha256(written), done.getProperty("readAfter"), "a step after file: reads the same bytes");
        assertEquals(SIZE, done.getProperty("bytesAfter"));
    }

    @Test
    void aMulticastToTwoFileEndpointsWritesBothInFull() throws Exception {
        Exchange done = multicast("direct:multicast", "first", "second");
        assertEquals(sha256(out.resolve("first").resolve(done.getMessage().getHeader(Exchange.FILE_NAME, String.class))),
                done.getProperty("readAfter"), "a step after the multicast reads the same bytes");
    }

    @Test
    void aParallelMulticastToTwoFileEndpointsWritesBothInFull() throws Exception {
        multicast("direct:parallel", "p1", "p2");
    }

    /** Sends a download through a multicast to two file folders; both hold the whole file, the same bytes. */
    private Exchange multicast(String route, String one, String other) throws Exception {
        simulator.setDownloadSize(SIZE);
        Exchange done = template.send(route, e -> e.getMessage().setBody(VIDEO_XML));
        assertNull(done.getException());
        String name = done.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        Path first = out.resolve(one).resolve(name);
        Path second = out.resolve(other).resolve(name);
        assertEquals(SIZE, Files.size(first));
        assertEquals(SIZE, Files.size(second));
        assertEquals(sha256(first), sha256(second));
        return done;
    }

    @Test
    void aRouteThatFailsAfterTheFetchLeavesNoSpooledFile() {
        simulator.setDownloadSize(SIZE);
        Exchange done = template.send("direct:fails", e -> e.getMessage().setBody(VIDEO_XML));
        assertNotNull(done.getException());
    }

    private static Object inode(Exchange e) throws Exception {
        java.io.File spooled = (java.io.File) e.getMessage().getBody(WrappedFile.class).getFile();
        return Files.getAttribute(spooled.toPath(), "unix:ino");
    }

    private static String sha256(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        }
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        in.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), digest));
        return HexFormat.of().formatHex(digest.digest());
    }
}
