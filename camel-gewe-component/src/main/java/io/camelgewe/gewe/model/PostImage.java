package io.camelgewe.gewe.model;

/**
 * The request of {@code message/postImage}: send an image that GeWe downloads from {@code imgUrl}.
 */
public class PostImage extends GeweRequest {

    /** Creates an empty request. */
    public PostImage() {
    }

    /** The wxid of the friend, or the group id (NNN@chatroom), the message goes to. */
    public String getToWxid() {
        return text("toWxid");
    }

    /** Sets the field {@code toWxid}: the wxid of the friend, or the group id (NNN@chatroom), the message goes to. */
    public void setToWxid(String toWxid) {
        set("toWxid", toWxid);
    }

    /** The URL GeWe downloads the image from. */
    public String getImgUrl() {
        return text("imgUrl");
    }

    /** Sets the field {@code imgUrl}: the URL GeWe downloads the image from. */
    public void setImgUrl(String imgUrl) {
        set("imgUrl", imgUrl);
    }
}
