package io.camelgewe.gewe;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.WrappedFile;

/**
 * The body of a fetched download: a stream over its spooled copy on disk.
 * <p>
 * It is a {@link StreamCache} so that Camel's stream caching never copies it into memory, and so that it can be read
 * again (redelivery, multicast). The spooled file is deleted when the exchange completes, not when the stream is
 * closed: a later step may read it again.
 * <p>
 * It is also a {@link WrappedFile} of the spooled file: camel-file then writes it with a file-to-file copy (done by the
 * kernel) instead of reading it through the JVM, which for a large download costs more than the download itself.
 */
final class SpooledFileStream extends InputStream implements StreamCache, WrappedFile<File> {

    private final Path path;
    private final long length;
    private FileChannel channel;
    private InputStream in;

    SpooledFileStream(Path path) throws IOException {
        this.path = path;
        this.length = Files.size(path);
        open();
    }

    private void open() throws IOException {
        channel = FileChannel.open(path, StandardOpenOption.READ);
        in = Channels.newInputStream(channel);
    }

    @Override
    public int read() throws IOException {
        return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return in.read(b, off, len);
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(Integer.MAX_VALUE, length - channel.position());
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    @Override
    public void reset() {
        try {
            if (channel.isOpen()) {
                channel.position(0);
            } else {
                open();
            }
        } catch (IOException e) {
            throw new IllegalStateException("The spooled download " + path + " cannot be read again", e);
        }
    }

    @Override
    public void writeTo(OutputStream os) throws IOException {
        Files.copy(path, os);
    }

    @Override
    public StreamCache copy(Exchange exchange) throws IOException {
        return new SpooledFileStream(path);
    }

    @Override
    public boolean inMemory() {
        return false;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public long position() {
        try {
            return channel.isOpen() ? channel.position() : 0;
        } catch (IOException e) {
            return -1;
        }
    }

    /** The spooled file; it is deleted when the exchange completes, so a step that keeps it must copy it. */
    @Override
    public File getFile() {
        return path.toFile();
    }

    /** This stream: what a step that does not know about files reads. */
    @Override
    public Object getBody() {
        return this;
    }

    @Override
    public long getFileLength() {
        return length;
    }

    /** Deletes a spooled file, if it is still there. */
    static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // still open elsewhere (Windows) or already gone: the spool folder is a temporary one
        }
    }

    @Override
    public String toString() {
        return "SpooledFileStream[" + path.getFileName() + ", " + length + " bytes]";
    }
}
