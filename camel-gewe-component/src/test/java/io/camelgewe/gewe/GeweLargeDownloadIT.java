package io.camelgewe.gewe;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A download several times larger than this JVM's heap (failsafe runs it with -Xmx64m) goes through
 * {@code gewe:downloadVideo?fetch=true} to a file: the file is never held whole in memory.
 */
class GeweLargeDownloadIT extends GeweTestSupport {

    private static final long SIZE = 256L * 1024 * 1024;

    @TempDir
    static Path inbox;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:video").to("gewe:downloadVideo?fetch=true&responseTimeout=120000").to("file:" + inbox);
            }
        };
    }

    @Test
    void aFileLargerThanTheHeapReachesDisk() throws Exception {
        long heap = Runtime.getRuntime().maxMemory();
        assertTrue(heap < SIZE / 2, "this test needs a small heap (-Xmx64m), has " + heap / (1024 * 1024) + " MiB");
        simulator.setDownloadSize(SIZE);
        long t0 = System.nanoTime();
        Exchange out = template.send("direct:video",
                e -> e.getMessage().setBody("<?xml version=\"1.0\"?><msg><videomsg aeskey=\"k\" length=\"1\" /></msg>"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertNull(out.getException());
        Path file = inbox.resolve(out.getMessage().getHeader(Exchange.FILE_NAME, String.class));
        assertEquals(SIZE, Files.size(file));
        System.out.printf("Fetched %d MiB through a route with a %d MiB heap in %d ms%n", SIZE >> 20, heap >> 20, ms);
    }
}
