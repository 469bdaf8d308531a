package io.camelgewe.gewe.model;

/**
 * The request of {@code message/postImage}: send an image that GeWe downloads from {@code imgUrl}.
 */
public class PostImage extends SendRequest {

    /** Creates an empty request. */
    public PostImage() {
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
