package io.camelgewe.gewe.model;

/**
 * The request of {@code message/forwardMiniApp}: forward a mini program message by its XML.
 */
public class ForwardMiniApp extends ForwardRequest {

    /** Creates an empty request. */
    public ForwardMiniApp() {
    }

    /** The URL of the mini program cover image. */
    public String getCoverImgUrl() {
        return text("coverImgUrl");
    }

    /** Sets the field {@code coverImgUrl}: the URL of the mini program cover image. */
    public void setCoverImgUrl(String coverImgUrl) {
        set("coverImgUrl", coverImgUrl);
    }
}
