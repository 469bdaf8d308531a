package io.camelgewe.gewe.model;

/**
 * The request of {@code message/postAppMsg}: send an app message (appmsg XML).
 */
public class PostAppMsg extends GeweRequest {

    /** Creates an empty request. */
    public PostAppMsg() {
    }

    /** The wxid of the friend, or the group id (NNN@chatroom), the message goes to. */
    public String getToWxid() {
        return text("toWxid");
    }

    /** Sets the field {@code toWxid}: the wxid of the friend, or the group id (NNN@chatroom), the message goes to. */
    public void setToWxid(String toWxid) {
        set("toWxid", toWxid);
    }

    /** The appmsg XML node of a received app message, to send it again. */
    public String getAppmsg() {
        return text("appmsg");
    }

    /** Sets the field {@code appmsg}: the appmsg XML node of a received app message, to send it again. */
    public void setAppmsg(String appmsg) {
        set("appmsg", appmsg);
    }
}
