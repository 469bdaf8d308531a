package io.camelgewe.gewe.pacing;

/**
 * How fast one account may go: the gaps GeWe asks for between sends to people, between sends to groups and between
 * downloads, a random jitter on top of each gap, a ceiling of sends per minute, and how many exchanges may wait.
 * <p>
 * The defaults follow GeWe's guidance (../README "Account safety"): about 1 s between people, 2 to 5 s between
 * groups, 20 to 40 messages a minute, downloads 3 to 10 s apart.
 *
 * @param personIntervalMillis   the least time between the end of one send and the start of a send to a person
 * @param personJitterMillis     up to this much random time added to that gap
 * @param groupIntervalMillis    the least gap before a send to a group
 * @param groupJitterMillis      up to this much random time added to it
 * @param maxPerMinute           at most this many sends start in any 60 s (0: no ceiling)
 * @param downloadIntervalMillis the least gap between downloads
 * @param downloadJitterMillis   up to this much random time added to it
 * @param queueCapacity          the most exchanges that may wait for one account's sends (and as many for its
 *                               downloads); one more fails at once
 */
public record PacingSettings(long personIntervalMillis, long personJitterMillis, long groupIntervalMillis,
                             long groupJitterMillis, int maxPerMinute, long downloadIntervalMillis,
                             long downloadJitterMillis, int queueCapacity) {

    /** GeWe's guidance. */
    public static final PacingSettings DEFAULTS = new PacingSettings(1000, 500, 3000, 2000, 30, 3000, 7000, 1000);

    /** Refuses settings that cannot work. */
    public PacingSettings {
        if (personIntervalMillis < 0 || personJitterMillis < 0 || groupIntervalMillis < 0 || groupJitterMillis < 0
                || downloadIntervalMillis < 0 || downloadJitterMillis < 0 || maxPerMinute < 0) {
            throw new IllegalArgumentException("pacing intervals, jitters and maxPerMinute must not be negative");
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("pacingQueueCapacity must be at least 1, is " + queueCapacity);
        }
    }

    /** One line for the log. */
    public String describe() {
        return String.format("sends to people >= %d ms apart (+ up to %d ms), to groups >= %d ms (+ up to %d ms), "
                             + "%s; downloads >= %d ms apart (+ up to %d ms); at most %d waiting per account",
                personIntervalMillis, personJitterMillis, groupIntervalMillis, groupJitterMillis,
                maxPerMinute == 0 ? "no ceiling per minute" : "at most " + maxPerMinute + " a minute",
                downloadIntervalMillis, downloadJitterMillis, queueCapacity);
    }
}
