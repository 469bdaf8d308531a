package io.camelgewe.gewe.simulator;

import java.util.Locale;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSON types GeWe's catalog gives request fields, each with the check GeWe makes of a value.
 * <p>
 * The checks are strict and convert nothing: a client that sends {@code "10"} for an integer, or {@code "true"} for a
 * boolean, has a bug the simulator is meant to expose, so it must not agree with the client's own conversion. GeWe's
 * 64-bit ids pass exact: an {@code integer} is any integral JSON number (Jackson reads one beyond a long as a
 * BigInteger, never as a double), a {@code number} any number at all, integral or not ({@code snsId} is one).
 */
enum FieldType {

    /** A JSON string. */
    STRING("string", JsonNode::isTextual),
    /** An integral JSON number, of any size. */
    INTEGER("integer", JsonNode::isIntegralNumber),
    /** Any JSON number. */
    NUMBER("number", JsonNode::isNumber),
    /** A JSON boolean. */
    BOOLEAN("boolean", JsonNode::isBoolean),
    /** A JSON array of strings only. */
    STRING_ARRAY("array<string>", value -> arrayOf(value, JsonNode::isTextual)),
    /** A JSON object. */
    OBJECT("object", JsonNode::isObject),
    /** A JSON array of objects only. */
    OBJECT_ARRAY("array<object>", value -> arrayOf(value, JsonNode::isObject));

    private final String catalogName;
    private final Predicate<JsonNode> check;

    FieldType(String catalogName, Predicate<JsonNode> check) {
        this.catalogName = catalogName;
        this.check = check;
    }

    /** The type's name as the catalog spells it, and as GeWe's error message names it ({@code array<string>}). */
    String catalogName() {
        return catalogName;
    }

    /** Whether a (non-null) value is of this type. */
    boolean accepts(JsonNode value) {
        return check.test(value);
    }

    /**
     * The type the catalog names; an unknown name fails the simulator's start, so that a new type in the catalog
     * cannot pass unchecked.
     */
    static FieldType ofCatalogName(String name) {
        for (FieldType t : values()) {
            if (t.catalogName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown catalog field type: " + name);
    }

    /** The JSON type a value has, as GeWe's error message names it ({@code 实际为string}). */
    static String nameOf(JsonNode value) {
        if (value.isTextual()) {
            return "string";
        }
        if (value.isIntegralNumber()) {
            return "integer";
        }
        if (value.isNumber()) {
            return "number";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        if (value.isArray()) {
            return "array";
        }
        return value.isObject() ? "object" : value.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static boolean arrayOf(JsonNode value, Predicate<JsonNode> item) {
        if (!value.isArray()) {
            return false;
        }
        for (JsonNode i : value) {
            if (!item.test(i)) {
                return false;
            }
        }
        return true;
    }
}
