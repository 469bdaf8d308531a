package io.camelgewe.gewe;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.camelgewe.gewe.catalog.GeweCatalog;
import io.camelgewe.gewe.client.GeweJson;
import io.camelgewe.gewe.client.GeweRequestBuilder;
import io.camelgewe.gewe.model.ForwardImage;
import io.camelgewe.gewe.model.ForwardVideo;
import io.camelgewe.gewe.model.GeweRequest;
import io.camelgewe.gewe.model.GeweResult;
import io.camelgewe.gewe.model.ImageSendResult;
import io.camelgewe.gewe.model.RevokeMsg;
import io.camelgewe.gewe.model.SendResult;
import io.camelgewe.gewe.model.VideoSendResult;
import org.apache.camel.Converter;
import org.apache.camel.Exchange;
import org.apache.camel.spi.TypeConverterRegistry;

/**
 * Type converters of the {@code gewe:} component, usable on their own in routes.
 * <p>
 * To a request: {@code convertBodyTo(PostImage.class)} reads JSON (String, byte[], InputStream, file), a Map, or
 * plain text standing for the operation's main field ({@code imgUrl}), exactly as the producer reads bodies. From a
 * result: {@code convertBodyTo(String.class)} gives the JSON of GeWe's {@code data}.
 */
@Converter(generateLoader = true)
public final class GeweConverters {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private GeweConverters() {
    }

    /** A typed result as the JSON of GeWe's {@code data}. */
    @Converter
    public static String toString(GeweResult result) throws JsonProcessingException {
        return GeweJson.mapper().writeValueAsString(result);
    }

    /** A typed result as the UTF-8 JSON of GeWe's {@code data}. */
    @Converter
    public static byte[] toByteArray(GeweResult result) throws JsonProcessingException {
        return GeweJson.mapper().writeValueAsBytes(result);
    }

    /** A typed result as a Map of GeWe's {@code data} fields. */
    @Converter
    public static Map<String, Object> toMap(GeweResult result) {
        return GeweJson.mapper().convertValue(result, MAP);
    }

    /** A send's result to the revokeMsg request that takes the message back. */
    @Converter
    public static RevokeMsg toRevokeMsg(SendResult result) {
        return result.toRevokeMsg();
    }

    /** A postImage (or forwardImage) result to the forwardImage request that resends it from WeChat's CDN. */
    @Converter
    public static ForwardImage toForwardImage(ImageSendResult result) {
        return result.toForwardImage();
    }

    /**
     * A postVideo (or forwardVideo) result to the forwardVideo request that resends it from WeChat's CDN; the play
     * length is read from the exchange's {@code CamelGeweVideoDuration} header when there is one.
     */
    @Converter
    public static ForwardVideo toForwardVideo(VideoSendResult result, Exchange exchange) {
        Long seconds = exchange == null ? null
                : exchange.getMessage().getHeader(GeweConstants.VIDEO_DURATION, Long.class);
        return result.toForwardVideo(seconds == null ? 0 : seconds);
    }

    /** A request as the JSON GeWe receives (before endpoint options and headers are added). */
    @Converter
    public static String toString(GeweRequest request) throws JsonProcessingException {
        return GeweJson.mapper().writeValueAsString(request);
    }

    /**
     * Any body the producer accepts, to a request class: {@link GeweRequest} itself or a typed one such as
     * {@code PostImage}. Returns null (no conversion) for other target types.
     */
    @Converter(fallback = true, fallbackCanPromote = true)
    public static Object toRequest(Class<?> type, Exchange exchange, Object value, TypeConverterRegistry registry)
            throws ReflectiveOperationException {
        if (!GeweRequest.class.isAssignableFrom(type) || value == null || type.isInstance(value)
                || value instanceof GeweResult) {
            return null;
        }
        Map<String, Object> fields = GeweRequestBuilder.fieldsOf(value, GeweCatalog.get().forRequestType(type));
        GeweRequest request = (GeweRequest) type.getDeclaredConstructor().newInstance();
        fields.forEach(request::set);
        return request;
    }
}
