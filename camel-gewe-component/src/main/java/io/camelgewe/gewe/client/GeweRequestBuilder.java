package io.camelgewe.gewe.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.camelgewe.gewe.errors.GeweValidationException;
import io.camelgewe.gewe.catalog.GeweField;
import io.camelgewe.gewe.catalog.GeweOperation;
import io.camelgewe.gewe.model.GeweRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;
import org.apache.camel.WrappedFile;

/**
 * Builds the JSON body of one GeWe call from a Camel message: the one place where a request is put together.
 * <p>
 * For each field of the operation the first value found wins: the body's own field, the header {@code CamelGewe} +
 * field name, the endpoint option, GeWe's documented default. Each value is converted to the field's catalog type.
 * Missing required fields and values of the wrong type are all reported together in one
 * {@link GeweValidationException}, before anything is sent. Only the operation's fields are written: nothing else of
 * the Camel message reaches GeWe.
 * <p>
 * One instance per endpoint: the endpoint options are resolved and checked once, when the endpoint starts.
 */
public final class GeweRequestBuilder {

    /** A body is a message description, not media (media goes by URL): anything larger is a mistake. */
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private static final JavaType MAP_TYPE = GeweJson.mapper().getTypeFactory()
            .constructMapType(LinkedHashMap.class, String.class, Object.class);
    private static final ObjectReader MAP_READER = GeweJson.mapper().readerFor(MAP_TYPE);

    private final GeweOperation operation;
    private final GeweField[] fields;
    private final Object[] fallbacks;
    private final int mainIndex;
    private final int fileNameIndex;

