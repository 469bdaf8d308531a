package io.camelgewe.gewe.model;

/**
 * The result of {@code message/postImage}: the message's ids, the image's CDN coordinates, its size and md5.
 */
public class PostImageResult extends CdnSendResult {

    private Integer width;
    private Integer height;
    private String md5;

    /** The image's width in pixels. */
    public Integer getWidth() {
        return width;
    }

    /** Sets the image's width in pixels. */
    public void setWidth(Integer width) {
        this.width = width;
    }

    /** The image's height in pixels. */
    public Integer getHeight() {
        return height;
    }

    /** Sets the image's height in pixels. */
    public void setHeight(Integer height) {
        this.height = height;
    }

    /** The md5 of the image file, in hex. */
    public String getMd5() {
        return md5;
    }

    /** Sets the md5 of the image file. */
    public void setMd5(String md5) {
        this.md5 = md5;
    }
}
