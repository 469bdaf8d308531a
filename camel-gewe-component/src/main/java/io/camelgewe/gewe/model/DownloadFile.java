package io.camelgewe.gewe.model;

/**
 * The request of {@code message/downloadFile}: download the file of a received message, described by its XML.
 */
public class DownloadFile extends GeweRequest {

    /** Creates an empty request. */
    public DownloadFile() {
    }

    /** The XML of the message (the callback's content, without the group sender prefix). */
    public String getXml() {
        return text("xml");
    }

    /** Sets the field {@code xml}: the XML of the message (the callback's content, without the group sender prefix). */
    public void setXml(String xml) {
        set("xml", xml);
    }
}
