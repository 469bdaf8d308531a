package io.camelgewe.gewe.callback;

/**
 * When {@code gewe:callback} answers GeWe's POST. GeWe drops a push it has no answer to within 3 seconds, so the
 * answer never waits longer than the consumer's {@code answerTimeout}, whatever the route does.
 */
public enum GeweAnswerAfter {

    /**
     * Answer as soon as the push is read and handed to the route, which then runs on the consumer's threads. The
     * fastest answer; at-most-once: a push whose route fails, or whose JVM stops mid-route, is not pushed again.
     */
    RECEIPT,

    /**
     * Answer when the route has completed: 200 when it succeeded, 500 when it failed (GeWe may push again). A route
     * still running after {@code answerTimeout} gets 200 then and carries on. At-least-once for routes that finish in
     * time, e.g. routes that hand the message to a durable queue first.
     */
    COMPLETION
}
