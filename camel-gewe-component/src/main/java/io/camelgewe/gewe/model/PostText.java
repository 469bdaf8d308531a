package io.camelgewe.gewe.model;

/**
 * The request of {@code message/postText}: send a text message, optionally @-mentioning group members.
 */
public class PostText extends GeweRequest {

    /** Creates an empty request. */
    public PostText() {
    }

    /** The wxid of the friend, or the group id (NNN@chatroom), the message goes to. */
    public String getToWxid() {
        return text("toWxid");
    }

    /** Sets the field {@code toWxid}: the wxid of the friend, or the group id (NNN@chatroom), the message goes to. */
    public void setToWxid(String toWxid) {
        set("toWxid", toWxid);
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
