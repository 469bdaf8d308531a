package io.camelgewe.gewe.model;

/**
 * The result of {@code message/postVideo}: the message's ids and the video's CDN coordinates. GeWe leaves
 * {@code createTime} null for videos.
 */
public class PostVideoResult extends CdnSendResult {
}
