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

    @UriParam(label = "producer,message", description = "postText: the text of the message.")
    private String content;

    @UriParam(label = "producer,message", description = "postText: the wxids to @-mention in a group, comma-separated; notify@all mentions everyone (group owner or admins only).")
    private String ats;

    @UriParam(label = "producer,message", description = "postFile: the URL GeWe downloads the file from.")
    private String fileUrl;

    @UriParam(label = "producer,message", description = "postFile: the file name the recipient sees; taken from the end of fileUrl when not given.")
    private String fileName;

    @UriParam(label = "producer,message", description = "postLink, postMiniApp: the card title.")
    private String title;

    @UriParam(label = "producer,message", description = "postLink: the link description.")
    private String desc;

    @UriParam(label = "producer,message", description = "postLink: the URL the card opens.")
    private String linkUrl;

    @UriParam(label = "producer,message", description = "postNameCard: the nickname shown on the card.")
    private String nickName;

    @UriParam(label = "producer,message", description = "postNameCard: the wxid of the contact the card introduces.")
    private String nameCardWxid;

    @UriParam(label = "producer,message", description = "postEmoji, downloadEmojiMd5: the md5 of the emoji.")
    private String emojiMd5;

    @UriParam(label = "producer,message", description = "postEmoji: the size of the emoji file in bytes.")
    private Integer emojiSize;

    @UriParam(label = "producer,message", description = "postAppMsg: the appmsg XML of a received app message.")
    private String appmsg;

    @UriParam(label = "producer,message", description = "postMiniApp: the mini program id.")
    private String miniAppId;

    @UriParam(label = "producer,message", description = "postMiniApp: the mini program name.")
    private String displayName;

    @UriParam(label = "producer,message", description = "postMiniApp: the page the mini program opens.")
    private String pagePath;

    @UriParam(label = "producer,message", description = "postMiniApp, forwardMiniApp: the URL of the cover image.")
    private String coverImgUrl;

    @UriParam(label = "producer,message", description = "postMiniApp: the id of the user the mini program belongs to.")
    private String userName;

    @UriParam(label = "producer,message", description = "login/setCallback: the URL GeWe pushes received messages to.")
    private String callbackUrl;
    @UriParam(label = "producer,download", defaultValue = "false",
              description = "Download operations: also fetch the file behind GeWe's fileUrl and make it the body, as a "
                            + "stream that is never held whole in memory (spooled to fetchDirectory), with the "
                            + "CamelFileName, CamelFileLength and Content-Type headers set.")
    private boolean fetch;

    @UriParam(label = "producer,download",
              description = "Download operations with fetch: the base URL a relative fileUrl is resolved against "
                            + "(self-hosted gateways answer with paths); by default baseUrl's scheme, host and port.")
    private String downloadBaseUrl;

    @UriParam(label = "producer,download",
              description = "Download operations with fetch: the folder downloads are spooled to; by default "
                            + "camel-gewe under java.io.tmpdir. The spooled file is deleted when the exchange completes.")
    private String fetchDirectory;

    @UriParam(label = "producer,download", defaultValue = "false",
              description = "downloadImage: when GeWe cannot deliver the image type asked for (not every image has an "
                            + "HD or a normal version), try the other types, nearest first. The type delivered is in the "
                            + "CamelGeweImageType header.")
    private boolean typeFallback;

    @UriParam(label = "producer,media", defaultValue = "false",
              description = "postImage, postVideo: remember, per account, where GeWe put each media URL on WeChat's CDN, "
                            + "and send the same URL again as forwardImage/forwardVideo, skipping GeWe's download and "
                            + "upload. If the forward is refused, the full send is made. The memory is the component's "
                            + "cdnRepository.")
    private boolean cdnReuse;

    @UriParam(label = "producer,pacing",
              description = "Whether this endpoint's sends and downloads are paced per account; by default the "
                            + "component's pacing option (on).")
    private Boolean pacing;

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

    /** The default of the field {@code content}. */
    public String getContent() {
        return content;
    }

    /** Sets the default of the field {@code content}. */
    public void setContent(String content) {
        this.content = content;
    }

    /** The default of the field {@code ats}. */
    public String getAts() {
        return ats;
    }

    /** Sets the default of the field {@code ats}. */
    public void setAts(String ats) {
        this.ats = ats;
    }

    /** The default of the field {@code fileUrl}. */
    public String getFileUrl() {
        return fileUrl;
    }

    /** Sets the default of the field {@code fileUrl}. */
    public void setFileUrl(String fileUrl) {
        this.fileUrl = fileUrl;
    }

    /** The default of the field {@code fileName}. */
    public String getFileName() {
        return fileName;
    }

    /** Sets the default of the field {@code fileName}. */
    public void setFileName(String fileName) {
        this.fileName = fileName;
    }

    /** The default of the field {@code title}. */
    public String getTitle() {
        return title;
    }

    /** Sets the default of the field {@code title}. */
    public void setTitle(String title) {
        this.title = title;
    }

    /** The default of the field {@code desc}. */
    public String getDesc() {
        return desc;
    }

    /** Sets the default of the field {@code desc}. */
    public void setDesc(String desc) {
        this.desc = desc;
    }

    /** The default of the field {@code linkUrl}. */
    public String getLinkUrl() {
        return linkUrl;
    }

    /** Sets the default of the field {@code linkUrl}. */
    public void setLinkUrl(String linkUrl) {
        this.linkUrl = linkUrl;
    }

    /** The default of the field {@code nickName}. */
    public String getNickName() {
        return nickName;
    }

    /** Sets the default of the field {@code nickName}. */
    public void setNickName(String nickName) {
        this.nickName = nickName;
    }

    /** The default of the field {@code nameCardWxid}. */
    public String getNameCardWxid() {
        return nameCardWxid;
    }

    /** Sets the default of the field {@code nameCardWxid}. */
    public void setNameCardWxid(String nameCardWxid) {
        this.nameCardWxid = nameCardWxid;
    }

    /** The default of the field {@code emojiMd5}. */
    public String getEmojiMd5() {
        return emojiMd5;
    }

    /** Sets the default of the field {@code emojiMd5}. */
    public void setEmojiMd5(String emojiMd5) {
        this.emojiMd5 = emojiMd5;
    }

    /** The default of the field {@code emojiSize}. */
    public Integer getEmojiSize() {
        return emojiSize;
    }

    /** Sets the default of the field {@code emojiSize}. */
    public void setEmojiSize(Integer emojiSize) {
        this.emojiSize = emojiSize;
    }

    /** The default of the field {@code appmsg}. */
    public String getAppmsg() {
        return appmsg;
    }

    /** Sets the default of the field {@code appmsg}. */
    public void setAppmsg(String appmsg) {
        this.appmsg = appmsg;
    }

    /** The default of the field {@code miniAppId}. */
    public String getMiniAppId() {
        return miniAppId;
    }

    /** Sets the default of the field {@code miniAppId}. */
    public void setMiniAppId(String miniAppId) {
        this.miniAppId = miniAppId;
    }

    /** The default of the field {@code displayName}. */
    public String getDisplayName() {
        return displayName;
    }

    /** Sets the default of the field {@code displayName}. */
    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    /** The default of the field {@code pagePath}. */
    public String getPagePath() {
        return pagePath;
    }

    /** Sets the default of the field {@code pagePath}. */
    public void setPagePath(String pagePath) {
        this.pagePath = pagePath;
    }

    /** The default of the field {@code coverImgUrl}. */
    public String getCoverImgUrl() {
        return coverImgUrl;
    }

    /** Sets the default of the field {@code coverImgUrl}. */
    public void setCoverImgUrl(String coverImgUrl) {
        this.coverImgUrl = coverImgUrl;
    }

    /** The default of the field {@code userName}. */
    public String getUserName() {
        return userName;
    }

    /** Sets the default of the field {@code userName}. */
    public void setUserName(String userName) {
        this.userName = userName;
    }

    /** The default of the field {@code callbackUrl}. */
    public String getCallbackUrl() {
        return callbackUrl;
    }

    /** Sets the default of the field {@code callbackUrl}. */
    public void setCallbackUrl(String callbackUrl) {
        this.callbackUrl = callbackUrl;
    }
    /** Whether download operations fetch the file. */
    public boolean isFetch() {
        return fetch;
    }

    /** Sets whether download operations fetch the file. */
    public void setFetch(boolean fetch) {
        this.fetch = fetch;
    }

    /** The base URL relative fileUrls are resolved against. */
    public String getDownloadBaseUrl() {
        return downloadBaseUrl;
    }

    /** Sets the base URL relative fileUrls are resolved against. */
    public void setDownloadBaseUrl(String downloadBaseUrl) {
        this.downloadBaseUrl = downloadBaseUrl;
    }

    /** The folder fetched files are spooled to. */
    public String getFetchDirectory() {
        return fetchDirectory;
    }

    /** Sets the folder fetched files are spooled to. */
    public void setFetchDirectory(String fetchDirectory) {
        this.fetchDirectory = fetchDirectory;
    }

    /** Whether downloadImage falls back across image types. */
    public boolean isTypeFallback() {
        return typeFallback;
    }

    /** Sets whether downloadImage falls back across image types. */
    public void setTypeFallback(boolean typeFallback) {
        this.typeFallback = typeFallback;
    }

    /** Whether postImage/postVideo reuse WeChat's CDN copy of media sent before. */
    public boolean isCdnReuse() {
        return cdnReuse;
    }

    /** Sets whether postImage/postVideo reuse WeChat's CDN copy of media sent before. */
    public void setCdnReuse(boolean cdnReuse) {
        this.cdnReuse = cdnReuse;
    }

    /** Whether this endpoint is paced; null for the component's choice. */
    public Boolean getPacing() {
        return pacing;
    }

    /** Sets whether this endpoint is paced; null for the component's choice. */
    public void setPacing(Boolean pacing) {
        this.pacing = pacing;
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
