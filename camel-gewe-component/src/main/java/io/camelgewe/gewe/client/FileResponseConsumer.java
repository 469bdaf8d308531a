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
 * amount of memory. A status other than 2xx fails the download (and removes the partial file).
 */
final class FileResponseConsumer extends AbstractBinResponseConsumer<FetchedFile> {

    private static final int CHUNK = 64 * 1024;

    private final URI uri;
    private final Path directory;
    private Path file;
    private FileChannel channel;
    private String contentType;
    private String fileName;
    private long length;

    FileResponseConsumer(URI uri, Path directory) {
        this.uri = uri;
        this.directory = directory;
    }

    @Override
    protected void start(HttpResponse response, ContentType type) throws HttpException, IOException {
        if (response.getCode() < 200 || response.getCode() > 299) {
            throw new HttpException("the file host answered HTTP " + response.getCode() + " for "
                                    + uri.getScheme() + "://" + uri.getHost() + uri.getPath());
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
        return new FetchedFile(file, fileName, contentType, length);
    }

    @Override
    public void failed(Exception cause) {
        releaseResources();
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file; the directory is the user's to clean
            }
        }
    }

    @Override
    public void releaseResources() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing after a failure: nothing more to save
            }
        }
    }

    /**
     * A name that is safe as a file name in the folder a route writes to ({@code to("file:inbox")} uses it as it is):
     * only its last segment, never {@code .} or {@code ..}, no control characters. Null when nothing is left.
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
        String safe = sb.toString().strip();
        return safe.isEmpty() || safe.equals(".") || safe.equals("..") ? null : safe;
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
