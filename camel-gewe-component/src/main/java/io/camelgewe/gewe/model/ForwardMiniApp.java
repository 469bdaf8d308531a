package io.camelgewe.gewe.model;

/**
 * The request of {@code message/forwardMiniApp}: forward a mini program message by its XML.
 */
public class ForwardMiniApp extends GeweRequest {

    /** Creates an empty request. */
    public ForwardMiniApp() {
    }

    /** The wxid of the friend, or the group id (NNN@chatroom), the message goes to. */
    public String getToWxid() {
        return text("toWxid");
    }

    /** Sets the field {@code toWxid}: the wxid of the friend, or the group id (NNN@chatroom), the message goes to. */
    public void setToWxid(String toWxid) {
        set("toWxid", toWxid);
    }

    /** The XML of the mini program message to forward. */
    public String getXml() {
        return text("xml");
    }

    /** Sets the field {@code xml}: the XML of the mini program message to forward. */
    public void setXml(String xml) {
        set("xml", xml);
    }

    /** The URL of the mini program cover image. */
    public String getCoverImgUrl() {
        return text("coverImgUrl");
    }

    /** Sets the field {@code coverImgUrl}: the URL of the mini program cover image. */
    public void setCoverImgUrl(String coverImgUrl) {
        set("coverImgUrl", coverImgUrl);
    }
}
