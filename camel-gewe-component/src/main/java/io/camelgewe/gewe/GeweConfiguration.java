package io.camelgewe.gewe;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

/**
 * The options of a {@code gewe:} endpoint.
 * <p>
 * Besides the connection options, every request field of the operation can be set here as a default ({@code toWxid},
 * {@code thumbUrl}...). The fields of the seed operations are typed options; any other field of the chosen operation
 * is accepted under GeWe's own name and checked against the operation when the endpoint is created.
 */
@UriParams
public class GeweConfiguration implements Cloneable {

    /** GeWe's cloud API base URL. */
    public static final String DEFAULT_BASE_URL = "http://api.geweapi.com/gewe/v2/api";

    @UriPath(description = "The GeWe operation: its action name where that is unique (postImage, postText, "
                           + "getChatroomInfo), otherwise module/action (label/add, favor/sync).")
    @Metadata(required = true)
    private String operation;

    @UriParam(label = "common", defaultValue = DEFAULT_BASE_URL,
              description = "The base URL of the GeWe API; operations are posted to baseUrl/module/action. The retired "
                            + "self-hosted edition used http://HOST:2531/v2/api.")
    private String baseUrl;

    @UriParam(label = "security", secret = true,
              description = "The GeWe API token, sent as the X-GEWE-TOKEN header. It is masked in endpoint URIs, logs, "
                            + "JMX and exceptions; prefer setting it on the component or through a property placeholder.")
    private String token;

    @UriParam(label = "common",
              description = "The appId (the logged-in device) every request is made for, unless the body or the "
                            + "CamelGeweAppId header gives one.")
    private String appId;

    @UriParam(label = "producer",
              description = "The wxid of the friend, or the group id (NNN@chatroom), messages go to, unless the body or "
                            + "the CamelGeweToWxid header gives one.")
    private String toWxid;

    @UriParam(label = "producer,message", description = "postImage: the URL GeWe downloads the image from.")
    private String imgUrl;

    @UriParam(label = "producer,message", description = "postVideo: the URL GeWe downloads the video from.")
    private String videoUrl;

    @UriParam(label = "producer,message", description = "postVideo: the URL of the video's thumbnail image.")
    private String thumbUrl;

    @UriParam(label = "producer,message", description = "postVideo: the video's length in seconds.")
    private Integer videoDuration;

    @UriParam(label = "producer,message",
              description = "postVoice: the URL of the voice file; GeWe accepts SILK audio only (#!SILK_V3).")
    private String voiceUrl;

    @UriParam(label = "producer,message", description = "postVoice: the voice message's length in milliseconds.")
    private Integer voiceDuration;

    @UriParam(label = "producer,message",
              description = "Download operations: the XML of the received message (the callback's content).")
    private String xml;

    @UriParam(label = "producer,message",
              description = "downloadImage: which image to fetch: 1 HD, 2 normal (GeWe's default), 3 thumbnail; not every "
                            + "image has all three. Other operations with a type field read it here too, in their own type.")
    private String type;

    @UriParam(label = "producer", defaultValue = "10000",
              description = "How long to wait for a connection to GeWe, in milliseconds.")
    private long connectTimeout = 10_000;

    @UriParam(label = "producer", defaultValue = "60000",
              description = "How long to wait for GeWe's answer once the request is sent, in milliseconds. GeWe downloads "
                            + "media before it answers a media send, so slow media hosts need a longer timeout. After a "
                            + "response timeout the request may have been acted on.")
    private long responseTimeout = 60_000;

    /** The operation name as given in the URI. */
    public String getOperation() {
        return operation;
    }

    /** Sets the operation name. */
    public void setOperation(String operation) {
        this.operation = operation;
    }

    /** The base URL of the GeWe API. */
    public String getBaseUrl() {
        return baseUrl;
    }

    /** Sets the base URL of the GeWe API. */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The GeWe API token. */
    public String getToken() {
        return token;
    }

    /** Sets the GeWe API token. */
    public void setToken(String token) {
        this.token = token;
    }

    /** The default appId. */
    public String getAppId() {
        return appId;
    }

    /** Sets the default appId. */
    public void setAppId(String appId) {
        this.appId = appId;
    }

    /** The default recipient. */
    public String getToWxid() {
        return toWxid;
    }

    /** Sets the default recipient. */
    public void setToWxid(String toWxid) {
        this.toWxid = toWxid;
    }

    /** The default image URL of postImage. */
    public String getImgUrl() {
        return imgUrl;
    }

    /** Sets the default image URL of postImage. */
    public void setImgUrl(String imgUrl) {
        this.imgUrl = imgUrl;
    }

    /** The default video URL of postVideo. */
    public String getVideoUrl() {
        return videoUrl;
    }

    /** Sets the default video URL of postVideo. */
    public void setVideoUrl(String videoUrl) {
        this.videoUrl = videoUrl;
    }

    /** The default thumbnail URL of postVideo. */
    public String getThumbUrl() {
        return thumbUrl;
    }

    /** Sets the default thumbnail URL of postVideo. */
    public void setThumbUrl(String thumbUrl) {
        this.thumbUrl = thumbUrl;
    }

    /** The default video length of postVideo, in seconds. */
    public Integer getVideoDuration() {
        return videoDuration;
    }

    /** Sets the default video length of postVideo, in seconds. */
    public void setVideoDuration(Integer videoDuration) {
        this.videoDuration = videoDuration;
    }

    /** The default voice URL of postVoice. */
    public String getVoiceUrl() {
        return voiceUrl;
    }

    /** Sets the default voice URL of postVoice. */
    public void setVoiceUrl(String voiceUrl) {
        this.voiceUrl = voiceUrl;
    }

    /** The default voice length of postVoice, in milliseconds. */
    public Integer getVoiceDuration() {
        return voiceDuration;
    }

    /** Sets the default voice length of postVoice, in milliseconds. */
    public void setVoiceDuration(Integer voiceDuration) {
        this.voiceDuration = voiceDuration;
    }

    /** The default message XML of the download operations. */
    public String getXml() {
        return xml;
    }

    /** Sets the default message XML of the download operations. */
    public void setXml(String xml) {
        this.xml = xml;
    }

    /** The image type downloadImage fetches. */
    public String getType() {
        return type;
    }

    /** Sets the image type downloadImage fetches: 1 HD, 2 normal, 3 thumbnail. */
    public void setType(String type) {
        this.type = type;
    }

    /** The connect timeout in milliseconds. */
    public long getConnectTimeout() {
        return connectTimeout;
    }

    /** Sets the connect timeout in milliseconds. */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** The response timeout in milliseconds. */
    public long getResponseTimeout() {
        return responseTimeout;
    }

    /** Sets the response timeout in milliseconds. */
    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    /** A copy, so that an endpoint can change its options without touching the component's defaults. */
    public GeweConfiguration copy() {
        try {
            return (GeweConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    @Override
    public String toString() {
        // never the token
        return "GeweConfiguration[operation=" + operation + ", baseUrl=" + baseUrl + ", appId=" + appId + ", token="
               + (token == null ? "null" : "******") + "]";
    }
}
