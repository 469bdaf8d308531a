package io.camelgewe.gewe.bench;

/**
 * Something the closed-loop driver sends requests through: the component behind a route, or a raw HTTP client.
 */
interface Target extends AutoCloseable {

    /** Told once per request whether it succeeded; may run on any thread, or inside {@link #send}. */
    interface Done {
        void done(boolean ok);

        /** The request failed for this reason (the same as {@code done(false)}, with the cause). */
        default void fail(Object cause) {
            done(false);
        }
    }

    /** Short name for the table. */
    String name();

    /** Whether {@link #send} blocks until the answer (then every request in flight needs a thread of its own). */
    default boolean blocking() {
        return false;
    }

    /** Sends one request; {@code done} is called exactly once. */
    void send(Done done);

    @Override
    void close() throws Exception;
}
