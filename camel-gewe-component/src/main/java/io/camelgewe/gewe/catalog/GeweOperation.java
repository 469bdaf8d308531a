package io.camelgewe.gewe.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelgewe.gewe.model.GeweRequest;

/**
 * One GeWe operation: where it is posted, which fields it takes, what the component does with its body and result.
 * Instances come from {@link GeweCatalog}; there is one per row of GeWe's catalog.
 */
public final class GeweOperation {

    private final String module;
    private final String action;
    private final String summary;
    private final List<GeweField> fields;
    private final Map<String, GeweField> fieldsByName;
    private final String mainField;
    private final String fileNameField;
    private final Class<? extends GeweRequest> requestType;
    private final Class<?> resultType;
    private final String cdnForward;
    // built once: every call names its operation (messages, the account's signals, the switch on it)
    private final String qualifiedName;
    private final String path;
    // asked on every call (pacing, account state, activity): worked out once from the names
    private final boolean send;
    private final boolean download;

    GeweOperation(String module, String action, String summary, List<GeweField> fields,
                  String mainField, String fileNameField, Class<? extends GeweRequest> requestType,
                  Class<?> resultType, String cdnForward) {
        this.module = module;
        this.action = action;
        this.summary = summary;
        this.fields = List.copyOf(fields);
        Map<String, GeweField> byName = new LinkedHashMap<>();
        for (GeweField f : fields) {
            byName.put(f.name(), f);
        }
        this.fieldsByName = byName;
        this.mainField = mainField;
        this.fileNameField = fileNameField;
        this.requestType = requestType;
        this.resultType = resultType;
        this.cdnForward = cdnForward;
        this.qualifiedName = module + "/" + action;
        this.path = "/" + qualifiedName;
        this.send = "message".equals(module) && (action.startsWith("post") || action.startsWith("forward")
                || "sendFinderMsg".equals(action));
        this.download = action.startsWith("download");
    }

    /** GeWe's module ({@code message}). */
    public String module() {
        return module;
    }

    /** GeWe's action name ({@code postImage}). */
    public String action() {
        return action;
    }

    /** The qualified name, always valid in a {@code gewe:} URI ({@code message/postImage}). */
    public String qualifiedName() {
        return qualifiedName;
    }

    /** The path after the base URL ({@code /message/postImage}). */
    public String path() {
        return path;
    }

    /** GeWe's one-line summary (Chinese). */
    public String summary() {
        return summary;
    }

    /** The request fields, in GeWe's documented order. */
    public List<GeweField> fields() {
        return fields;
    }

    /** The field of that name, or null. */
    public GeweField field(String name) {
        return fieldsByName.get(name);
    }

    /**
     * The field a plain (non-JSON) text body stands for, or null when the operation has none: a route can send
     * {@code "http://host/a.png"} to {@code gewe:postImage} and mean {@code imgUrl}.
     */
    public String mainField() {
        return mainField;
    }

    /**
     * A field that, when nothing gives it a value, takes the file name at the end of the main field's URL
     * ({@code fileName} of postFile, from {@code fileUrl}); null for most operations.
     */
    public String fileNameField() {
        return fileNameField;
    }

    /** The typed request class of this operation, or {@link GeweRequest} where there is none. */
    public Class<? extends GeweRequest> requestType() {
        return requestType;
    }

    /** The type the body becomes after a successful call. */
    public Class<?> resultType() {
        return resultType;
    }

    /**
     * The operation that sends this media send's CDN copy again without a new upload ({@code message/forwardImage}
     * for postImage, {@code message/forwardVideo} for postVideo), or null: the operations cdnReuse works on.
     */
    public String cdnForward() {
        return cdnForward;
    }

    /** Whether this operation sends a message to a WeChat user or group. */
    public boolean isSend() {
        return send;
    }

    /** Whether this operation downloads media and answers with a URL to it. */
    public boolean isDownload() {
        return download;
    }

    @Override
    public String toString() {
        return qualifiedName();
    }
}
