package io.camelgewe.gewe.account;

import java.time.Instant;

/**
 * An account's state as the component knows it, with when it began and what said so.
 *
 * @param appId       the account
 * @param state       online, offline or unknown
 * @param sinceMillis when the account entered this state (epoch milliseconds); 0 for an account never heard of
 * @param signal      what said so last; null for an account never heard of
 * @param reason      GeWe's words, or what the signal was ({@code login/checkOnline answered false}); null when
 *                    there is nothing to say (online)
 */
public record AccountStatus(String appId, AccountState state, long sinceMillis, AccountSignal signal, String reason) {

    /** The status of an account nothing was heard of. */
    public static AccountStatus unknown(String appId) {
        return new AccountStatus(appId, AccountState.UNKNOWN, 0, null, null);
    }

    /** Whether the account is known to be online. */
    public boolean isOnline() {
        return state == AccountState.ONLINE;
    }

    /** Whether the account is known to be offline. */
    public boolean isOffline() {
        return state == AccountState.OFFLINE;
    }

    /** When the account entered this state; null for an account never heard of. */
    public Instant since() {
        return sinceMillis == 0 ? null : Instant.ofEpochMilli(sinceMillis);
    }

    @Override
    public String toString() {
        return appId + " " + state + (sinceMillis == 0 ? "" : " since " + since()) + (signal == null ? "" : " ("
               + signal.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
               + (reason == null ? "" : ": " + reason) + ")");
    }
}
