package io.camelgewe.gewe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * GeWe's operations as the official pages describe them: fixed data to check the component against, independent of
 * its catalog ({@code gewe-catalog.json}) and of the simulator, which validates requests with that same catalog.
 * <p>
 * <b>How {@code official/gewe-operations.json} was derived.</b> Once, from the OpenAPI block ({@code ```yaml}) of each
 * page of the project's copy of the official documentation ({@code ../shared/gewe-api/official/}, one page per
 * operation; the guides, account rules and callback reference have no block), parsed with PyYAML's
 * {@code safe_load}; never from {@code catalog.json}, which the component's catalog was copied from. Per page:
 * <ul>
 * <li>{@code path}: the page's one path without {@code /gewe/v2/api};</li>
 * <li>{@code request}: the properties of the {@code application/json} request schema, in the order written; the type is
 * the property's {@code type} ({@code array<T>} with {@code T} its {@code items.type}), required when the schema's
 * {@code required} list names it, and the property's {@code default} in the property's type (the pages write
 * boolean defaults as text: {@code 'false'});</li>
 * <li>{@code example}: the request example as the page gives it (one page, 延迟点赞、小红心, writes it as JSON text
 * with {@code //} comments, which were stripped);</li>
 * <li>{@code received}, only where it differs from the example: what GeWe is to receive for that example when the
 * parameter table is trusted over the example: fields the table does not have are not sent ({@code proxyIp} in many
 * examples), a value is given the table's type where the example writes another (updateProfile's {@code sex: 1} is
 * {@code "1"}), and {@code notes} say which.</li>
 * </ul>
 * Only requests are kept: the response examples disagree with their schemas in their own ways (ids rounded by
 * JavaScript, {@code type: null} where the schema says integer), and the component's reply handling is tested
 * elsewhere. To derive the file again after the pages change, parse them by these rules and replace it; the tests then
 * show what changed.
 */
public final class OfficialPages {

    private static final String RESOURCE = "/official/gewe-operations.json";

    /**
     * A plain mapper, as the simulator's: the trees it records and the ones read here then hold the same node classes
     * for the same JSON, so {@link JsonNode#equals} compares JSON types too.
     */
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** One request field, as the page's parameter table states it. */
    public record Field(String name, String type, boolean required, JsonNode defaultValue) {
    }

    /**
     * One operation's page.
     *
     * @param page     the page, relative to the official documentation folder
     * @param path     the path after the base URL ({@code /message/postImage})
     * @param request  the request fields, in the page's order
     * @param example  the page's request example, or null where it has none
     * @param received what GeWe is to receive for the example by the parameter table
     * @param notes    where and why {@code received} differs from the example
     */
    public record Operation(String page, String path, List<Field> request, JsonNode example, JsonNode received,
                            List<String> notes) {

        /** {@code module/action}: the name that always works in a {@code gewe:} URI. */
        public String qualifiedName() {
            return path.substring(1);
        }

        /** GeWe's module ({@code message}). */
        public String module() {
            return path.substring(1, path.indexOf('/', 1));
        }

        /** The field of that name, or null. */
        public Field field(String name) {
            return request.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
        }
    }

    private static final class Holder {
        static final List<Operation> OPERATIONS = load();
    }

    private OfficialPages() {
    }

    /** Every operation of the official pages, by path. */
    public static List<Operation> operations() {
        return Holder.OPERATIONS;
    }

    /** How many operations the official pages describe. */
    public static int count() {
        return operations().size();
    }

    private static List<Operation> load() {
        try (InputStream in = OfficialPages.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the test classpath");
            }
            List<Operation> ops = new ArrayList<>();
            for (JsonNode row : MAPPER.readTree(in)) {
                List<Field> fields = new ArrayList<>();
                for (JsonNode f : row.get("request")) {
                    fields.add(new Field(f.get("name").textValue(), f.get("type").textValue(),
                            f.get("required").booleanValue(), f.get("default")));
                }
                JsonNode example = row.get("example");
                example = example == null || example.isNull() ? null : example;
                JsonNode received = row.has("received") ? row.get("received") : example;
                List<String> notes = new ArrayList<>();
                row.path("notes").forEach(n -> notes.add(n.textValue()));
                ops.add(new Operation(row.get("page").textValue(), row.get("path").textValue(), List.copyOf(fields),
                        example, received, List.copyOf(notes)));
            }
            return List.copyOf(ops);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
