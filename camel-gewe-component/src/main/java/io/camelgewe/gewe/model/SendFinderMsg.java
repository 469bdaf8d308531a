package io.camelgewe.gewe.model;

/**
 * The request of {@code message/sendFinderMsg}: send a channels (视频号) video message.
 */
public class SendFinderMsg extends SendRequest {

    /** Creates an empty request. */
    public SendFinderMsg() {
    }

    /** The id of the channels video. */
    public Long getId() {
        return number("id");
    }

    /** Sets the field {@code id}: the id of the channels video. */
    public void setId(Long id) {
        set("id", id);
    }

    /** The username of the video's publisher. */
    public String getUsername() {
        return text("username");
    }

    /** Sets the field {@code username}: the username of the video's publisher. */
    public void setUsername(String username) {
        set("username", username);
    }

    /** The nickname of the video's publisher. */
    public String getNickname() {
        return text("nickname");
    }

    /** Sets the field {@code nickname}: the nickname of the video's publisher. */
    public void setNickname(String nickname) {
        set("nickname", nickname);
    }

    /** The URL of the publisher's avatar. */
    public String getHeadUrl() {
        return text("headUrl");
    }

    /** Sets the field {@code headUrl}: the URL of the publisher's avatar. */
    public void setHeadUrl(String headUrl) {
        set("headUrl", headUrl);
    }

    /** The video's nonceId. */
    public String getNonceId() {
        return text("nonceId");
    }

    /** Sets the field {@code nonceId}: the video's nonceId. */
    public void setNonceId(String nonceId) {
        set("nonceId", nonceId);
    }

    /** The video's media type. */
    public String getMediaType() {
        return text("mediaType");
    }

    /** Sets the field {@code mediaType}: the video's media type. */
    public void setMediaType(String mediaType) {
        set("mediaType", mediaType);
    }

    /** The video's width, as text. */
    public String getWidth() {
        return text("width");
    }

    /** Sets the field {@code width}: the video's width, as text. */
    public void setWidth(String width) {
        set("width", width);
    }

    /** The video's height, as text. */
    public String getHeight() {
        return text("height");
    }

    /** Sets the field {@code height}: the video's height, as text. */
    public void setHeight(String height) {
        set("height", height);
    }

    /** The video's URL. */
    public String getUrl() {
        return text("url");
    }

    /** Sets the field {@code url}: the video's URL. */
    public void setUrl(String url) {
        set("url", url);
    }

    /** The URL of the video's thumbnail. */
    public String getThumbUrl() {
        return text("thumbUrl");
    }

    /** Sets the field {@code thumbUrl}: the URL of the video's thumbnail. */
    public void setThumbUrl(String thumbUrl) {
        set("thumbUrl", thumbUrl);
    }

    /** The token of the thumbnail URL. */
    public String getThumbUrlToken() {
        return text("thumbUrlToken");
    }

    /** Sets the field {@code thumbUrlToken}: the token of the thumbnail URL. */
    public void setThumbUrlToken(String thumbUrlToken) {
        set("thumbUrlToken", thumbUrlToken);
    }

    /** The video's description. */
    public String getDescription() {
        return text("description");
    }

    /** Sets the field {@code description}: the video's description. */
    public void setDescription(String description) {
        set("description", description);
    }

    /** The video's play length, as text. */
    public String getVideoPlayLen() {
        return text("videoPlayLen");
    }

    /** Sets the field {@code videoPlayLen}: the video's play length, as text. */
    public void setVideoPlayLen(String videoPlayLen) {
        set("videoPlayLen", videoPlayLen);
    }
}
