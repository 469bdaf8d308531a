package io.camelgewe.gewe.health;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.camelgewe.gewe.account.AccountStatus;
import io.camelgewe.gewe.account.GeweAccounts;
import io.camelgewe.gewe.catalog.GeweCatalog;
import io.camelgewe.gewe.catalog.GeweOperation;
import io.camelgewe.gewe.spi.GeweClient;
import io.camelgewe.gewe.client.GeweRequestBuilder;
import io.camelgewe.gewe.spi.GeweTimeouts;
import io.camelgewe.gewe.errors.GeweApiException;
import io.camelgewe.gewe.errors.GeweRejection;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * The readiness of one WeChat account (appId): DOWN while GeWe says the account is offline or the token is refused,
 * UP again once it is back.
 * <p>
 * It learns from every call the component makes for the account (a send refused as offline turns it DOWN, any
 * success turns it UP) and, when it has heard nothing for the refresh interval, asks GeWe with
 * {@code login/checkOnline}. Above all it reads the component's account state ({@link GeweAccounts}): an account a
 * refused send or an Offline callback made OFFLINE is DOWN even while checkOnline answers true, as GeWe's
 * checkOnline does for accounts whose sends it refuses. It is a readiness check only: restarting the application does not bring a WeChat account
 * back online.
 */
public final class GeweAccountHealthCheck extends AbstractHealthCheck {

    private static final long PROBE_TIMEOUT_SECONDS = 10;
    private static final GeweTimeouts PROBE_TIMEOUTS = new GeweTimeouts(PROBE_TIMEOUT_SECONDS * 1000,
            PROBE_TIMEOUT_SECONDS * 1000);

    private final String appId;
    private final GeweClient client;
    private final GeweAccounts accounts;
    private final GeweOperation checkOnline;
    private final Object[] checkOnlineRequest;
    private final long refreshNanos;
    /** How old the last success may be before another success is noted again. */
    private static final long FRESH_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private volatile Boolean up;
    private volatile String reason;
    private volatile long heardNanos;
    private volatile long heardMillis;

    /**
     * @param appId         the account
     * @param client        the client GeWe is asked through (login/checkOnline), the component's for the account's
     *                      base URL and token: it lives as long as the component, as this check does
     * @param accounts      the component's account state, told what checkOnline answers and read first
     * @param refreshMillis how long what was heard counts before GeWe is asked again
     */
    public GeweAccountHealthCheck(String appId, GeweClient client, GeweAccounts accounts, long refreshMillis) {
        super("gewe", "gewe-account-" + appId);
        this.appId = appId;
        this.client = client;
        this.accounts = accounts;
        this.checkOnline = GeweCatalog.get().find("login/checkOnline");
        this.checkOnlineRequest = new GeweRequestBuilder(checkOnline, Map.of()).resolve(Map.of("appId", appId));
        this.refreshNanos = TimeUnit.MILLISECONDS.toNanos(refreshMillis);
    }

    /** The account this check is about. */
    public String getAppId() {
        return appId;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    /** A call for the account succeeded: GeWe and the account work. */
    public void succeeded() {
        // every send says so, from every thread: while it is fresh, reading is enough (writes to a field all threads
        // share cost each of them its cache line); the heard time is a few ms late at most, against a refresh of minutes
        if (Boolean.TRUE.equals(up) && reason == null && System.nanoTime() - heardNanos < FRESH_NANOS) {
            return;
        }
        hear(true, null);
    }

    /** A call for the account failed; an offline account or a refused token turns the check DOWN. */
    public void failed(Throwable failure) {
        if (failure instanceof GeweApiException) {
            GeweRejection r = ((GeweApiException) failure).getRejection();
            if (r == GeweRejection.ACCOUNT_OFFLINE || r == GeweRejection.TOKEN_INVALID) {
                hear(false, failure.getMessage());
            }
        }
    }

    private void hear(boolean isUp, String why) {
        reason = why;
        up = isUp;
        heardNanos = System.nanoTime();
        heardMillis = System.currentTimeMillis();
    }

    /**
     * What was last heard about the account, without asking GeWe (the dev console reads it): true while it works,
     * false while GeWe says it is offline or refuses the token, null when nothing was heard yet.
     */
    public Boolean getLastHeardUp() {
        return up;
    }

    /** Why the account was last heard to be down; null otherwise. */
    public String getLastHeardReason() {
        return reason;
    }

    /** When the account was last heard of (epoch milliseconds); 0 when never. */
    public long getLastHeardMillis() {
        return heardMillis;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("appId", appId);
        if (up == null || System.nanoTime() - heardNanos > refreshNanos) {
            probe(builder);
        }
        AccountStatus account = accounts.status(appId);
        builder.detail("accountState", account.state().name());
        Boolean state = up;
        if (account.isOffline()) {
            builder.down().message("GeWe account " + appId + " is offline since " + account.since() + " ("
                                   + account.reason() + ")");
        } else if (state == null) {
            builder.unknown();
        } else if (state) {
            builder.up();
        } else {
            builder.down().message(reason);
        }
    }

    private void probe(HealthCheckResultBuilder builder) {
        try {
            CompletableFuture<Object> asked = client.call(checkOnline, checkOnlineRequest, PROBE_TIMEOUTS);
            Object online = asked.get(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            accounts.checkedOnline(appId, Boolean.TRUE.equals(online));
            if (Boolean.TRUE.equals(online)) {
                hear(true, null);
            } else {
                hear(false, "GeWe says account " + appId + " is offline (login/checkOnline answered " + online + ")");
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            failed(cause);
            if (!(cause instanceof GeweApiException)) {
                // GeWe could not be asked: say so, and keep the last thing heard
                builder.error(cause).detail("probe", "login/checkOnline failed: " + cause.getMessage());
            }
        } catch (TimeoutException e) {
            builder.detail("probe", "login/checkOnline did not answer within " + PROBE_TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
