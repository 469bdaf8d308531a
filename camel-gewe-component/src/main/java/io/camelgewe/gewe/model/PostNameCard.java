package io.camelgewe.gewe.model;

/**
 * The request of {@code message/postNameCard}: send a contact's name card.
 */
public class PostNameCard extends SendRequest {

    /** Creates an empty request. */
    public PostNameCard() {
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
