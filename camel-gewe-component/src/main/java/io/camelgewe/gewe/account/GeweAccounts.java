package io.camelgewe.gewe.account;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgewe.gewe.catalog.GeweOperation;
import io.camelgewe.gewe.errors.GeweApiException;
import io.camelgewe.gewe.errors.GeweRejection;
import org.apache.camel.support.LRUCacheFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of every account (appId) a component has heard of, made from every signal GeWe gives: the outcome of
 * its calls, {@code Offline} callbacks and {@code login/checkOnline}.
 * <p>
 * The signals do not weigh the same. GeWe's checkOnline can answer {@code true} while every send is refused with
 * {@code 微信已离线(-1)} (Devo919/Gewechat #224), so an account that a refused call or an Offline callback made
 * OFFLINE stays OFFLINE whatever checkOnline says; only a login that goes through (or the application, with
 * {@link #forget}) makes it UNKNOWN again, and the next call decides. OFFLINE that only checkOnline said is undone by
 * checkOnline, or by a call that succeeds.
 * <p>
 * The component makes one; listeners hear each change of state (not each signal). It keeps at most
 * {@value #MAX_ACCOUNTS} accounts, the least recently changed going first: room for the 10,000 accounts one JVM
 * can drive at GeWe's pace, as an evicted account that sends again would be heard as a change (UNKNOWN to ONLINE).
 */
public final class GeweAccounts {

    /** The most accounts kept (a few hundred bytes each). */
    public static final int MAX_ACCOUNTS = 20_000;

    private static final Logger LOG = LoggerFactory.getLogger(GeweAccounts.class);

    /** Hears the changes of an account's state. */
    @FunctionalInterface
    public interface Listener {
        /**
         * The account's state changed.
         *
         * @param previous what it was (state UNKNOWN, since 0, for an account never heard of)
         * @param current  what it is now
         */
        void changed(AccountStatus previous, AccountStatus current);
    }

    private final Map<String, AccountStatus> accounts = LRUCacheFactory.newLRUCache(MAX_ACCOUNTS);
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /** The account's status; UNKNOWN (since 0) for an account never heard of. */
    public AccountStatus status(String appId) {
        // Camel's LRU map reads without a lock; only changes, which are rare, take the lock below
        AccountStatus s = accounts.get(appId);
        return s == null ? AccountStatus.unknown(appId) : s;
    }

    /** Whether the account is known to be online. */
    public boolean isOnline(String appId) {
        return status(appId).isOnline();
    }

    /** Whether the account is known to be offline. */
    public boolean isOffline(String appId) {
        return status(appId).isOffline();
    }

    /** Every account heard of, as it is now. */
    public List<AccountStatus> all() {
        synchronized (accounts) {
            return List.copyOf(accounts.values());
        }
    }

    /**
     * Whether the operation goes to GeWe while its account is known OFFLINE: the login module's operations do
     * (checkOnline, reconnection, getLoginQrCode, checkLogin, logout...), as they are how an account comes back.
     */
    public static boolean passesWhileOffline(GeweOperation operation) {
        return "login".equals(operation.module());
    }

    /** What a call that went through says of its account. */
    public void callSucceeded(String appId, GeweOperation operation, Object result) {
        if (operation.isSend()) {
            // nearly every call: asked before the names, whose text would be one more thing to fetch per call
            succeeded(appId, operation.qualifiedName());
            return;
        }
        switch (operation.qualifiedName()) {
            case "login/checkOnline":
                checkedOnline(appId, Boolean.TRUE.equals(result));
                break;
            case "login/reconnection":
                loggedIn(appId, operation.qualifiedName());
                break;
            case "login/checkLogin":
                // checkLogin answers while the QR code waits to be scanned too: only loginInfo says it is done
                if (result instanceof JsonNode json && json.path("loginInfo").isObject()) {
                    loggedIn(appId, operation.qualifiedName());
                }
                break;
            case "login/logout":
                update(appId, AccountState.OFFLINE, AccountSignal.LOGIN, "logged out with login/logout", false);
                break;
            default:
                // other calls say nothing of the account
        }
    }

    /** What a failed call says of its account: only GeWe's offline refusal says anything. */
    public void callFailed(String appId, GeweOperation operation, Throwable failure) {
        if (failure instanceof GeweApiException refusal && refusal.getRejection() == GeweRejection.ACCOUNT_OFFLINE) {
            String words = refusal.getMsg() != null ? refusal.getMsg() : refusal.getReason();
            refusedOffline(appId, operation.qualifiedName(), words == null ? "offline" : words);
        }
    }

    /** A call for the account went through: GeWe acted for it, so it is online. */
    public void succeeded(String appId, String operation) {
        update(appId, AccountState.ONLINE, AccountSignal.SEND, null, false);
    }

    /** GeWe refused a call for the account as offline. */
    public void refusedOffline(String appId, String operation, String reason) {
        update(appId, AccountState.OFFLINE, AccountSignal.SEND, operation + " refused: " + reason, false);
    }

    /** GeWe pushed an {@code Offline} callback for the account. */
    public void offlineCallback(String appId) {
        update(appId, AccountState.OFFLINE, AccountSignal.CALLBACK, "GeWe pushed an Offline callback", false);
    }

    /** GeWe answered {@code login/checkOnline} for the account. */
    public void checkedOnline(String appId, boolean online) {
        update(appId, online ? AccountState.ONLINE : AccountState.OFFLINE, AccountSignal.CHECK_ONLINE,
                online ? null : "login/checkOnline answered false", false);
    }

    /** A login operation for the account went through: an OFFLINE account becomes UNKNOWN, the next call tells. */
    public void loggedIn(String appId, String operation) {
        update(appId, AccountState.UNKNOWN, AccountSignal.LOGIN, operation + " went through", true);
    }

    /**
     * Forgets what is known of the account, OFFLINE included (after it was logged in again outside this application,
     * in GeWe's console for example): its next call goes to GeWe and tells.
     */
    public void forget(String appId) {
        update(appId, AccountState.UNKNOWN, AccountSignal.APPLICATION, "forgotten by the application", true);
    }

    /** Adds a listener of state changes. */
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Removes a listener of state changes. */
    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    private void update(String appId, AccountState state, AccountSignal signal, String reason, boolean onlyOffline) {
        if (appId == null || appId.isEmpty()) {
            return;
        }
        AccountStatus seen = accounts.get(appId);
        if (seen != null && next(seen, state, signal, reason, onlyOffline) == seen) {
            // what nearly every send says (ONLINE again): no change, so no lock
            return;
        }
        AccountStatus previous;
        AccountStatus current;
        synchronized (accounts) {
            AccountStatus known = accounts.get(appId);
            previous = known == null ? AccountStatus.unknown(appId) : known;
            current = next(previous, state, signal, reason, onlyOffline);
            if (current == previous) {
                return;
            }
            accounts.put(appId, current);
        }
        if (previous.state() != current.state()) {
            LOG.info("GeWe account {} (was {})", current, previous.state());
            for (Listener l : listeners) {
                try {
                    l.changed(previous, current);
                } catch (RuntimeException e) {
                    LOG.warn("GeWe account {}: a listener of its state failed: {}", appId, e.toString());
                }
            }
        }
    }

    private static AccountStatus next(AccountStatus previous, AccountState state, AccountSignal signal, String reason,
                                      boolean onlyOffline) {
        if (onlyOffline && previous.state() != AccountState.OFFLINE) {
            return previous;
        }
        if (previous.state() == AccountState.OFFLINE && state == AccountState.ONLINE
                && signal == AccountSignal.CHECK_ONLINE && isSticky(previous.signal())) {
            // checkOnline answers true for accounts whose sends GeWe refuses: it does not undo a refusal
            return previous;
        }
        if (previous.state() == state) {
            if (state == AccountState.OFFLINE && !isSticky(previous.signal()) && isSticky(signal)) {
                // a refusal confirms what checkOnline said, and from now on checkOnline cannot undo it
                return new AccountStatus(previous.appId(), state, previous.sinceMillis(), signal, reason);
            }
            return previous;
        }
        return new AccountStatus(previous.appId(), state, System.currentTimeMillis(), signal, reason);
    }

    private static boolean isSticky(AccountSignal signal) {
        return signal == AccountSignal.SEND || signal == AccountSignal.CALLBACK || signal == AccountSignal.LOGIN;
    }
}
