package io.camelgewe.gewe.model;

/**
 * Base of the forwards: they send again a message described by its XML (from a received message, or built from a
 * send's CDN coordinates), without uploading its media again.
 */
public abstract class ForwardRequest extends SendRequest {

    /** The XML of the message to forward. */
    public String getXml() {
        return text("xml");
    }

    /** Sets the field {@code xml}: the XML of the message to forward. */
    public void setXml(String xml) {
        set("xml", xml);
    }
}
