package io.camelgewe.gewe.simulator;

import java.util.AbstractMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.sun.net.httpserver.Headers;

/**
 * A read-only, case-insensitive view of a request's headers that shows the first value of each.
 * <p>
 * It wraps the JDK's {@link Headers} (already case-insensitive) instead of copying them, because recording happens on
 * every request of a benchmark and a copy would be work for nothing in the common case that nobody looks.
 */
final class FirstValueHeaders extends AbstractMap<String, String> {

    private final Headers headers;

    FirstValueHeaders(Headers headers) {
        this.headers = headers;
    }

    @Override
    public String get(Object key) {
        return key instanceof String ? headers.getFirst((String) key) : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String && headers.containsKey(key);
    }

    @Override
    public int size() {
        return headers.size();
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        Set<Entry<String, String>> entries = new LinkedHashSet<>();
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            List<String> values = e.getValue();
            entries.add(new SimpleImmutableEntry<>(e.getKey(), values == null || values.isEmpty() ? null : values.get(0)));
        }
        return java.util.Collections.unmodifiableSet(entries);
    }
}
