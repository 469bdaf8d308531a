package io.camelgewe.gewe.model;

/**
 * The request of {@code message/downloadVoice}: download the voice of a received message (SILK), described by its XML and msgId.
 */
public class DownloadVoice extends GeweRequest {

    /** Creates an empty request. */
    public DownloadVoice() {
    }

    /** The XML of the message (the callback's content, without the group sender prefix). */
    public String getXml() {
        return text("xml");
    }

    /** Sets the field {@code xml}: the XML of the message (the callback's content, without the group sender prefix). */
    public void setXml(String xml) {
        set("xml", xml);
    }

    /** The msgId of the received voice message. */
    public Long getMsgId() {
        return number("msgId");
    }

    /** Sets the field {@code msgId}: the msgId of the received voice message. */
    public void setMsgId(Long msgId) {
        set("msgId", msgId);
    }
}
