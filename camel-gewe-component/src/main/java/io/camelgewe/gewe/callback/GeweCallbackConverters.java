package io.camelgewe.gewe.callback;

import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.camelgewe.gewe.client.GeweJson;
import io.camelgewe.gewe.model.DownloadImage;
import io.camelgewe.gewe.model.GeweRequest;
import org.apache.camel.Converter;

/**
 * Type converters of {@link GeweCallback}, the body {@code from("gewe:callback")} delivers.
 * <ul>
 * <li>{@code convertBodyTo(String.class)}: the text ({@link GeweCallback#getText()}, group prefix removed; empty for
 * events);</li>
 * <li>{@code convertBodyTo(JsonNode.class)} or {@code Map.class}: the JSON GeWe pushed;</li>
 * <li>{@code convertBodyTo(GeweRequest.class)}: the request of the operation that downloads the message's media
 * ({@link GeweCallback#getDownloadOperation()}): downloadImage (a {@link DownloadImage}), downloadVoice,
 * downloadVideo, downloadFile, downloadEmojiMd5;</li>
 * <li>{@code convertBodyTo(DownloadImage.class)}: the downloadImage request of an image.</li>
 * </ul>
 * A callback with nothing to download fails the conversion with a message that says why.
 */
@Converter(generateLoader = true)
public final class GeweCallbackConverters {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private GeweCallbackConverters() {
    }

    /** The text of the message: the content without the group sender prefix; empty for events. */
    @Converter
    public static String toString(GeweCallback callback) {
        return callback.getText() == null ? "" : callback.getText();
    }

    /** The callback as GeWe pushed it. */
    @Converter
    public static JsonNode toJsonNode(GeweCallback callback) {
        return callback.getJson();
    }

    /** The callback as GeWe pushed it, as a Map (ids stay exact: Long or BigInteger, never double). */
    @Converter
    public static Map<String, Object> toMap(GeweCallback callback) {
        return GeweJson.mapper().convertValue(callback.getJson(), MAP);
    }

    /** The downloadImage request (appId, xml) of an image message; GeWe's default image type applies. */
    @Converter
    public static DownloadImage toDownloadImage(GeweCallback callback) {
        if (!Integer.valueOf(GeweMsgTypes.IMAGE).equals(callback.getMsgType())) {
            throw new IllegalArgumentException(describe(callback) + " is not an image (MsgType 3): no downloadImage request");
        }
        DownloadImage request = new DownloadImage();
        request.setAppId(callback.getAppId());
        request.setXml(callback.getMediaXml());
        return request;
    }

    /**
     * The request of the operation that downloads the message's media, with the fields that operation takes:
     * appId and xml (downloadImage, downloadVideo, downloadFile), plus msgId (downloadVoice), or emojiMd5
     * (downloadEmojiMd5).
     */
    @Converter
    public static GeweRequest toDownloadRequest(GeweCallback callback) {
        String operation = callback.getDownloadOperation();
        if (operation == null) {
            throw new IllegalArgumentException(describe(callback) + " has no media to download; downloads exist for "
                                               + "images (3), voice (34), video (43), emoji (47) and files (49 with "
                                               + "appmsg type 6)");
        }
        if ("downloadImage".equals(operation)) {
            return toDownloadImage(callback);
        }
        GeweRequest request = new GeweRequest().with("appId", callback.getAppId());
        switch (operation) {
            case "downloadEmojiMd5" -> request.set("emojiMd5", callback.getEmojiMd5());
            case "downloadVoice" -> request.with("xml", callback.getMediaXml()).set("msgId", callback.getMsgId());
            default -> request.set("xml", callback.getMediaXml());
        }
        return request;
    }

    private static String describe(GeweCallback callback) {
        return "The callback " + callback;
    }
}
