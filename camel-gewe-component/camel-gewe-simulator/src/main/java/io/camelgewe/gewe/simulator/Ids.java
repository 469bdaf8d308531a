package io.camelgewe.gewe.simulator;

import java.util.Random;

/**
 * Values that look like GeWe's ids and CDN coordinates.
 * <p>
 * The docs' examples were rounded by JavaScript ({@code 8992614056172360000}); a simulator that answered with such
 * round numbers would let a client that parses ids as {@code double} pass its tests. So every 64-bit id here has 19
 * digits and a last digit that is never 0: a {@code double} cannot carry it and a rounding bug shows at once.
 */
final class Ids {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final long MIN_19_DIGITS = 1_000_000_000_000_000_000L;
    /** Keeps {@code id - lastDigit + 9} below {@link Long#MAX_VALUE}. */
    private static final long SPAN = 8_200_000_000_000_000_000L;

    private Ids() {
    }

    /** A 19-digit, positive, never-round 64-bit id ({@code newMsgId}, {@code snsId}...). */
    static long newMsgId(Random random) {
        long id = MIN_19_DIGITS + (random.nextLong() >>> 1) % SPAN;
        return id - id % 10 + 1 + random.nextInt(9);
    }

    /** A positive id in the 32-bit range, like GeWe's {@code msgId}. */
    static long msgId(Random random) {
        return 100_000_000L + random.nextInt(2_000_000_000);
    }

    /** {@code n} random lower-case hex digits ({@code aesKey} and {@code md5} have 32). */
    static String hex(Random random, int n) {
        char[] out = new char[n];
        long bits = 0;
        for (int i = 0; i < n; i++) {
            if (i % 16 == 0) {
                bits = random.nextLong();
            }
            out[i] = HEX[(int) (bits & 0xf)];
            bits >>>= 4;
        }
        return new String(out);
    }

    /**
     * A CDN file id shaped like GeWe's: an ASN.1-like hex blob with a few random numbers and a UUID written as ASCII
     * hex, ending the way the docs' examples end.
     */
    static String cdnFileId(Random random) {
        StringBuilder sb = new StringBuilder(156);
        sb.append("3052020100044b30490201000204").append(hex(random, 8))
                .append("02033d11fd0204").append(hex(random, 8))
                .append("0204").append(Long.toHexString(System.currentTimeMillis() / 1000))
                .append("0424");
        String uuid = hex(random, 32);
        for (int i = 0; i < 32; i++) {
            if (i == 8 || i == 12 || i == 16 || i == 20) {
                sb.append("2d");
            }
            char c = uuid.charAt(i);
            sb.append(HEX[c >> 4]).append(HEX[c & 0xf]);
        }
        return sb.append("0204052418020201000400").toString();
    }
}
