package io.camelgewe.gewe.client;

import java.net.URI;

import org.apache.hc.core5.http.message.BasicHeader;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void aNameTooLongForAFileSystemIsCutToWholeCharactersKeepingItsExtension() {
        // 4 bytes each in UTF-8 (a surrogate pair in Java): 255 bytes hold 62 of them and ".jpg"
        String emoji = "\uD83D\uDE00".repeat(100) + ".jpg";
        String cut = FileResponseConsumer.safeName(emoji);
        assertTrue(cut.endsWith(".jpg"), cut);
        assertTrue(cut.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 255, cut);
        assertEquals(cut.codePointCount(0, cut.length()), (cut.length() - 4) / 2 + 4, "no surrogate pair split");
        assertEquals(200, FileResponseConsumer.safeName("a".repeat(300)).length());
        assertEquals("a".repeat(196) + ".pdf", FileResponseConsumer.safeName("a".repeat(5000) + ".pdf"));
        // a suffix too long to be an extension is cut with the rest
        assertEquals(200, FileResponseConsumer.safeName("a." + "b".repeat(400)).length());
        assertEquals("short.txt", FileResponseConsumer.safeName("short.txt"));
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
