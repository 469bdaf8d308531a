package io.camelgewe.gewe.model;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The request of any GeWe operation: its fields by GeWe's names.
 * <p>
 * Typed subclasses ({@link PostImage}, ...) add getters and setters for one operation; every other operation takes
 * this class directly ({@code new GeweRequest().with("chatroomId", "123@chatroom")}). The fields are kept in one
 * map so the producer reads any request the same way, and Jackson writes it as GeWe's JSON.
 */
public class GeweRequest {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    /** Creates an empty request. */
    public GeweRequest() {
    }

    /** Sets a field by GeWe's name and returns this request. A null value removes the field. */
    public GeweRequest with(String name, Object value) {
        set(name, value);
        return this;
    }

    /** Sets a field by GeWe's name; a null value removes it. */
    @JsonAnySetter
    public void set(String name, Object value) {
        if (value == null) {
            fields.remove(name);
        } else {
            fields.put(name, value);
        }
    }

    /** The value of a field, or null. */
    public Object get(String name) {
        return fields.get(name);
    }

    /** All fields set, by GeWe's names, in the order they were set; this map is what is written as JSON. */
    @JsonValue
    public Map<String, Object> getFields() {
        return fields;
    }

    /** The appId: the logged-in device the request is for. */
    public String getAppId() {
        return text("appId");
    }

    /** Sets the appId: the logged-in device the request is for. */
    public void setAppId(String appId) {
        set("appId", appId);
    }

    /** A field as text, or null. */
    protected String text(String name) {
        Object v = fields.get(name);
        return v == null ? null : v.toString();
    }

    /** A field as a long, or null; text holding a number is read too (ids are 64-bit, never read as double). */
    protected Long number(String name) {
        Object v = fields.get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof Number && !(v instanceof Double) && !(v instanceof Float)) {
            return ((Number) v).longValue();
        }
        return Long.valueOf(v.toString().trim());
    }

    @Override
    public String toString() {
        // field values may be long XML; the names are what helps in a log line
        return getClass().getSimpleName() + fields.keySet();
    }
}
