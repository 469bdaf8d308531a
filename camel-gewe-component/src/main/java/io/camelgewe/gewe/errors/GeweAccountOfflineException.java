package io.camelgewe.gewe.errors;

import java.time.Instant;

/**
 * The call was not made: the account is known to be offline (GeWe refused one of its calls as offline, or pushed an
 * {@code Offline} callback, or checkOnline answered false), so it would only be refused again. Nothing was sent; the
 * exchange fails so that the error handler or a dead letter channel keeps the message.
 * <p>
 * The account comes back once it is logged in again: {@code login/reconnection}, or a new login
 * ({@code login/getLoginQrCode} then {@code login/checkLogin}) through a {@code gewe:} endpoint; after a login made
 * elsewhere, {@code GeweComponent.forgetAccountState(appId)} lets the next call through.
 */
public class GeweAccountOfflineException extends GeweException {

    private static final long serialVersionUID = 1L;

    private final String appId;
    private final long sinceMillis;
    private final String reason;

    /**
     * @param operation   the operation's qualified name
     * @param appId       the account
     * @param sinceMillis since when it is known offline (epoch milliseconds)
     * @param reason      what said so (GeWe's words or the signal)
     */
    public GeweAccountOfflineException(String operation, String appId, long sinceMillis, String reason) {
        super(operation, GeweDelivery.NOT_SENT, "account " + appId + " is offline since " + Instant.ofEpochMilli(sinceMillis)
              + " (" + reason + "), so nothing was sent. Log it in again (login/reconnection, or getLoginQrCode and "
              + "checkLogin); the next call after a login goes to GeWe", null);
        this.appId = appId;
        this.sinceMillis = sinceMillis;
        this.reason = reason;
    }

    /** The account. */
    public String getAppId() {
        return appId;
    }

    /** Since when the account is known offline (epoch milliseconds). */
    public long getSinceMillis() {
        return sinceMillis;
    }

    /** What said the account is offline: GeWe's words, or the signal. */
    public String getReason() {
        return reason;
    }
}
