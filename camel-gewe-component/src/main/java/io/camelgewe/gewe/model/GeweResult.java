package io.camelgewe.gewe.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Base of the typed results: GeWe's {@code data} object read into typed properties.
 * <p>
 * Fields GeWe adds that this version does not know are kept in {@link #getOther()} and written back when the result
 * is converted to JSON, so {@code convertBodyTo(String.class)} always gives all of {@code data}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public abstract class GeweResult {

    /** Created on the first unknown field: most answers have none, and every send makes a result. */
    private Map<String, Object> other;

    /** The fields of {@code data} that have no typed property here (empty when there are none). */
    @JsonAnyGetter
    public Map<String, Object> getOther() {
        return other == null ? Collections.emptyMap() : other;
    }

    /** Keeps a field of {@code data} that has no typed property. */
    @JsonAnySetter
    public void setOther(String name, Object value) {
        if (other == null) {
            other = new LinkedHashMap<>();
        }
        other.put(name, value);
    }
}
