package io.camelgewe.gewe.model;

/**
 * The request of {@code message/postMiniApp}: send a mini program card.
 */
public class PostMiniApp extends SendRequest {

    /** Creates an empty request. */
    public PostMiniApp() {
    }

    /** The mini program id. */
    public String getMiniAppId() {
        return text("miniAppId");
    }

    /** Sets the field {@code miniAppId}: the mini program id. */
    public void setMiniAppId(String miniAppId) {
        set("miniAppId", miniAppId);
    }

    /** The mini program name. */
    public String getDisplayName() {
        return text("displayName");
    }

    /** Sets the field {@code displayName}: the mini program name. */
    public void setDisplayName(String displayName) {
        set("displayName", displayName);
    }

    /** The page the mini program opens. */
    public String getPagePath() {
        return text("pagePath");
    }

    /** Sets the field {@code pagePath}: the page the mini program opens. */
    public void setPagePath(String pagePath) {
        set("pagePath", pagePath);
    }

    /** The URL of the mini program cover image. */
    public String getCoverImgUrl() {
        return text("coverImgUrl");
    }

    /** Sets the field {@code coverImgUrl}: the URL of the mini program cover image. */
    public void setCoverImgUrl(String coverImgUrl) {
        set("coverImgUrl", coverImgUrl);
    }

    /** The mini program card title. */
    public String getTitle() {
        return text("title");
    }

    /** Sets the field {@code title}: the mini program card title. */
    public void setTitle(String title) {
        set("title", title);
    }

    /** The id of the user the mini program belongs to. */
    public String getUserName() {
        return text("userName");
    }

    /** Sets the field {@code userName}: the id of the user the mini program belongs to. */
    public void setUserName(String userName) {
        set("userName", userName);
    }
}
