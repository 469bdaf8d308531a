package io.camelgewe.gewe.model;

/**
 * The request of {@code message/forwardImage}: forward an image by its XML, without uploading it again.
 */
public class ForwardImage extends GeweRequest {

    /** Creates an empty request. */
    public ForwardImage() {
    }

    /** The wxid of the friend, or the group id (NNN@chatroom), the message goes to. */
    public String getToWxid() {
        return text("toWxid");
    }

    /** Sets the field {@code toWxid}: the wxid of the friend, or the group id (NNN@chatroom), the message goes to. */
    public void setToWxid(String toWxid) {
        set("toWxid", toWxid);
    }

    /** The XML of the image message to forward (or one built from a postImage result's CDN coordinates). */
    public String getXml() {
        return text("xml");
    }

    /** Sets the field {@code xml}: the XML of the image message to forward (or one built from a postImage result's CDN coordinates). */
    public void setXml(String xml) {
        set("xml", xml);
    }
}
