package io.camelgewe.gewe.model;

/**
 * The result of a message send ({@code postText}, {@code postVoice}, the forwards...): the message's ids.
 * <p>
 * {@code msgId} and {@code newMsgId} are 64-bit integers; they are kept as {@code Long} and never pass through a
 * {@code double} (the examples in GeWe's documentation show them rounded by JavaScript). {@code createTime} (seconds
 * since the epoch) and {@code type} may be null: GeWe leaves them null for some sends.
 */
public class SendResult extends GeweResult {

    private String toWxid;
    private Long createTime;
    private Long msgId;
    private Long newMsgId;
    private Integer type;

    /** The wxid or group id the message went to. */
    public String getToWxid() {
        return toWxid;
    }

    /** Sets the wxid or group id the message went to. */
    public void setToWxid(String toWxid) {
        this.toWxid = toWxid;
    }

    /** When the message was sent, in seconds since the epoch; null when GeWe does not say. */
    public Long getCreateTime() {
        return createTime;
    }

    /** Sets when the message was sent, in seconds since the epoch. */
    public void setCreateTime(Long createTime) {
        this.createTime = createTime;
    }

    /** The message id (32-bit in practice, kept as a long). */
    public Long getMsgId() {
        return msgId;
    }

    /** Sets the message id. */
    public void setMsgId(Long msgId) {
        this.msgId = msgId;
    }

    /** The 64-bit message id; with {@code msgId} and {@code createTime} it is what revokeMsg needs. */
    public Long getNewMsgId() {
        return newMsgId;
    }

    /** Sets the 64-bit message id. */
    public void setNewMsgId(Long newMsgId) {
        this.newMsgId = newMsgId;
    }

    /** The WeChat message type, when GeWe gives one (often null). */
    public Integer getType() {
        return type;
    }

    /** Sets the WeChat message type. */
    public void setType(Integer type) {
        this.type = type;
    }

    /**
     * The revokeMsg request that takes this message back (WeChat allows it for two minutes after sending). GeWe takes
     * the ids as text. A video's createTime is null in GeWe's answer, so its revoke needs createTime from elsewhere.
     *
     * @throws io.camelgewe.gewe.errors.GeweValidationException when GeWe answered the send with msgId or newMsgId 0
     */
    public RevokeMsg toRevokeMsg() {
        // GeWe sometimes answers a send with id 0; a revoke with it answers success and revokes nothing (Gewechat #70)
        java.util.List<String> zero = new java.util.ArrayList<>(2);
        if (msgId != null && msgId == 0) {
            zero.add("msgId");
        }
        if (newMsgId != null && newMsgId == 0) {
            zero.add("newMsgId");
        }
        if (!zero.isEmpty()) {
            throw new io.camelgewe.gewe.errors.GeweValidationException("message/revokeMsg", java.util.List.of(),
                    java.util.List.of("this send's " + String.join(" and ", zero) + " is 0: GeWe gave no id that can "
                            + "revoke the message (a revokeMsg with 0 answers success and revokes nothing)"));
        }
        RevokeMsg revoke = new RevokeMsg();
        revoke.setToWxid(toWxid);
        revoke.setMsgId(msgId == null ? null : msgId.toString());
        revoke.setNewMsgId(newMsgId == null ? null : newMsgId.toString());
        revoke.setCreateTime(createTime == null ? null : createTime.toString());
        return revoke;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[toWxid=" + toWxid + ", msgId=" + msgId + ", newMsgId=" + newMsgId
               + ", createTime=" + createTime + "]";
    }
}
