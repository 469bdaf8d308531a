package io.camelgewe.gewe.client;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.camelgewe.gewe.spi.FetchedFile;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpResponse;

/**
 * Writes a download to a temporary file as its bytes arrive, so that a file of any size passes with a small, fixed
 * amount of memory. A status other than 2xx fails the download; a download that does not complete (failed,
 * cancelled at its deadline) leaves no partial file behind.
 */
final class FileResponseConsumer extends AbstractBinResponseConsumer<FetchedFile> {

    private static final int CHUNK = 64 * 1024;

    /** The longest name given to a file, in characters: what {@code file:} and most tools handle well. */
    static final int MAX_NAME_CHARS = 200;

    /** The longest name given to a file, in UTF-8 bytes: ext4, XFS, NTFS and APFS stop at 255. */
    static final int MAX_NAME_BYTES = 255;

    /** A suffix longer than this after the last dot is not kept as an extension when a name is shortened. */
    private static final int MAX_EXTENSION_CHARS = 16;

    private final URI uri;
    private final Path directory;
    private Path file;
    private FileChannel channel;
    private String contentType;
    private String fileName;
    private long length;
    private boolean complete;

    FileResponseConsumer(URI uri, Path directory) {
        this.uri = uri;
        this.directory = directory;
    }

    @Override
    protected void start(HttpResponse response, ContentType type) throws HttpException, IOException {
        if (response.getCode() >= 300 && response.getCode() < 400) {
            Header location = response.getFirstHeader("Location");
            throw new HttpException("the file host answered HTTP " + response.getCode() + " for " + shownUri()
                                    + ", a redirect" + (location == null ? "" : " to "
                                            + DownloadPolicy.shown(location.getValue()))
                                    + ": redirects are not followed, nothing was fetched");
        }
        if (response.getCode() < 200 || response.getCode() > 299) {
            throw new HttpException("the file host answered HTTP " + response.getCode() + " for " + shownUri());
        }
        contentType = type == null ? null : type.toString();
        fileName = safeName(dispositionName(response.getFirstHeader("Content-Disposition")));
        if (fileName == null) {
            fileName = safeName(GeweRequestBuilder.fileNameOf(uri.getRawPath()));
        }
        if (fileName == null) {
            fileName = "gewe-download";
        }
        Files.createDirectories(directory);
        file = Files.createTempFile(directory, "gewe-", ".download");
        channel = FileChannel.open(file, StandardOpenOption.WRITE);
    }

    @Override
    protected int capacityIncrement() {
        return CHUNK;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
        while (src.hasRemaining()) {
            length += channel.write(src);
        }
        if (endOfStream) {
            channel.close();
        }
    }

    @Override
    protected FetchedFile buildResult() {
        complete = true;
        return new FetchedFile(file, fileName, contentType, length);
    }

    @Override
    public void failed(Exception cause) {
        releaseResources();
    }

    /** Also what HttpClient calls when the exchange is cancelled: a file that did not complete goes. */
    @Override
    public void releaseResources() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing after a failure: nothing more to save
            }
        }
        if (file != null && !complete) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file; the directory is the user's to clean
            }
        }
    }

    private String shownUri() {
        return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
    }

    /**
     * A name that is safe as a file name in the folder a route writes to ({@code to("file:inbox")} uses it as it is):
     * only its last segment, never {@code .} or {@code ..}, no control characters, at most {@link #MAX_NAME_CHARS}
     * characters and {@link #MAX_NAME_BYTES} UTF-8 bytes. Null when nothing is left.
     */
    static String safeName(String name) {
        if (name == null) {
            return null;
        }
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder sb = new StringBuilder(last.length());
        for (int i = 0; i < last.length(); i++) {
            char c = last.charAt(i);
            sb.append(Character.isISOControl(c) || c == ':' ? '_' : c);
        }
        String safe = capped(sb.toString().strip());
        return safe.isEmpty() || safe.equals(".") || safe.equals("..") ? null : safe;
    }

    /** The name shortened to fit a file system, the extension kept; whole code points only. */
    static String capped(String name) {
        if (name.length() <= MAX_NAME_CHARS && utf8Length(name) <= MAX_NAME_BYTES) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= MAX_EXTENSION_CHARS + 1 ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - extension.length());
        int chars = MAX_NAME_CHARS - extension.length();
        int bytes = MAX_NAME_BYTES - utf8Length(extension);
        int end = 0;
        while (end < stem.length()) {
            int cp = stem.codePointAt(end);
            int n = Character.charCount(cp);
            int b = utf8Length(cp);
            if (end + n > chars || b > bytes) {
                break;
            }
            end += n;
            bytes -= b;
        }
        String kept = stem.substring(0, end).strip();
        return (kept.isEmpty() ? "gewe-download" : kept) + extension;
    }

    private static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
            n += utf8Length(s.codePointAt(i));
        }
        return n;
    }

    private static int utf8Length(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }

    /** The file name of a {@code Content-Disposition: attachment; filename="a.pdf"} header, or null. */
    static String dispositionName(Header header) {
        if (header == null) {
            return null;
        }
        for (String part : header.getValue().split(";")) {
            String p = part.trim();
            if (p.regionMatches(true, 0, "filename=", 0, 9)) {
                String name = p.substring(9).trim();
                if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                    name = name.substring(1, name.length() - 1);
                }
                return name.isEmpty() ? null : name;
            }
        }
        return null;
    }
}
