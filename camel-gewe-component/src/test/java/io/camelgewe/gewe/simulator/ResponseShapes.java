package io.camelgewe.gewe.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelgewe.gewe.catalog.GeweCatalog;

/**
 * The {@code data} of each operation's success reply, as GeWe's catalog documents it.
 * <p>
 * {@link GeweCatalog} models requests only; the reply shapes are in the same resource ({@code gewe-catalog.json},
 * each row's {@code "data"}: a list of {@code {name, type}}), so they are read from there rather than copied, and
 * follow the catalog when it changes. A single row with an empty name (or {@code []}) describes {@code data} itself
 * rather than a field of it: {@code None} for no data, {@code array}, {@code boolean}.
 */
final class ResponseShapes {

    /** One field of {@code data}: its name and the catalog's type ({@code string}, {@code integer}, {@code null}...). */
    record DataField(String name, String type) {

        /** Whether this row describes {@code data} as a whole rather than one of its fields. */
        boolean isRoot() {
            return name.isEmpty() || "[]".equals(name);
        }
    }

    private static final String RESOURCE = "gewe-catalog.json";

    private ResponseShapes() {
    }

    /** Every operation's data fields, by qualified name ({@code message/postImage}). */
    static Map<String, List<DataField>> load(ObjectMapper mapper) {
        try (InputStream in = GeweCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The GeWe catalog " + RESOURCE + " is missing from the classpath");
            }
            Map<String, List<DataField>> shapes = new HashMap<>();
            for (JsonNode row : mapper.readTree(in)) {
                List<DataField> fields = new ArrayList<>();
                for (JsonNode f : row.path("data")) {
                    fields.add(new DataField(f.path("name").asText(""), f.path("type").asText("None")));
                }
                shapes.put(row.path("module").asText() + "/" + row.path("action").asText(), List.copyOf(fields));
            }
            return shapes;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the GeWe catalog " + RESOURCE, e);
        }
    }
}
