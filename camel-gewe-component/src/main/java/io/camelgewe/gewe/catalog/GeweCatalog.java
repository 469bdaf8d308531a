package io.camelgewe.gewe.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelgewe.gewe.model.CheckOnline;
import io.camelgewe.gewe.model.DownloadCdn;
import io.camelgewe.gewe.model.DownloadEmojiMd5;
import io.camelgewe.gewe.model.DownloadFile;
import io.camelgewe.gewe.model.DownloadImage;
import io.camelgewe.gewe.model.DownloadResult;
import io.camelgewe.gewe.model.DownloadVideo;
import io.camelgewe.gewe.model.DownloadVoice;
import io.camelgewe.gewe.model.ForwardFile;
import io.camelgewe.gewe.model.ForwardImage;
import io.camelgewe.gewe.model.ForwardMiniApp;
import io.camelgewe.gewe.model.ForwardUrl;
import io.camelgewe.gewe.model.ForwardVideo;
import io.camelgewe.gewe.model.GeweRequest;
import io.camelgewe.gewe.model.ImageSendResult;
import io.camelgewe.gewe.model.Logout;
import io.camelgewe.gewe.model.PostAppMsg;
import io.camelgewe.gewe.model.PostEmoji;
import io.camelgewe.gewe.model.PostFile;
import io.camelgewe.gewe.model.PostImage;
import io.camelgewe.gewe.model.PostLink;
import io.camelgewe.gewe.model.PostMiniApp;
import io.camelgewe.gewe.model.PostNameCard;
import io.camelgewe.gewe.model.PostText;
import io.camelgewe.gewe.model.PostVideo;
import io.camelgewe.gewe.model.PostVoice;
import io.camelgewe.gewe.model.Reconnection;
import io.camelgewe.gewe.model.RevokeMsg;
import io.camelgewe.gewe.model.SendFinderMsg;
import io.camelgewe.gewe.model.SendResult;
import io.camelgewe.gewe.model.SetCallback;
import io.camelgewe.gewe.model.VideoSendResult;

/**
 * Every GeWe operation, read once from {@code gewe-catalog.json} (GeWe's catalog, copied unchanged from the official
 * pages), plus what the component adds to each row: the field a plain-text body stands for, the typed request and
 * result classes.
 * <p>
 * An operation is named {@code module/action} ({@code label/add}) or by its action alone where that is unique across
 * modules ({@code postImage}); {@link #find(String)} resolves both and explains every refusal.
 */
public final class GeweCatalog {

    private static final String RESOURCE = "gewe-catalog.json";

