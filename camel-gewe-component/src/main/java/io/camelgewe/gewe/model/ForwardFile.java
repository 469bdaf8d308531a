package io.camelgewe.gewe.model;

/**
 * The request of {@code message/forwardFile}: forward a file message by its XML.
 */
public class ForwardFile extends GeweRequest {

    /** Creates an empty request. */
    public ForwardFile() {
    }

    /** The wxid of the friend, or the group id (NNN@chatroom), the message goes to. */
    public String getToWxid() {
        return text("toWxid");
    }

    /** Sets the field {@code toWxid}: the wxid of the friend, or the group id (NNN@chatroom), the message goes to. */
    public void setToWxid(String toWxid) {
        set("toWxid", toWxid);
    }

    /** The XML of the file message to forward. */
    public String getXml() {
        return text("xml");
    }

    /** Sets the field {@code xml}: the XML of the file message to forward. */
    public void setXml(String xml) {
        set("xml", xml);
    }
}
