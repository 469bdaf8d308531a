package io.camelgewe.gewe.model;

/**
 * The request of {@code message/downloadVideo}: download the video of a received message, described by its XML.
 */
public class DownloadVideo extends GeweRequest {

    /** Creates an empty request. */
    public DownloadVideo() {
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