    /**
     * What the component adds to GeWe's rows: the typed request and result classes, and the field a plain, non-JSON
     * text body stands for. Operations not listed take {@link GeweRequest} and answer with a Jackson tree.
     */
    private static final Map<String, Overlay> OVERLAYS = Map.ofEntries(
            overlay("message/postText", PostText.class, SendResult.class, "content"),
            mediaSend("message/postImage", PostImage.class, ImageSendResult.class, "imgUrl", "message/forwardImage"),
            mediaSend("message/postVideo", PostVideo.class, VideoSendResult.class, "videoUrl", "message/forwardVideo"),
            overlay("message/postVoice", PostVoice.class, SendResult.class, "voiceUrl"),
            overlay("message/postFile", PostFile.class, SendResult.class, "fileUrl", "fileName"),
            overlay("message/postLink", PostLink.class, SendResult.class, "linkUrl"),
            overlay("message/postNameCard", PostNameCard.class, SendResult.class, "nameCardWxid"),
            overlay("message/postEmoji", PostEmoji.class, SendResult.class, "emojiMd5"),
            overlay("message/postAppMsg", PostAppMsg.class, SendResult.class, "appmsg"),
            overlay("message/postMiniApp", PostMiniApp.class, SendResult.class, null),
            overlay("message/forwardFile", ForwardFile.class, SendResult.class, "xml"),
            overlay("message/forwardImage", ForwardImage.class, ImageSendResult.class, "xml"),
            overlay("message/forwardVideo", ForwardVideo.class, VideoSendResult.class, "xml"),
            overlay("message/forwardUrl", ForwardUrl.class, SendResult.class, "xml"),
            overlay("message/forwardMiniApp", ForwardMiniApp.class, SendResult.class, "xml"),
            overlay("message/revokeMsg", RevokeMsg.class, JsonNode.class, null),
            overlay("message/sendFinderMsg", SendFinderMsg.class, JsonNode.class, null),
            overlay("message/downloadImage", DownloadImage.class, DownloadResult.class, "xml"),
            overlay("message/downloadVideo", DownloadVideo.class, DownloadResult.class, "xml"),
            overlay("message/downloadVoice", DownloadVoice.class, DownloadResult.class, "xml"),
            overlay("message/downloadFile", DownloadFile.class, DownloadResult.class, "xml"),
            overlay("message/downloadEmojiMd5", DownloadEmojiMd5.class, DownloadResult.class, "emojiMd5"),
            overlay("message/downloadCdn", DownloadCdn.class, DownloadResult.class, null),
            overlay("sns/downloadSnsVideo", GeweRequest.class, DownloadResult.class, "snsXml"),
            overlay("login/checkOnline", CheckOnline.class, Boolean.class, null),
            overlay("login/setCallback", SetCallback.class, JsonNode.class, "callbackUrl"),
            overlay("login/reconnection", Reconnection.class, JsonNode.class, null),
            overlay("login/logout", Logout.class, JsonNode.class, null));

    /**
     * @param fileNameField a field that, when nothing gives it, takes the file name at the end of the main field's URL
     *                      (postFile's fileName from fileUrl)
     * @param cdnForward    the forward that sends a media send's CDN copy again (see GeweOperation#cdnForward)
     */
    private record Overlay(Class<? extends GeweRequest> requestType, Class<?> resultType, String mainField,
                           String fileNameField, String cdnForward) {
    }

    private static Map.Entry<String, Overlay> overlay(String operation, Class<? extends GeweRequest> requestType,
                                                      Class<?> resultType, String mainField) {
        return overlay(operation, requestType, resultType, mainField, null);
    }

    private static Map.Entry<String, Overlay> overlay(String operation, Class<? extends GeweRequest> requestType,
                                                      Class<?> resultType, String mainField, String fileNameField) {
        return Map.entry(operation, new Overlay(requestType, resultType, mainField, fileNameField, null));
    }

    private static Map.Entry<String, Overlay> mediaSend(String operation, Class<? extends GeweRequest> requestType,
                                                        Class<?> resultType, String mainField, String cdnForward) {
        return Map.entry(operation, new Overlay(requestType, resultType, mainField, null, cdnForward));
    }

    private static final class Holder {
        static final GeweCatalog INSTANCE = load();
    }

    private final Map<String, GeweOperation> byQualifiedName;
    private final Map<String, List<GeweOperation>> byAction;
    private final Map<Class<?>, GeweOperation> byRequestType;
    private final Set<String> fieldNames;

    private GeweCatalog(List<GeweOperation> operations) {
        Map<String, GeweOperation> qualified = new LinkedHashMap<>();
        Map<String, List<GeweOperation>> actions = new LinkedHashMap<>();
        Map<Class<?>, GeweOperation> requestTypes = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        for (GeweOperation op : operations) {
            op.fields().forEach(f -> names.add(f.name()));
            qualified.put(op.qualifiedName(), op);
            actions.computeIfAbsent(op.action(), a -> new ArrayList<>()).add(op);
            if (op.requestType() != GeweRequest.class) {
                requestTypes.put(op.requestType(), op);
            }
        }
        this.byQualifiedName = Collections.unmodifiableMap(qualified);
        this.byAction = actions;
        this.byRequestType = requestTypes;
        this.fieldNames = Set.copyOf(names);
    }

