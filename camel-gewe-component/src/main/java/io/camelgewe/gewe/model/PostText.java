package io.camelgewe.gewe.model;

/**
 * The request of {@code message/postText}: send a text message, optionally @-mentioning group members.
 */
public class PostText extends SendRequest {

    /** Creates an empty request. */
    public PostText() {
    }

    /** The text of the message. */
    public String getContent() {
        return text("content");
    }

    /** Sets the field {@code content}: the text of the message. */
    public void setContent(String content) {
        set("content", content);
    }

    /** The wxids to @-mention in a group, comma-separated; notify@all mentions everyone (group owner or admins only). */
    public String getAts() {
        return text("ats");
    }

    /** Sets the field {@code ats}: the wxids to @-mention in a group, comma-separated; notify@all mentions everyone (group owner or admins only). */
    public void setAts(String ats) {
        set("ats", ats);
    }
}
