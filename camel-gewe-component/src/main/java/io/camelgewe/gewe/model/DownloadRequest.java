package io.camelgewe.gewe.model;

/**
 * Base of the downloads of a received message's media: they take the message's XML (the callback's content, without
 * the group sender prefix).
 */
public abstract class DownloadRequest extends GeweRequest {

    /** The XML of the received message. */
    public String getXml() {
        return text("xml");
    }

    /** Sets the field {@code xml}: the XML of the received message. */
    public void setXml(String xml) {
        set("xml", xml);
    }
}
