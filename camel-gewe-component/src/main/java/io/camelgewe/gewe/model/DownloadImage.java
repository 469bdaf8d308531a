package io.camelgewe.gewe.model;

/**
 * The request of {@code message/downloadImage}: download the image of a received message, described by its XML.
 */
public class DownloadImage extends DownloadRequest {

    /** Creates an empty request. */
    public DownloadImage() {
    }

    /** Which image: 1 HD, 2 normal (GeWe's default), 3 thumbnail. */
    public Long getType() {
        return number("type");
    }

    /** Sets the field {@code type}: which image: 1 HD, 2 normal (GeWe's default), 3 thumbnail. */
    public void setType(Long type) {
        set("type", type);
    }
}