    /** The catalog shipped with the component. */
    public static GeweCatalog get() {
        return Holder.INSTANCE;
    }

    /** All operations, in catalog order (by module, then action). */
    public Collection<GeweOperation> operations() {
        return byQualifiedName.values();
    }

    /**
     * The operation named {@code module/action}, or by a unique action name.
     *
     * @throws IllegalArgumentException naming the operation and listing the valid names, or, for an action that
     *                                  several modules share, the qualified choices
     */
    public GeweOperation find(String name) {
        String key = name == null ? "" : name.trim();
        while (key.startsWith("/")) {
            key = key.substring(1);
        }
        GeweOperation op = byQualifiedName.get(key);
        if (op != null) {
            return op;
        }
        List<GeweOperation> candidates = byAction.get(key);
        if (candidates != null && candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates != null) {
            throw new IllegalArgumentException("GeWe operation '" + key + "' is ambiguous: several modules have it. Use one of: "
                                               + candidates.stream().map(GeweOperation::qualifiedName)
                                                       .collect(Collectors.joining(", ")));
        }
        throw new IllegalArgumentException("Unknown GeWe operation '" + key + "'. Valid operations: " + validNames());
    }

    /** Whether some operation has a request field of this name. */
    public boolean isFieldName(String name) {
        return fieldNames.contains(name);
    }

    /** The operation whose typed request class this is, or null. */
    public GeweOperation forRequestType(Class<?> requestType) {
        return byRequestType.get(requestType);
    }

    /** The shortest name of an operation in a {@code gewe:} URI: its action where unique, else module/action. */
    public String uriName(GeweOperation op) {
        return byAction.get(op.action()).size() == 1 ? op.action() : op.qualifiedName();
    }

    /**
     * Every name a {@code gewe:} URI accepts for an operation, sorted: {@code module/action} of each, and the action
     * alone where no other module has it.
     */
    public SortedSet<String> uriNames() {
        TreeSet<String> names = new TreeSet<>();
        for (GeweOperation op : operations()) {
            names.add(op.qualifiedName());
            names.add(uriName(op));
        }
        return Collections.unmodifiableSortedSet(names);
    }

    /** The shortest name of every operation, sorted: what an unknown name is answered with. */
    public String validNames() {
        TreeSet<String> names = new TreeSet<>();
        for (GeweOperation op : operations()) {
            names.add(uriName(op));
        }
        return String.join(", ", names);
    }

    private static GeweCatalog load() {
        try (InputStream in = GeweCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The GeWe catalog " + RESOURCE + " is missing from the classpath");
            }
            JsonNode rows = new ObjectMapper().readTree(in);
            List<GeweOperation> ops = new ArrayList<>();
            for (JsonNode row : rows) {
                ops.add(operation(row));
            }
            return new GeweCatalog(ops);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the GeWe catalog " + RESOURCE, e);
        }
    }

    private static GeweOperation operation(JsonNode row) {
        String module = row.path("module").asText();
        String action = row.path("action").asText();
        String qualified = module + "/" + action;
        List<GeweField> fields = new ArrayList<>();
        for (JsonNode f : row.path("request")) {
            GeweFieldType type = GeweFieldType.ofCatalogName(f.path("type").asText());
            JsonNode def = f.path("default");
            // the catalog writes some defaults as text ("true"); coerce them once to the field's JSON type
            Object defaultValue = def.isMissingNode() || def.isNull() ? null : type.coerce(def);
            fields.add(GeweField.of(f.path("name").asText(), type, f.path("required").asBoolean(), defaultValue,
                    f.path("description").asText(null)));
        }
        Overlay overlay = OVERLAYS.getOrDefault(qualified,
                new Overlay(GeweRequest.class, JsonNode.class, null, null, null));
        return new GeweOperation(module, action, row.path("summary").asText(), fields,
                overlay.mainField(), overlay.fileNameField(), overlay.requestType(), overlay.resultType(),
                overlay.cdnForward());
    }
}
