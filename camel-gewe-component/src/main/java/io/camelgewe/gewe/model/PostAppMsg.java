package io.camelgewe.gewe.model;

/**
 * The request of {@code message/postAppMsg}: send an app message (appmsg XML).
 */
public class PostAppMsg extends SendRequest {

    /** Creates an empty request. */
    public PostAppMsg() {
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
