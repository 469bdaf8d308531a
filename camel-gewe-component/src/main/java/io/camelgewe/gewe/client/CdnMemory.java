package io.camelgewe.gewe.client;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.camelgewe.gewe.model.CdnSendResult;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.LRUCacheFactory;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Remembers, per account and media URL, where GeWe put the media of a postImage or postVideo on WeChat's CDN, so that
 * the same media can be sent again as a forward (GeWe's own advice: no second download and upload).
 * <p>
 * The entries live in a Camel {@link StateRepository}: a bounded in-memory one by default, or any repository a
 * cluster shares. Values are the JSON of the send's result.
 */
public final class CdnMemory {

    /** Marks a forgotten entry: not every repository can remove. */
    private static final String FORGOTTEN = "";

    private final StateRepository<String, String> repository;

    /** @param repository where the entries live */
    public CdnMemory(StateRepository<String, String> repository) {
        this.repository = repository;
    }

    /** A repository that keeps the most recently used {@code capacity} entries in memory. */
    public static StateRepository<String, String> bounded(int capacity) {
        return new Bounded(capacity);
    }

    /** The repository the entries live in. */
    public StateRepository<String, String> repository() {
        return repository;
    }

    /** The remembered result of sending {@code url} from {@code appId} with this action, or null. */
    public <T extends CdnSendResult> T recall(String appId, String action, String url, Class<T> type) {
        String json = repository.getState(key(appId, action, url));
        if (json == null || json.isEmpty()) {
            return null;
        }
        try {
            return GeweJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            // an entry this version cannot read is as good as none: the full send remembers a fresh one
            return null;
        }
    }

    /** Remembers a send's CDN coordinates. */
    public void remember(String appId, String action, String url, CdnSendResult result) {
        if (result == null || result.getAesKey() == null || result.getFileId() == null) {
            return;
        }
        try {
            repository.setState(key(appId, action, url), GeweJson.mapper().writeValueAsString(result));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A send result could not be written as JSON", e);
        }
    }

    /** Forgets an entry whose forward GeWe refused (the CDN copy may have expired). */
    public void forget(String appId, String action, String url) {
        repository.setState(key(appId, action, url), FORGOTTEN);
    }

    private static String key(String appId, String action, String url) {
        return appId + '\n' + action + '\n' + url;
    }

    /** The default repository: bounded, least recently used entries go first. */
    private static final class Bounded extends ServiceSupport implements StateRepository<String, String> {
        private final Map<String, String> entries;

        Bounded(int capacity) {
            this.entries = LRUCacheFactory.newLRUCache(capacity);
        }

        @Override
        public void setState(String key, String value) {
            entries.put(key, value);
        }

        @Override
        public String getState(String key) {
            return entries.get(key);
        }
    }
}
