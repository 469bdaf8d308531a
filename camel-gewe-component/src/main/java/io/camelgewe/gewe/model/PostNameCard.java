package io.camelgewe.gewe.model;

/**
 * The request of {@code message/postNameCard}: send a contact's name card.
 */
public class PostNameCard extends GeweRequest {

    /** Creates an empty request. */
    public PostNameCard() {
    }

    /** The wxid of the friend, or the group id (NNN@chatroom), the message goes to. */
    public String getToWxid() {
        return text("toWxid");
    }

    /** Sets the field {@code toWxid}: the wxid of the friend, or the group id (NNN@chatroom), the message goes to. */
    public void setToWxid(String toWxid) {
        set("toWxid", toWxid);
    }

    /** The nickname shown on the name card. */
    public String getNickName() {
        return text("nickName");
    }

    /** Sets the field {@code nickName}: the nickname shown on the name card. */
    public void setNickName(String nickName) {
        set("nickName", nickName);
    }

    /** The wxid of the contact the name card introduces. */
    public String getNameCardWxid() {
        return text("nameCardWxid");
    }

    /** Sets the field {@code nameCardWxid}: the wxid of the contact the name card introduces. */
    public void setNameCardWxid(String nameCardWxid) {
        set("nameCardWxid", nameCardWxid);
    }
}
