package io.camelgewe.gewe.client;

import org.apache.hc.core5.pool.PoolStats;

/** Lets tests in other packages read the connection pool's figures, which the component does not publish. */
public final class PoolProbe {

    private PoolProbe() {
    }

    /** The pool's current figures: connections leased, available and pending. */
    public static PoolStats stats(GeweHttpClient client) {
        return client.poolStats();
    }

    /** The classic pool's current figures: connections leased, available and pending. */
    public static PoolStats stats(GeweClassicHttpClient client) {
        return client.poolStats();
    }
}
