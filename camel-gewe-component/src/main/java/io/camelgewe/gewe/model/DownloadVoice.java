package io.camelgewe.gewe.model;

/**
 * The request of {@code message/downloadVoice}: download the voice of a received message (SILK), described by its XML and msgId.
 */
public class DownloadVoice extends DownloadRequest {

    /** Creates an empty request. */
    public DownloadVoice() {
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
