package io.camelgewe.gewe.simulator;

/**
 * What the simulator will answer to one API request, decided when the request arrives and written when its latency
 * has passed.
 *
 * @param status      the HTTP status
 * @param contentType the Content-Type header
 * @param body        the body bytes, ready to write
 * @param outcome     how the request counts
 * @param afterReply  what to do once the reply is written (setCallback's registration ping), or null
 */
record Reply(int status, String contentType, byte[] body, Outcome outcome, Runnable afterReply) {

    /** How a reply counts in the simulator's counters. */
    enum Outcome {
        /** Answered {@code ret 200}. */
        ACCEPTED,
        /** Answered {@code ret 200} to a send: counts as accepted and as sent. */
        SENT,
        /** Answered with anything but {@code ret 200}: an error envelope, an HTTP error, an HTML page. */
        FAILED,
        /** Not answered at all: the connection is closed instead. */
        DROP
    }

    static final String JSON = "application/json;charset=UTF-8";

    Reply(int status, String contentType, byte[] body, Outcome outcome) {
        this(status, contentType, body, outcome, null);
    }
}
