package io.camelgewe.gewe.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;

/**
 * The files behind the simulator's download URLs ({@code /files/<id>.<ext>}).
 * <p>
 * GeWe answers a download with a URL to a file it stored; the simulator answers with a URL to itself and makes the
 * bytes up when that URL is fetched. Nothing is stored: the id carries the file's size and a check value, so any id the
 * simulator issued can be served (across restarts too) and any other id is a 404, without a table that would grow
 * with every download of a long benchmark. The content is pseudo-random but fixed by the id, so two fetches of one
 * URL give the same bytes, and it is generated chunk by chunk while it is written, so a file can be larger than the
 * heap. It starts with the magic bytes of its type, which is what a client that sniffs content looks at.
 */
final class SimulatedFiles {

    static final String PREFIX = "/files/";

    private static final int CHUNK = 64 * 1024;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "png", "image/png",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "gif", "image/gif",
            "mp4", "video/mp4",
            "silk", "audio/silk");

    private static final Map<String, byte[]> MAGIC = Map.of(
            "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
            "jpg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0},
            "jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0},
            "gif", "GIF89a".getBytes(StandardCharsets.US_ASCII),
            "mp4", new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2'},
            // WeChat's voice files are Tencent's SILK variant: one 0x02 byte before the standard SILK header
            "silk", "\u0002#!SILK_V3".getBytes(StandardCharsets.ISO_8859_1));

    /** Keys the check value so ids from another simulator instance are not accepted by chance. */
    private final long secret = ThreadLocalRandom.current().nextLong();
    private final AtomicLong sequence = new AtomicLong(ThreadLocalRandom.current().nextInt(1 << 20));

    /** A new file of {@code size} bytes; returns its path ({@code /files/<id>.<ext>}). */
    String issue(long size, String extension) {
        long seq = sequence.incrementAndGet();
        return PREFIX + Long.toHexString(seq) + "-" + Long.toHexString(size) + "-" + Long.toHexString(check(seq, size))
               + "." + extension;
    }

    /** The content type a file of this extension is served with. */
    static String contentType(String extension) {
        return CONTENT_TYPES.getOrDefault(extension.toLowerCase(Locale.ROOT), "application/octet-stream");
    }

    /**
     * Reduces an extension from a request (a download's {@code suffix}, a file message's {@code fileext}) to something
     * safe in a URL path: lower-case letters and digits, at most 8 of them; {@code bin} when nothing is left.
     */
    static String safeExtension(String raw) {
        if (raw == null) {
            return "bin";
        }
        StringBuilder sb = new StringBuilder();
        for (char c : raw.toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z' || c >= '0' && c <= '9') && sb.length() < 8) {
                sb.append(c);
            }
        }
        return sb.length() == 0 ? "bin" : sb.toString();
    }

    /** A parsed, verified file request. */
    record FileRef(long seed, long size, String extension) {
    }

    /** The file a request path names, or null when the simulator never issued it. */
    FileRef resolve(String path) {
        if (!path.startsWith(PREFIX)) {
            return null;
        }
        String name = path.substring(PREFIX.length());
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        String[] parts = name.substring(0, dot).split("-");
        if (parts.length != 3) {
            return null;
        }
        try {
            long seq = Long.parseUnsignedLong(parts[0], 16);
            long size = Long.parseUnsignedLong(parts[1], 16);
            long check = Long.parseUnsignedLong(parts[2], 16);
            if (size < 0 || check != check(seq, size)) {
                return null;
            }
            return new FileRef(check, size, name.substring(dot + 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Streams a file. Runs on the file executor, not the server's, so a long download does not take one of the few
     * threads that answer API calls.
     */
    static void stream(HttpExchange exchange, FileRef file) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType(file.extension()));
        // -1 is the JDK server's way of saying "no body"; 0 would mean chunked
        exchange.sendResponseHeaders(200, file.size() == 0 ? -1 : file.size());
        if (file.size() == 0) {
            exchange.close();
            return;
        }
        byte[] buffer = new byte[CHUNK];
        long state = file.seed();
        long remaining = file.size();
        boolean first = true;
        try (OutputStream out = exchange.getResponseBody()) {
            while (remaining > 0) {
                for (int i = 0; i < CHUNK; i += 8) {
                    state += 0x9E3779B97F4A7C15L;
                    LONGS.set(buffer, i, mix(state));
                }
                if (first) {
                    byte[] magic = MAGIC.get(file.extension().toLowerCase(Locale.ROOT));
                    if (magic != null) {
                        System.arraycopy(magic, 0, buffer, 0, magic.length);
                    }
                    first = false;
                }
                int n = (int) Math.min(CHUNK, remaining);
                out.write(buffer, 0, n);
                remaining -= n;
            }
        }
    }

    private long check(long seq, long size) {
        // masked to 48 bits: short enough for a tidy URL, long enough that a guessed id is a 404
        return mix(seq * 0x9E3779B97F4A7C15L ^ Long.rotateLeft(size, 29) ^ secret) & 0xFFFF_FFFF_FFFFL;
    }

    /** SplitMix64's finaliser: a cheap, well-spread 64-bit hash. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
