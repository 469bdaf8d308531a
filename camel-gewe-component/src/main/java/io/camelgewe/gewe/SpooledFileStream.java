package io.camelgewe.gewe;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.WrappedFile;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * The body of a fetched download: a stream over its spooled copy on disk.
 * <p>
 * It is a {@link StreamCache} so that Camel's stream caching never copies it into memory, and so that it can be read
 * again (redelivery, multicast). It is also a {@link WrappedFile} of the spooled file, and the exchange carries the
 * spooled file as {@link Exchange#FILE_LOCAL_WORK_PATH}: camel-file then renames the spooled file into place instead
 * of writing a second copy of it, as it does with camel-ftp's local work files.
 * <p>
 * Since the file may thus be moved by the first {@code file:} step, the exchange's own body reads through one channel
 * opened when the download completed and kept open until the exchange completes: a second {@code file:} step (a
 * multicast), or a step that reads the body after {@code file:}, still reads every byte, wherever the file went.
 * Each reader keeps its own position and reads at it, so that the copies Camel makes share nothing mutable.
 */
final class SpooledFileStream extends InputStream implements StreamCache, WrappedFile<File> {

    private final Path path;
    private final long length;
    /** The exchange's own body: closing it as a stream leaves the channel open; the exchange's completion closes it. */
    private final boolean heldUntilCompletion;
    private final byte[] one = new byte[1];
    private FileChannel channel;
    private long position;

    private SpooledFileStream(Path path, long length, FileChannel channel, boolean heldUntilCompletion) {
        this.path = path;
        this.length = length;
        this.channel = channel;
        this.heldUntilCompletion = heldUntilCompletion;
    }

    /** The body of the exchange a file was fetched for; {@link #release()} closes it when the exchange completes. */
    static SpooledFileStream of(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        return new SpooledFileStream(path, channel.size(), channel, true);
    }

    @Override
    public int read() throws IOException {
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position >= length) {
            return -1;
        }
        int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, length - position)), position);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public long skip(long n) {
        long skipped = Math.max(0, Math.min(n, length - position));
        position += skipped;
        return skipped;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, length - position);
    }

    /** A copy Camel made closes its channel; the exchange's own body keeps it for a later step. */
    @Override
    public void close() throws IOException {
        if (!heldUntilCompletion) {
            channel.close();
        }
    }

    /** Closes the exchange's own channel: the exchange completed. */
    void release() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the spooled file goes anyway
        }
    }

    @Override
    public void reset() {
        position = 0;
        if (!channel.isOpen() && !heldUntilCompletion) {
            try {
                channel = FileChannel.open(path, StandardOpenOption.READ);
            } catch (IOException e) {
                throw new IllegalStateException("The spooled download " + path + " cannot be read again", e);
            }
        }
    }

    @Override
    public void writeTo(OutputStream os) throws IOException {
        WritableByteChannel out = Channels.newChannel(os);
        for (long at = 0; at < length;) {
            long n = channel.transferTo(at, length - at, out);
            if (n <= 0) {
                throw new IOException("The spooled download " + path + " ended at " + at + " of " + length + " bytes");
            }
            at += n;
        }
    }

    /**
     * A copy for another exchange (a parallel multicast, a wire tap), which may outlive this one: its own channel,
     * held until that exchange completes, while the spooled file is still where it was spooled, else this one's (a
     * step moved the file).
     */
    @Override
    public StreamCache copy(Exchange exchange) throws IOException {
        if (!Files.exists(path)) {
            return new SpooledFileStream(path, length, channel, true);
        }
        FileChannel own = FileChannel.open(path, StandardOpenOption.READ);
        if (exchange == null) {
            return new SpooledFileStream(path, length, own, false);
        }
        SpooledFileStream copy = new SpooledFileStream(path, length, own, true);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                copy.release();
            }
        });
        return copy;
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
        return position;
    }

    /**
     * The spooled file. It is deleted when the exchange completes, unless a {@code file:} step moved it into place
     * first: a step that keeps it elsewhere must copy it.
     */
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
