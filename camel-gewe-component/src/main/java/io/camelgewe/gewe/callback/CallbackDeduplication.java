package io.camelgewe.gewe.callback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops GeWe's repeated pushes, with Camel's idempotent-consumer semantics over an {@link IdempotentRepository}: the
 * key of a push is added when it is accepted (so a repeat that arrives while the first is still routing is dropped
 * too), confirmed when its route succeeds, and removed when the route fails (unless {@code removeOnFailure=false}) or
 * the push cannot be routed at all, so that GeWe's next push of it is routed again. The one place where the key is
 * formed and kept.
 */
public final class CallbackDeduplication extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackDeduplication.class);

    private final IdempotentRepository repository;
    private final boolean ownRepository;
    private final boolean removeOnFailure;

    /**
     * @param repository      the user's repository; null for a bounded in-memory one of {@code cacheSize} keys
     * @param cacheSize       the size of the in-memory repository
     * @param removeOnFailure whether the key of a push whose route failed is forgotten
     */
    public CallbackDeduplication(IdempotentRepository repository, int cacheSize, boolean removeOnFailure) {
        this.ownRepository = repository == null;
        this.repository = ownRepository ? MemoryIdempotentRepository.memoryIdempotentRepository(cacheSize) : repository;
        this.removeOnFailure = removeOnFailure;
    }

    /**
     * Below this a NewMsgId is not an id: GeWe's system messages carry the push's time in seconds (10 digits) where
     * messages carry a 64-bit id of 19 digits, so two system messages of one second share it (gewe-hub's webhook
     * dedupe, {@code isPseudoMessageId}, tells them apart the same way: exactly 10 digits).
     */
    static final long PSEUDO_ID_LIMIT = 10_000_000_000L;

    /**
     * The key a callback is deduplicated on: {@code Appid:NewMsgId}, the id written unsigned; for a pseudo id (a
     * NewMsgId below 10^10, the push's time in seconds) {@code Appid:NewMsgId:MsgType:digest}, the digest a SHA-256
     * of the sender, receiver, MsgId, CreateTime and content, so that a repeat (the same push again) is dropped and a
     * different system message of the same second is not; null when the callback has no NewMsgId (events), which is
     * never deduplicated.
     */
    public static String keyOf(GeweCallback callback) {
        Long newMsgId = callback.getNewMsgId();
        if (newMsgId == null) {
            return null;
        }
        String app = callback.getAppId() == null ? "" : callback.getAppId();
        String key = app + ":" + Long.toUnsignedString(newMsgId);
        if (newMsgId < 0 || newMsgId >= PSEUDO_ID_LIMIT) {
            return key;
        }
        return key + ":" + callback.getMsgType() + ":" + digestOf(callback);
    }

    private static String digestOf(GeweCallback callback) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        // NUL between fields: no field's end can pass for the next one's start
        for (Object field : new Object[] { callback.getFromWxid(), callback.getToWxid(), callback.getMsgId(),
                callback.getCreateTime(), callback.getContent() }) {
            sha.update(String.valueOf(field).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        // 128 bits are plenty to tell apart the system messages of one second, and keep the repository's keys short
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sha.digest(), 16));
    }

    /**
     * Takes a push in by its key.
     *
     * @param  key the push's {@link #keyOf key}; null for a push that has none
     * @return     false when it is a repeat of a push already taken in (and not forgotten since)
     */
    public boolean add(String key) {
        return key == null || repository.add(key);
    }

    /** The route of an accepted push completed; a failed one is forgotten or kept as removeOnFailure says. */
    public void routed(String key, boolean failed) {
        if (key == null) {
            return;
        }
        try {
            if (failed && removeOnFailure) {
                repository.remove(key);
            } else {
                repository.confirm(key);
            }
        } catch (RuntimeException e) {
            LOG.warn("GeWe callback: the idempotent repository failed after a route: {}", e.toString());
        }
    }

    /** An accepted push could not be routed at all: forgotten, so that GeWe's next push of it is routed. */
    public void notRouted(String key) {
        if (key != null) {
            repository.remove(key);
        }
    }

    @Override
    protected void doStart() throws Exception {
        ServiceHelper.startService(repository);
    }

    @Override
    protected void doStop() throws Exception {
        if (ownRepository) {
            // a user's repository is theirs to stop
            ServiceHelper.stopService(repository);
        }
    }
}
