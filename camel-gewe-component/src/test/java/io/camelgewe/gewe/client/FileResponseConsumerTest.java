package io.camelgewe.gewe.client;

import java.net.URI;

import org.apache.hc.core5.http.message.BasicHeader;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The name a fetched download is given is a file name, never a path: a route writes it into a folder as it is. */
class FileResponseConsumerTest {

    private static String fromUrl(String url) {
        return FileResponseConsumer.safeName(GeweRequestBuilder.fileNameOf(URI.create(url).getRawPath()));
    }

    @Test
    void encodedSlashesAndDotsInTheUrlCannotClimbOutOfTheFolder() {
        assertEquals("x.png", fromUrl("http://files.example/dl/a%2F..%2F..%2Fx.png"));
        assertEquals("x.png", fromUrl("http://files.example/dl/a%252F..%252F..%252Fx.png".replace("%25", "%")));
        assertEquals("evil", fromUrl("http://files.example/dl/..%5C..%5Cevil"));
        assertEquals("Q3 report.pdf", fromUrl("http://files.example/dl/Q3%20report.pdf?sig=1"));
        assertNull(fromUrl("http://files.example/dl/.."));
        assertNull(fromUrl("http://files.example/dl/%2E%2E"));
    }

    @Test
    void aContentDispositionNameLosesItsPathAndControlCharacters() {
        assertEquals("passwd", FileResponseConsumer.safeName(FileResponseConsumer.dispositionName(
                new BasicHeader("Content-Disposition", "attachment; filename=\"../../etc/passwd\""))));
        assertEquals("a_b.txt", FileResponseConsumer.safeName("a\nb.txt"));
        assertEquals("c_x.txt", FileResponseConsumer.safeName("c:x.txt"));
        assertNull(FileResponseConsumer.safeName(".."));
        assertNull(FileResponseConsumer.safeName("dir/"));
    }
}
