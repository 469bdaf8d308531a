package io.camelgewe.gewe.callback;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgewe.gewe.client.GeweJson;
import org.apache.camel.spi.StateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices accounts GeWe has stopped pushing for: an account that expects callbacks and has sent none for
 * silenceTimeout is silent, said once at WARN, shown in the health check and JMX, and (with reregisterOnSilence)
 * makes the consumer register its URL again. The last arrivals are kept in the arrivalRepository when there is one,
 * so that a restart neither forgets a silence nor starts counting afresh.
 * <p>
 * Which accounts expect callbacks is a hook ({@link #setExpectsCallbacks}): by default every account heard from
 * before and the endpoint's own appId with registerUrl; an account known to be offline can be left out there.
 */
final class CallbackSilenceWatch {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackSilenceWatch.class);
    /** The most the kept value may be: MAX_ACCOUNTS appIds of MAX_APP_ID characters and their times, with room. */
    static final int MAX_STATE_LENGTH = 256 * 1024;

    private final String path;
    private final long timeoutMillis;
    private final Supplier<Map<String, Long>> arrivals;
    private final Set<String> ownAccounts;
    private final StateRepository<String, String> repository;
    private final Runnable reregister;
    private final LongSupplier clock;
    private final long startedAt;
    private final Set<String> silent = ConcurrentHashMap.newKeySet();
    private volatile Predicate<String> expectsCallbacks = appId -> true;

    /**
     * @param path          the consumer's path, which names its state in the repository
     * @param timeoutMillis silenceTimeout
     * @param arrivals      the last arrival of each account heard from, as the consumer has them
     * @param ownAccounts   accounts that expect callbacks before any arrived (the endpoint's appId with registerUrl)
     * @param repository    the arrivalRepository; null for none
     * @param reregister    registers the URL again; null when reregisterOnSilence is off
     * @param clock         the time in epoch milliseconds
     */
    CallbackSilenceWatch(String path, long timeoutMillis, Supplier<Map<String, Long>> arrivals, Set<String> ownAccounts,
                         StateRepository<String, String> repository, Runnable reregister, LongSupplier clock) {
        this.path = path;
        this.timeoutMillis = timeoutMillis;
        this.arrivals = arrivals;
        this.ownAccounts = ownAccounts;
        this.repository = repository;
        this.reregister = reregister;
        this.clock = clock;
        this.startedAt = clock.getAsLong();
    }

    /** The hook that says whether an account (appId) expects callbacks now; an offline account does not. */
    void setExpectsCallbacks(Predicate<String> expectsCallbacks) {
        this.expectsCallbacks = expectsCallbacks;
    }

    /** The key of this consumer's last arrivals in the repository. */
    String stateKey() {
        return "gewe-callback:" + path + ":lastArrivals";
    }

    /**
     * The last arrivals kept before a restart, bounded as anything read back from storage: a value too long, not a
     * JSON object, or entries that are not times are left out, with a WARN.
     */
    Map<String, Long> load() {
        Map<String, Long> kept = new LinkedHashMap<>();
        String value = repository == null ? null : repository.getState(stateKey());
        if (value == null) {
            return kept;
        }
        if (value.length() > MAX_STATE_LENGTH) {
            LOG.warn("GeWe callback on {}: the kept last arrivals are {} characters long (at most {}): ignored", path,
                    value.length(), MAX_STATE_LENGTH);
            return kept;
        }
        try {
            JsonNode tree = GeweJson.mapper().readTree(value);
            if (tree == null || !tree.isObject()) {
                LOG.warn("GeWe callback on {}: the kept last arrivals are not a JSON object: ignored", path);
                return kept;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = tree.fields();
            long latest = clock.getAsLong();
            while (fields.hasNext() && kept.size() < GeweCallbackHandler.Stats.MAX_ACCOUNTS) {
                Map.Entry<String, JsonNode> e = fields.next();
                long at = e.getValue().asLong(-1);
                if (e.getValue().canConvertToLong() && at > 0 && at <= latest) {
                    kept.put(e.getKey(), at);
                }
            }
        } catch (Exception e) {
            LOG.warn("GeWe callback on {}: the kept last arrivals could not be read: {}", path, e.toString());
        }
        return kept;
    }

    /** Writes the last arrivals to the repository, if there is one. */
    void save() {
        if (repository == null) {
            return;
        }
        try {
            repository.setState(stateKey(), GeweJson.mapper().writeValueAsString(arrivals.get()));
        } catch (Exception e) {
            LOG.warn("GeWe callback on {}: the last arrivals could not be kept: {}", path, e.toString());
        }
    }

    /** Checks every account for silence (from the consumer's timer); keeps the last arrivals. */
    void check() {
        long now = clock.getAsLong();
        Map<String, Long> last = arrivals.get();
        Set<String> accounts = new TreeSet<>(last.keySet());
        accounts.addAll(ownAccounts);
        boolean newlySilent = false;
        for (String appId : accounts) {
            long since = last.getOrDefault(appId, startedAt);
            if (expectsCallbacks.test(appId) && now - since >= timeoutMillis) {
                if (silent.add(appId)) {
                    newlySilent = true;
                    LOG.warn("GeWe callback on {}: nothing from account {} for {} ms (silenceTimeout {} ms): GeWe may "
                             + "have stopped pushing to this URL{}", path, appId, now - since, timeoutMillis,
                            reregister == null ? "" : "; registering it again");
                }
            } else if (silent.remove(appId)) {
                LOG.info("GeWe callback on {}: account {} is heard from again", path, appId);
            }
        }
        save();
        if (newlySilent && reregister != null) {
            reregister.run();
        }
    }

    /** The accounts silent at the last check and not heard from since, sorted. */
    Set<String> silentAccounts() {
        long now = clock.getAsLong();
        Map<String, Long> last = arrivals.get();
        Set<String> still = new TreeSet<>();
        for (String appId : silent) {
            if (now - last.getOrDefault(appId, startedAt) >= timeoutMillis) {
                still.add(appId);
            }
        }
        return still;
    }
}
