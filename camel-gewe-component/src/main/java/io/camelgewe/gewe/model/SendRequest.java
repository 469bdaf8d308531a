package io.camelgewe.gewe.model;

/**
 * Base of the requests that send a message to a friend or a group: they all name the recipient.
 */
public abstract class SendRequest extends GeweRequest {

    /** The wxid of the friend, or the group id (NNN@chatroom), the message goes to. */
    public String getToWxid() {
        return text("toWxid");
    }

    /** Sets the field {@code toWxid}: the wxid of the friend, or the group id (NNN@chatroom), the message goes to. */
    public void setToWxid(String toWxid) {
        set("toWxid", toWxid);
    }
}
