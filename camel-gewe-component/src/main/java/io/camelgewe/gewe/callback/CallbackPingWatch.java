package io.camelgewe.gewe.callback;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that GeWe's registration ping arrived within pingTimeout of GeWe accepting the registration. GeWe answers
 * setCallback with success even when it cannot reach the URL (a private address, a firewall, a proxy that refuses
 * it), and the callbacks that never come are then the first sign: the missing ping says it at once.
 */
final class CallbackPingWatch {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackPingWatch.class);

    private final LongSupplier pings;
    private final BooleanSupplier consumerRunning;
    private final ScheduledExecutorService timer;
    private final long timeoutMillis;
    private volatile long pingsAtRegistration = -1;
    private volatile boolean overdue;

    /**
     * @param pings           how many pings the consumer has answered so far
     * @param consumerRunning whether the consumer still runs (a stopping one warns of nothing)
     * @param timer           where the check is scheduled
     * @param timeoutMillis   pingTimeout
     */
    CallbackPingWatch(LongSupplier pings, BooleanSupplier consumerRunning, ScheduledExecutorService timer,
                      long timeoutMillis) {
        this.pings = pings;
        this.consumerRunning = consumerRunning;
        this.timer = timer;
        this.timeoutMillis = timeoutMillis;
    }

    /** A registration is being sent: a ping from now on is its ping (GeWe may send it before it answers). */
    void sending() {
        pingsAtRegistration = pings.getAsLong();
        overdue = false;
    }

    /** GeWe accepted the registration of this URL (as it may be logged): its ping is due within pingTimeout. */
    void registered(String shownUrl) {
        timer.schedule(() -> check(shownUrl), timeoutMillis, TimeUnit.MILLISECONDS);
    }

    private void check(String shownUrl) {
        if (!consumerRunning.getAsBoolean() || pingArrived()) {
            return;
        }
        overdue = true;
        LOG.warn("GeWe could not reach the callback URL {}: its ping did not arrive within {} ms of registering. "
                 + "Check that GeWe's servers can reach this address (a public host, the port open, no proxy "
                 + "refusing it); until then no callback will arrive", shownUrl, timeoutMillis);
    }

    private boolean pingArrived() {
        return pings.getAsLong() > pingsAtRegistration;
    }

    /** Whether the ping of the last registration is overdue: registered, pingTimeout passed, and no ping since. */
    boolean isPingMissing() {
        return overdue && !pingArrived();
    }
}
