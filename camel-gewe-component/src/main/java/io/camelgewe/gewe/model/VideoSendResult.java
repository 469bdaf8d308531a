package io.camelgewe.gewe.model;

/**
 * The result of {@code message/postVideo} and {@code message/forwardVideo}: the message's ids and the video's CDN
 * coordinates. GeWe leaves
 * {@code createTime} null for videos.
 */
public class VideoSendResult extends CdnSendResult {

    /**
     * The forwardVideo request that sends this video again from WeChat's CDN, without GeWe downloading and uploading
     * it again (GeWe's advice on its postVideo page). The recipient (toWxid) is left for the route to give.
     *
     * @param playSeconds the video's length in seconds (GeWe's answer does not carry it; 0 when unknown)
     */
    public ForwardVideo toForwardVideo(long playSeconds) {
        String key = attr(getAesKey());
        String file = attr(getFileId());
        ForwardVideo forward = new ForwardVideo();
        forward.setXml("<?xml version=\"1.0\"?>\n<msg>\n\t<videomsg aeskey=\"" + key + "\" cdnvideourl=\"" + file
                       + "\" cdnthumbaeskey=\"" + key + "\" cdnthumburl=\"" + file + "\" length=\"" + attr(getLength())
                       + "\" playlength=\"" + playSeconds + "\" />\n</msg>");
        return forward;
    }
}