    /**
     * @param operation the operation
     * @param options   the endpoint's values for the operation's fields, by field name (unconverted)
     * @throws GeweValidationException when an option does not fit its field's type
     */
    public GeweRequestBuilder(GeweOperation operation, Map<String, Object> options) {
        this.operation = operation;
        this.fields = operation.fields().toArray(new GeweField[0]);
        this.fallbacks = new Object[fields.length];
        this.mainIndex = indexOf(operation.mainField());
        this.fileNameIndex = indexOf(operation.fileNameField());
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
            GeweField f = fields[i];
            Object option = options.get(f.name());
            if (option != null) {
                try {
                    fallbacks[i] = f.type().coerce(option);
                } catch (IllegalArgumentException e) {
                    problems.add("option " + f.name() + ": " + e.getMessage());
                }
            } else {
                fallbacks[i] = f.defaultValue();
            }
        }
        if (!problems.isEmpty()) {
            throw new GeweValidationException(operation.qualifiedName(), List.of(), problems);
        }
    }

    private int indexOf(String name) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The decoded last path segment of a URL ({@code report.pdf} of {@code http://h/files/report.pdf?sig=1}). */
    static String fileNameOf(String url) {
        String path = url;
        int cut = indexOfAny(path, '?', '#');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.isEmpty()) {
            return null;
        }
        try {
            return java.net.URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    /** The operation this builder builds requests of. */
    public GeweOperation operation() {
        return operation;
    }

    /**
     * The value of each field of the operation for the exchange's message, in {@link GeweOperation#fields()} order,
     * already in its JSON type.
     *
     * @throws GeweValidationException naming every missing or malformed field
     */
    public Object[] resolve(Exchange exchange) {
        Message message = exchange.getMessage();
        return resolve(fieldsOf(message.getBody(), operation), message);
    }

    /**
     * The value of each field for a request given as fields (no headers), with the endpoint's options and GeWe's
     * defaults filling the rest.
     *
     * @throws GeweValidationException naming every missing or malformed field
     */
    public Object[] resolve(Map<String, Object> requestFields) {
        return resolve(requestFields, null);
    }

    /** The value of a field in resolved values, or null. */
    public Object value(Object[] values, String field) {
        int i = indexOf(field);
        return i < 0 ? null : values[i];
    }

    /** A copy of resolved values with one field changed (converted to its type). */
    public Object[] with(Object[] values, String field, Object value) {
        int i = indexOf(field);
        if (i < 0) {
            throw new IllegalArgumentException(operation.qualifiedName() + " has no field " + field);
        }
        Object[] copy = values.clone();
        copy[i] = value == null ? null : fields[i].type().coerce(value);
        return copy;
    }

    private Object[] resolve(Map<String, Object> bodyFields, Message message) {
        Object[] values = new Object[fields.length];
        List<String> missing = null;
        List<String> problems = null;
        for (int i = 0; i < fields.length; i++) {
            GeweField f = fields[i];
            Object raw = bodyFields.get(f.name());
            boolean fromHeader = false;
            if (raw == null && message != null) {
                raw = message.getHeader(f.headerName());
                fromHeader = true;
            }
            Object value = fallbacks[i];
            if (raw != null) {
                try {
                    value = f.type().coerce(raw);
                } catch (IllegalArgumentException e) {
                    // named only when it is wrong: building the text for every field would cost every send
                    String source = fromHeader ? "header " + f.headerName() : "body";
                    problems = add(problems, f.name() + " (from the " + source + "): " + e.getMessage());
                    continue;
                }
            }
            if (f.required() && (value == null || value instanceof String && ((String) value).isBlank())
                    && !(value != null && f.mayBeEmpty())) {
                missing = add(missing, f.name());
            } else if (isZeroMessageId(f.name(), value)) {
                problems = add(problems, f.name() + " is 0, which is no message's id: GeWe answers a send with id 0 "
                        + "when it has none to give, and a revokeMsg with it answers success yet revokes nothing");
            }
            values[i] = value;
        }
        if (fileNameIndex >= 0 && values[fileNameIndex] == null && mainIndex >= 0 && values[mainIndex] != null) {
            values[fileNameIndex] = fileNameOf(values[mainIndex].toString());
            if (values[fileNameIndex] != null && missing != null) {
                missing.remove(fields[fileNameIndex].name());
                missing = missing.isEmpty() ? null : missing;
            }
        }
        if (missing != null || problems != null) {
            throw invalid(missing, problems, bodyFields);
        }
        return values;
    }

    /**
     * Writes resolved values as GeWe's JSON: the operation's fields in catalog order, nulls left out.
     *
     * @param operation the operation
     * @param values    the value of each of its fields, in {@link GeweOperation#fields()} order
     */
    public static byte[] write(GeweOperation operation, Object[] values) {
        List<GeweField> fields = operation.fields();
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator gen = GeweJson.mapper().createGenerator(out)) {
            gen.writeStartObject();
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    gen.writeFieldName(fields.get(i).name());
                    writeValue(gen, values[i]);
                }
            }
            gen.writeEndObject();
        } catch (IOException e) {
            // writing Strings, numbers, lists and maps to memory does not fail
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Text, whole numbers and booleans, what almost every field holds, are written as they are; writeObject would
     * set up Jackson's serializers for each of them, which costs more than the rest of the request.
     */
    private static void writeValue(JsonGenerator gen, Object value) throws IOException {
        if (value instanceof String text) {
            gen.writeString(text);
        } else if (value instanceof Long number) {
            gen.writeNumber(number);
        } else if (value instanceof Integer number) {
            gen.writeNumber(number);
        } else if (value instanceof Boolean flag) {
            gen.writeBoolean(flag);
        } else {
            gen.writeObject(value);
        }
    }

    private GeweValidationException invalid(List<String> missing, List<String> problems, Map<String, Object> body) {
        List<String> all = new ArrayList<>();
        if (missing != null) {
            all.add("missing required field" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + " (give each in the body, as a CamelGewe<Field> header or as an endpoint option)");
        }
        if (problems != null) {
            all.addAll(problems);
        }
        List<String> ignored = new ArrayList<>();
        for (String name : body.keySet()) {
            if (operation.field(name) == null) {
                ignored.add(name);
            }
        }
        if (!ignored.isEmpty()) {
            all.add("the body has fields that " + operation.action() + " does not take, ignored: "
                    + String.join(", ", ignored));
        }
        return new GeweValidationException(operation.qualifiedName(), missing == null ? List.of() : missing, all);
    }

    /** Whether a msgId/newMsgId field holds 0 (or "0"): no WeChat message has that id. */
    private static boolean isZeroMessageId(String field, Object value) {
        if (value == null || !("msgId".equals(field) || "newMsgId".equals(field))) {
            return false;
        }
        String text = value.toString().trim();
        return text.equals("0") || text.equals("0.0");
    }

    private static List<String> add(List<String> list, String item) {
        List<String> l = list == null ? new ArrayList<>(2) : list;
        l.add(item);
        return l;
    }

    /**
     * The request fields a body carries, by GeWe's names.
     * <p>
     * A {@link GeweRequest} or a Map is taken as it is; a {@link JsonNode} object field by field; JSON text as a
     * String, byte[], InputStream, Reader or file (what JMS, Kafka and files deliver) is parsed; plain non-JSON text
     * is the operation's main field ({@code imgUrl} of postImage); any other object is read as a bean, its properties
     * named as GeWe's fields.
     *
     * @param  body      the message body
     * @param  operation the operation the body is for; null when it is not known (plain text is then refused)
     * @throws GeweValidationException when the body cannot stand for a request of this operation
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> fieldsOf(Object body, GeweOperation operation) {
        if (body == null) {
            return Collections.emptyMap();
        }
        if (body instanceof GeweRequest) {
            return ((GeweRequest) body).getFields();
        }
        if (body instanceof Map) {
            Map<?, ?> map = (Map<?, ?>) body;
            for (Object key : map.keySet()) {
                if (!(key instanceof String)) {
                    throw bodyProblem(operation, "a Map body must have String keys (GeWe's field names), found "
                                                 + (key == null ? "null" : key.getClass().getSimpleName()));
                }
            }
            return (Map<String, Object>) map;
        }
        if (body instanceof JsonNode) {
            JsonNode node = (JsonNode) body;
            if (!node.isObject()) {
                throw bodyProblem(operation, "a JSON body must be an object, got a JSON " + node.getNodeType());
            }
            return GeweJson.mapper().convertValue(node, MAP_TYPE);
        }
        String text = textOf(body, operation);
        if (text == null) {
            try {
                return GeweJson.mapper().convertValue(body, MAP_TYPE);
            } catch (IllegalArgumentException e) {
                throw bodyProblem(operation, "a " + body.getClass().getName()
                                             + " body cannot be read as request fields: " + e.getMessage());
            }
        }
        return fieldsOfText(text, operation);
    }

    private static Map<String, Object> fieldsOfText(String raw, GeweOperation operation) {
        String text = raw.strip();
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1).strip();
        }
        if (text.isEmpty()) {
            return Collections.emptyMap();
        }
        if (text.charAt(0) == '{') {
            try {
                return MAP_READER.readValue(text);
            } catch (JsonProcessingException e) {
                throw bodyProblem(operation, "the body starts like a JSON object but is not valid JSON ("
                                             + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr()
                                             + ", column " + e.getLocation().getColumnNr() + ")");
            }
        }
        if (text.charAt(0) == '[') {
            throw bodyProblem(operation, "a JSON array cannot be one request; split it first (split().jsonpath(\"$[*]\"))");
        }
        if (operation == null || operation.mainField() == null) {
            throw bodyProblem(operation, "a plain text body has no meaning for "
                                         + (operation == null ? "a generic request" : operation.action())
                                         + "; send a JSON object, a Map or a GeweRequest");
        }
        return Map.of(operation.mainField(), text);
    }

    /** The text of a body that is text on the wire, or null for other objects. */
    private static String textOf(Object body, GeweOperation operation) {
        try {
            if (body instanceof String) {
                return (String) body;
            }
            if (body instanceof CharSequence) {
                return body.toString();
            }
            if (body instanceof byte[]) {
                byte[] bytes = (byte[]) body;
                checkSize(bytes.length, operation);
                return new String(bytes, StandardCharsets.UTF_8);
            }
            if (body instanceof StreamCache) {
                ((StreamCache) body).reset();
            }
            if (body instanceof InputStream) {
                return readLimited((InputStream) body, operation);
            }
            if (body instanceof Reader) {
                StringBuilder sb = new StringBuilder();
                char[] buf = new char[8192];
                for (int n; (n = ((Reader) body).read(buf)) > 0;) {
                    sb.append(buf, 0, n);
                    checkSize(sb.length(), operation);
                }
                return sb.toString();
            }
            if (body instanceof WrappedFile) {
                Object file = ((WrappedFile<?>) body).getFile();
                if (file instanceof java.io.File) {
                    java.io.File f = (java.io.File) file;
                    checkSize(f.length(), operation);
                    return java.nio.file.Files.readString(f.toPath(), StandardCharsets.UTF_8);
                }
                Object content = ((WrappedFile<?>) body).getBody();
                return content == null ? "" : textOf(content, operation);
            }
            return null;
        } catch (IOException e) {
            throw bodyProblem(operation, "the body could not be read: " + e.getMessage());
        }
    }

    private static String readLimited(InputStream in, GeweOperation operation) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        for (int n; (n = in.read(buf)) > 0;) {
            out.write(buf, 0, n);
            checkSize(out.size(), operation);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void checkSize(long size, GeweOperation operation) {
        if (size > MAX_BODY_BYTES) {
            throw bodyProblem(operation, "the body is larger than " + MAX_BODY_BYTES / (1024 * 1024)
                                         + " MiB; a gewe: body describes a message, media goes by URL");
        }
    }

    private static GeweValidationException bodyProblem(GeweOperation operation, String problem) {
        return new GeweValidationException(operation == null ? null : operation.qualifiedName(), List.of(),
                List.of("body: " + problem));
    }
}
