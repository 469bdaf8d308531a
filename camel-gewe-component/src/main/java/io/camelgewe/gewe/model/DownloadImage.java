package io.camelgewe.gewe.model;

/**
 * The request of {@code message/downloadImage}: download the image of a received message, described by its XML.
 */
public class DownloadImage extends GeweRequest {

    /** Creates an empty request. */
    public DownloadImage() {
    }

    /** The XML of the received image message (the callback's content, without the group sender prefix). */
    public String getXml() {
        return text("xml");
    }

    /** Sets the field {@code xml}: the XML of the received image message (the callback's content, without the group sender prefix). */
    public void setXml(String xml) {
        set("xml", xml);
    }

    /** Which image: 1 HD, 2 normal (GeWe's default), 3 thumbnail. */
    public Long getType() {
        return number("type");
    }

    /** Sets the field {@code type}: which image: 1 HD, 2 normal (GeWe's default), 3 thumbnail. */
    public void setType(Long type) {
        set("type", type);
    }
}
