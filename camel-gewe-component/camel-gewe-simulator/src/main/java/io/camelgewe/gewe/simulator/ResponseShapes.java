package io.camelgewe.gewe.simulator;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code data} of an operation's success reply, as GeWe's catalog documents it.
 * <p>
 * The reply shapes are in the catalog beside the requests (each row's {@code "data"}: a list of {@code {name, type}}),
 * so they are read from there rather than copied, and follow the catalog when it changes. A single row with an empty
 * name (or {@code []}) describes {@code data} itself rather than a field of it: {@code None} for no data,
 * {@code array}, {@code boolean}.
 */
final class ResponseShapes {

    /** One field of {@code data}: its name and the catalog's type ({@code string}, {@code integer}, {@code null}...). */
    record DataField(String name, String type) {

        /** Whether this row describes {@code data} as a whole rather than one of its fields. */
        boolean isRoot() {
            return name.isEmpty() || "[]".equals(name);
        }
    }

    private ResponseShapes() {
    }

    /** The data fields of one catalog row, in the catalog's order. */
    static List<DataField> of(JsonNode row) {
        List<DataField> fields = new ArrayList<>();
        for (JsonNode f : row.path("data")) {
            fields.add(new DataField(f.path("name").asText(""), f.path("type").asText("None")));
        }
        return List.copyOf(fields);
    }
}
