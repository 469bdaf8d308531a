package io.camelgewe.gewe.spi;

/**
 * The time limits of one endpoint's calls, built once per endpoint.
 * <p>
 * {@code connectMillis} and {@code responseMillis} bound a wait for a connection and a silence of the other side;
 * the two deadlines bound a whole call and a whole fetch, so that an answer that trickles in a byte at a time ends
 * too. A deadline of 0 or less takes its default.
 *
 * @param connectMillis  how long to wait for a connection, in milliseconds
 * @param responseMillis how long the other side may stay silent once the request is sent, in milliseconds
 * @param requestMillis  the longest a call may take in all, from the moment it is handed to the HTTP client until
 *                       GeWe's answer has fully arrived; 0 for {@code connectMillis + responseMillis}
 * @param fetchMillis    the longest the fetch of a downloaded file may take in all; 0 for
 *                       {@link #DEFAULT_FETCH_MILLIS}
 */
public record GeweTimeouts(long connectMillis, long responseMillis, long requestMillis, long fetchMillis) {

    /**
     * Thirty minutes: a large file over a slow link is legitimate (1 GiB at 0.6 MB/s), a trickle that never ends is
     * not.
     */
    public static final long DEFAULT_FETCH_MILLIS = 30 * 60 * 1000L;

    /** Takes the defaults of the deadlines that are not given. */
    public GeweTimeouts {
        if (requestMillis <= 0) {
            // a silent GeWe fails after connect + response; a trickling one must not be allowed longer
            long sum = connectMillis + responseMillis;
            requestMillis = sum < 0 ? Long.MAX_VALUE : sum;
        }
        if (fetchMillis <= 0) {
            fetchMillis = DEFAULT_FETCH_MILLIS;
        }
    }

    /**
     * Limits with the default deadlines.
     *
     * @param connectMillis  how long to wait for a connection, in milliseconds
     * @param responseMillis how long the other side may stay silent once the request is sent, in milliseconds
     */
    public GeweTimeouts(long connectMillis, long responseMillis) {
        this(connectMillis, responseMillis, 0, 0);
    }
}
