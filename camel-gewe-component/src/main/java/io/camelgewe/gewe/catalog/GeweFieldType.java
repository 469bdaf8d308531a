package io.camelgewe.gewe.catalog;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSON types GeWe's catalog gives request fields, and how a value from a body, a header or an endpoint option
 * becomes the JSON GeWe expects for each.
 * <p>
 * Values arrive in whatever form a route has (a URI option is a String, a header from JMS may be a Long, a JSON
 * body a List): {@link #coerce(Object)} turns them into exactly one JSON shape per type, or throws
 * {@link IllegalArgumentException} with a message that names the problem (the caller adds the field name).
 * Integers never pass through a {@code double}: GeWe's ids are 64-bit and a double rounds them.
 */
public enum GeweFieldType {

    /** A JSON string. Numbers are written as their decimal text (revokeMsg's ids are strings); lists are joined with commas. */
    STRING("string"),
    /** A JSON integer (64-bit or larger, kept exact). */
    INTEGER("integer"),
    /** A JSON number; GeWe uses it for 64-bit ids (snsId, msgId), so integral values are kept exact. */
    NUMBER("number"),
    /** A JSON boolean. */
    BOOLEAN("boolean"),
    /** A JSON array of strings. A comma-separated String is split. */
    STRING_ARRAY("array<string>"),
    /** A JSON object. */
    OBJECT("object"),
    /** A JSON array of objects. */
    OBJECT_ARRAY("array<object>");

    private final String catalogName;

    GeweFieldType(String catalogName) {
        this.catalogName = catalogName;
    }

    /** The type's name as GeWe's catalog spells it ({@code array<string>}). */
    public String catalogName() {
        return catalogName;
    }

    /** The type named in the catalog; unknown names are refused so a catalog change cannot pass unnoticed. */
    public static GeweFieldType ofCatalogName(String name) {
        for (GeweFieldType t : values()) {
            if (t.catalogName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown catalog field type: " + name);
    }

    /**
     * Converts a value to the JSON form of this type.
     *
     * @return a String, Long, BigInteger, BigDecimal, Boolean, List or Map/JsonNode ready for Jackson
     * @throws IllegalArgumentException naming what is wrong with the value
     */
    public Object coerce(Object value) {
        switch (this) {
            case STRING:
                return toText(value);
            case INTEGER:
            case NUMBER:
                return toNumber(value, this == INTEGER);
            case BOOLEAN:
                return toBoolean(value);
            case STRING_ARRAY:
                return toStringList(value);
            case OBJECT:
                if (value instanceof Map || value instanceof JsonNode && ((JsonNode) value).isObject()) {
                    return value;
                }
                throw new IllegalArgumentException("expected a JSON object, got " + describe(value));
            default:
                if (value instanceof Collection || value instanceof JsonNode && ((JsonNode) value).isArray()) {
                    return value;
                }
                throw new IllegalArgumentException("expected a JSON array of objects, got " + describe(value));
        }
    }

    private static String toText(Object value) {
        if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Character) {
            return value.toString();
        }
        if (value instanceof JsonNode && ((JsonNode) value).isValueNode()) {
            return ((JsonNode) value).asText();
        }
        if (value instanceof Collection) {
            // GeWe wants some lists as comma-separated strings (group/inviteMember.wxids)
            List<String> parts = new ArrayList<>();
            for (Object o : (Collection<?>) value) {
                parts.add(toText(o));
            }
            return String.join(",", parts);
        }
        if (value instanceof String[]) {
            return String.join(",", (String[]) value);
        }
        throw new IllegalArgumentException("expected text, got " + describe(value));
    }

    private static Object toNumber(Object value, boolean integral) {
        if (value instanceof Long || value instanceof BigInteger) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof JsonNode && ((JsonNode) value).isNumber()) {
            return toNumber(((JsonNode) value).numberValue(), integral);
        }
        if (value instanceof JsonNode && ((JsonNode) value).isTextual()) {
            return toNumber(((JsonNode) value).asText(), integral);
        }
        String text;
        if (value instanceof CharSequence) {
            text = value.toString().trim();
        } else if (value instanceof Number) {
            text = new BigDecimal(value.toString()).toPlainString();
        } else {
            throw new IllegalArgumentException("expected " + (integral ? "an integer" : "a number") + ", got "
                                               + describe(value));
        }
        try {
            BigDecimal d = new BigDecimal(text);
            try {
                BigInteger exact = d.toBigIntegerExact();
                return exact.bitLength() < 64 ? (Object) exact.longValue() : exact;
            } catch (ArithmeticException fractional) {
                if (integral) {
                    throw new IllegalArgumentException("expected an integer, got '" + text + "'");
                }
                return d;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected " + (integral ? "an integer" : "a number") + ", got '"
                                               + abbreviate(text) + "'");
        }
    }

    private static Boolean toBoolean(Object value) {
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof JsonNode && ((JsonNode) value).isBoolean()) {
            return ((JsonNode) value).booleanValue();
        }
        String text = value instanceof JsonNode ? ((JsonNode) value).asText() : String.valueOf(value);
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            default:
                throw new IllegalArgumentException("expected true or false, got '" + abbreviate(text) + "'");
        }
    }

    private static List<String> toStringList(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof CharSequence) {
            for (String part : value.toString().split(",")) {
                String p = part.trim();
                if (!p.isEmpty()) {
                    out.add(p);
                }
            }
        } else if (value instanceof Collection || value instanceof Object[]) {
            Iterable<?> items = value instanceof Collection ? (Collection<?>) value : List.of((Object[]) value);
            for (Object o : items) {
                if (o == null) {
                    throw new IllegalArgumentException("expected a list of strings, got a null element");
                }
                out.add(toText(o));
            }
        } else if (value instanceof JsonNode && ((JsonNode) value).isArray()) {
            for (JsonNode n : (JsonNode) value) {
                out.add(toText(n));
            }
        } else {
            throw new IllegalArgumentException("expected a list of strings, got " + describe(value));
        }
        return out;
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
