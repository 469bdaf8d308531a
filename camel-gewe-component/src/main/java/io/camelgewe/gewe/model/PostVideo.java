package io.camelgewe.gewe.model;

/**
 * The request of {@code message/postVideo}: send a video that GeWe downloads from {@code videoUrl}.
 */
public class PostVideo extends SendRequest {

    /** Creates an empty request. */
    public PostVideo() {
    }

    /** The URL GeWe downloads the video from. */
    public String getVideoUrl() {
        return text("videoUrl");
    }

    /** Sets the field {@code videoUrl}: the URL GeWe downloads the video from. */
    public void setVideoUrl(String videoUrl) {
        set("videoUrl", videoUrl);
    }

    /** The URL of the video's thumbnail image. */
    public String getThumbUrl() {
        return text("thumbUrl");
    }

    /** Sets the field {@code thumbUrl}: the URL of the video's thumbnail image. */
    public void setThumbUrl(String thumbUrl) {
        set("thumbUrl", thumbUrl);
    }

    /** The video's length in seconds. */
    public Long getVideoDuration() {
        return number("videoDuration");
    }

    /** Sets the field {@code videoDuration}: the video's length in seconds. */
    public void setVideoDuration(Long videoDuration) {
        set("videoDuration", videoDuration);
    }
}
