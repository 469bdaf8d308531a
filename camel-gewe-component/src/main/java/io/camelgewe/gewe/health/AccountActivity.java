package io.camelgewe.gewe.health;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

import io.camelgewe.gewe.errors.GeweDelivery;
import io.camelgewe.gewe.errors.GeweException;

/**
 * What the component's calls for one account (appId) came to: when GeWe last accepted one of its sends, and its
 * failures by delivery class with the last few of them. The producers tell it; the gewe dev console reads it. It
 * keeps a fixed amount per account, whatever the traffic.
 */
public final class AccountActivity {

    /** The failures kept with their message, newest last. */
    static final int RECENT = 10;
    /** The most of a failure's message kept (GeWe's messages may be long; they never hold the token). */
    static final int MESSAGE_LENGTH = 300;

    private final String appId;
    private final AtomicLongArray failures = new AtomicLongArray(GeweDelivery.values().length);
    private final ArrayDeque<Failure> recent = new ArrayDeque<>(RECENT);
    private volatile long lastSentMillis;
    private volatile String lastSentOperation;

    /**
     * A failed call.
     *
     * @param atMillis  when it failed (epoch milliseconds)
     * @param operation the operation's qualified name
     * @param delivery  whether GeWe may have acted on it
     * @param error     the failure's message, cut to {@value #MESSAGE_LENGTH} characters
     */
    public record Failure(long atMillis, String operation, GeweDelivery delivery, String error) {
    }

    /** @param appId the account */
    public AccountActivity(String appId) {
        this.appId = appId;
    }

    /** The account. */
    public String getAppId() {
        return appId;
    }

    /** GeWe accepted a send of this account. */
    public void sent(String operation) {
        long now = System.currentTimeMillis();
        // as for the health check: a field all threads share is written only when what it says changes
        if (lastSentOperation != operation) {
            lastSentOperation = operation;
        }
        if (lastSentMillis != now) {
            lastSentMillis = now;
        }
    }

    /** A call of this account failed with this GeWe failure. */
    public void failed(String operation, GeweException failure) {
        failures.incrementAndGet(failure.getDelivery().ordinal());
        String message = String.valueOf(failure.getMessage());
        Failure f = new Failure(System.currentTimeMillis(), operation, failure.getDelivery(),
                message.length() > MESSAGE_LENGTH ? message.substring(0, MESSAGE_LENGTH) + "..." : message);
        synchronized (recent) {
            if (recent.size() == RECENT) {
                recent.removeFirst();
            }
            recent.addLast(f);
        }
    }

    /** When GeWe last accepted a send of this account (epoch milliseconds); 0 when it has not yet. */
    public long getLastSentMillis() {
        return lastSentMillis;
    }

    /** The operation of that send; null when there was none. */
    public String getLastSentOperation() {
        return lastSentOperation;
    }

    /** How many calls failed, by delivery class. */
    public Map<GeweDelivery, Long> getFailures() {
        Map<GeweDelivery, Long> counts = new EnumMap<>(GeweDelivery.class);
        for (GeweDelivery d : GeweDelivery.values()) {
            counts.put(d, failures.get(d.ordinal()));
        }
        return counts;
    }

    /** The last {@value #RECENT} failures, oldest first. */
    public List<Failure> getRecentFailures() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }
}
