package io.camelgewe.gewe.model;

/**
 * The request of {@code message/postLink}: send a link card.
 */
public class PostLink extends SendRequest {

    /** Creates an empty request. */
    public PostLink() {
    }

    /** The title of the link card. */
    public String getTitle() {
        return text("title");
    }

    /** Sets the field {@code title}: the title of the link card. */
    public void setTitle(String title) {
        set("title", title);
    }

    /** The description shown on the link card. */
    public String getDesc() {
        return text("desc");
    }

    /** Sets the field {@code desc}: the description shown on the link card. */
    public void setDesc(String desc) {
        set("desc", desc);
    }

    /** The URL the link card opens. */
    public String getLinkUrl() {
        return text("linkUrl");
    }

    /** Sets the field {@code linkUrl}: the URL the link card opens. */
    public void setLinkUrl(String linkUrl) {
        set("linkUrl", linkUrl);
    }

    /** The URL of the link card's thumbnail. */
    public String getThumbUrl() {
        return text("thumbUrl");
    }

    /** Sets the field {@code thumbUrl}: the URL of the link card's thumbnail. */
    public void setThumbUrl(String thumbUrl) {
        set("thumbUrl", thumbUrl);
    }
}
