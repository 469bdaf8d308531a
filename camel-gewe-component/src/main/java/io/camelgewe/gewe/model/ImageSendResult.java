package io.camelgewe.gewe.model;

/**
 * The result of {@code message/postImage} and {@code message/forwardImage}: the message's ids, the image's CDN
 * coordinates, its size and md5.
 */
public class ImageSendResult extends CdnSendResult {

    private Integer width;
    private Integer height;
    private String md5;

    /**
     * The forwardImage request that sends this image again from WeChat's CDN, without GeWe downloading and uploading
     * it again (GeWe's advice on its postImage page). The recipient (toWxid) is left for the route to give.
     */
    public ForwardImage toForwardImage() {
        String key = attr(getAesKey());
        String file = attr(getFileId());
        String length = attr(getLength());
        ForwardImage forward = new ForwardImage();
        forward.setXml("<?xml version=\"1.0\"?>\n<msg>\n\t<img aeskey=\"" + key + "\" encryver=\"1\" cdnthumbaeskey=\""
                       + key + "\" cdnthumburl=\"" + file + "\" cdnthumblength=\"" + length + "\" cdnthumbheight=\""
                       + attr(height) + "\" cdnthumbwidth=\"" + attr(width) + "\" cdnmidheight=\"0\" cdnmidwidth=\"0\""
                       + " cdnhdheight=\"0\" cdnhdwidth=\"0\" cdnmidimgurl=\"" + file + "\" length=\"" + length
                       + "\" md5=\"" + attr(md5) + "\" />\n</msg>");
        return forward;
    }

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
