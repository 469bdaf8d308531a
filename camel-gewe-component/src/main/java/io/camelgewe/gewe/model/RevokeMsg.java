package io.camelgewe.gewe.model;

/**
 * The request of {@code message/revokeMsg}: take back a message sent within the last two minutes, identified by what its send returned.
 */
public class RevokeMsg extends SendRequest {

    /** Creates an empty request. */
    public RevokeMsg() {
    }

    /** The msgId the send returned, as text. */
    public String getMsgId() {
        return text("msgId");
    }

    /** Sets the field {@code msgId}: the msgId the send returned, as text. */
    public void setMsgId(String msgId) {
        set("msgId", msgId);
    }

    /** The newMsgId of the message, as text (GeWe takes it as a string). */
    public String getNewMsgId() {
        return text("newMsgId");
    }

    /** Sets the field {@code newMsgId}: the newMsgId of the message, as text (GeWe takes it as a string). */
    public void setNewMsgId(String newMsgId) {
        set("newMsgId", newMsgId);
    }

    /** The createTime of the message, as text (GeWe takes it as a string). */
    public String getCreateTime() {
        return text("createTime");
    }

    /** Sets the field {@code createTime}: the createTime of the message, as text (GeWe takes it as a string). */
    public void setCreateTime(String createTime) {
        set("createTime", createTime);
    }
}
