package io.camelgewe.gewe.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelgewe.gewe.simulator.ResponseShapes.DataField;

/**
 * GeWe's catalog as the simulator reads it: each operation's path, its request fields (name, JSON type, required)
 * and the shape of its reply's {@code data}.
 * <p>
 * It is the component's {@code gewe-catalog.json}, copied into this jar at build time, read here with code of the
 * simulator's own rather than through the component's {@code GeweCatalog}: the simulator stands for GeWe, so a
 * mistake in how the component reads or applies the catalog shows as a refused request instead of being agreed with.
 * Field defaults are not read: GeWe's documented defaults are the client's business, and the simulator, like GeWe,
 * refuses a request that leaves out a required field whatever its default.
 */
final class SimCatalog {

    /** The catalog's resource, beside this class. */
    static final String RESOURCE = "gewe-catalog.json";

    /**
     * One request field.
     *
     * @param name     GeWe's field name ({@code toWxid})
     * @param type     its JSON type
     * @param required whether GeWe refuses a request without it
     */
    record Field(String name, FieldType type, boolean required) {
    }

    /**
     * One operation.
     *
     * @param module GeWe's module ({@code message})
     * @param action GeWe's action ({@code postImage})
     * @param fields the request fields, in the catalog's order
     * @param data   the fields of the success reply's {@code data}
     */
    record Operation(String module, String action, List<Field> fields, List<DataField> data) {

        /** {@code module/action}, as requests are recorded. */
        String qualifiedName() {
            return module + "/" + action;
        }

        /** The path after the base URL ({@code /message/postImage}). */
        String path() {
            return "/" + qualifiedName();
        }

        /** The field of that name, or null. */
        Field field(String name) {
            for (Field f : fields) {
                if (f.name().equals(name)) {
                    return f;
                }
            }
            return null;
        }

        /** Whether it sends a message to a chat: such replies carry fresh ids, and fail while offline. */
        boolean isSend() {
            return "message".equals(module) && (action.startsWith("post") || action.startsWith("forward")
                    || "sendFinderMsg".equals(action));
        }

        /** Whether it answers with the URL of a file to download. */
        boolean isDownload() {
            return action.startsWith("download");
        }
    }

    private static final class Holder {
        static final SimCatalog INSTANCE = read();
    }

    private final Map<String, Operation> byQualifiedName;

    private SimCatalog(Map<String, Operation> byQualifiedName) {
        this.byQualifiedName = Collections.unmodifiableMap(byQualifiedName);
    }

    /** The catalog in this jar, read once per JVM. */
    static SimCatalog get() {
        return Holder.INSTANCE;
    }

    /** Every operation, in the catalog's order. */
    Collection<Operation> operations() {
        return byQualifiedName.values();
    }

    /** The operation named {@code module/action}, or null. */
    Operation find(String qualifiedName) {
        return byQualifiedName.get(qualifiedName);
    }

    private static SimCatalog read() {
        try (InputStream in = SimCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The GeWe catalog " + RESOURCE + " is missing from the classpath");
            }
            Map<String, Operation> ops = new LinkedHashMap<>();
            for (JsonNode row : new ObjectMapper().readTree(in)) {
                Operation op = operation(row);
                ops.put(op.qualifiedName(), op);
            }
            return new SimCatalog(ops);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the GeWe catalog " + RESOURCE, e);
        }
    }

    private static Operation operation(JsonNode row) {
        List<Field> fields = new ArrayList<>();
        for (JsonNode f : row.path("request")) {
            fields.add(new Field(f.path("name").asText(), FieldType.ofCatalogName(f.path("type").asText()),
                    f.path("required").asBoolean()));
        }
        return new Operation(row.path("module").asText(), row.path("action").asText(), List.copyOf(fields),
                ResponseShapes.of(row));
    }
}
