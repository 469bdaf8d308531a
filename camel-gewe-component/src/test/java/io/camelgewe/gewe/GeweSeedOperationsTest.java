package io.camelgewe.gewe;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgewe.gewe.model.DownloadImage;
import io.camelgewe.gewe.model.DownloadResult;
import io.camelgewe.gewe.model.PostImage;
import io.camelgewe.gewe.model.ImageSendResult;
import io.camelgewe.gewe.model.PostVideo;
import io.camelgewe.gewe.model.VideoSendResult;
import io.camelgewe.gewe.model.PostVoice;
import io.camelgewe.gewe.model.SendResult;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The four seed operations end to end over HTTP: the seeds' request examples are what GeWe must receive, their
 * response shapes what the route gets back.
 */
class GeweSeedOperationsTest extends GeweTestSupport {

    private static final String GROUP = "34757816141@chatroom";
    private static final String IMAGE_XML = "<?xml version=\"1.0\"?>\n<msg>\n\t<img aeskey=\"294774c8ac2ca8f8114e4d58d2ba78a5\" "
                                            + "encryver=\"1\" cdnthumblength=\"2253\" length=\"4061\" "
                                            + "md5=\"799ee4beed51720525232aef6a0d2ec4\" />\n</msg>";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:postImage").to("gewe:postImage");
                from("direct:postVideo").to("gewe:postVideo");
                from("direct:postVoice").to("gewe:postVoice");
                from("direct:downloadImage").to("gewe:downloadImage");
            }
        };
    }

    @Test
    void postImageSendsTheSeedRequestAndReturnsTheCdnCoordinates() {
        PostImage req = new PostImage();
        req.setToWxid(GROUP);
        req.setImgUrl("http://dummyimage.com/400x400");
        Exchange out = template.send("direct:postImage", e -> e.getMessage().setBody(req));
        assertNull(out.getException());

        assertEquals(json("{\"appId\":\"" + simulator.appId() + "\",\"toWxid\":\"" + GROUP
                          + "\",\"imgUrl\":\"http://dummyimage.com/400x400\"}"),
                simulator.lastRequest().json());
        ImageSendResult r = out.getMessage().getBody(ImageSendResult.class);
        assertEquals(GROUP, r.getToWxid());
        assertNotNull(r.getAesKey());
        assertNotNull(r.getFileId());
        assertNotNull(r.getMd5());
        assertTrue(r.getLength() > 0 && r.getWidth() > 0 && r.getHeight() > 0);
        assertIdsAreExactHeaders(out, r);
        JsonNode data = json(out.getMessage().getBody(String.class));
        assertEquals(r.getNewMsgId().longValue(), data.get("newMsgId").longValue());
        assertEquals(r.getAesKey(), data.get("aesKey").asText());
    }

    @Test
    void postVideoSendsDurationAsANumberAndKeepsANullCreateTime() {
        PostVideo req = new PostVideo();
        req.setToWxid(GROUP);
        req.setVideoUrl("https://media.example/v.mp4");
        req.setThumbUrl("https://media.example/logo.jpg");
        req.setVideoDuration(10L);
        Exchange out = template.send("direct:postVideo", e -> e.getMessage().setBody(req));
        assertNull(out.getException());
        JsonNode sent = simulator.lastRequest().json();
        assertTrue(sent.get("videoDuration").isIntegralNumber());
        assertEquals(json("{\"appId\":\"" + simulator.appId() + "\",\"toWxid\":\"" + GROUP
                          + "\",\"videoUrl\":\"https://media.example/v.mp4\","
                          + "\"thumbUrl\":\"https://media.example/logo.jpg\",\"videoDuration\":10}"),
                sent);
        VideoSendResult r = out.getMessage().getBody(VideoSendResult.class);
        assertNull(r.getCreateTime(), "GeWe leaves createTime null for videos");
        assertFalse(out.getMessage().getHeaders().containsKey(GeweConstants.CREATE_TIME));
        assertNotNull(r.getAesKey());
        assertIdsAreExactHeaders(out, r);
    }

    @Test
    void postVoiceSendsMillisecondsAndReturnsTheMessageIds() {
        PostVoice req = new PostVoice();
        req.setToWxid(GROUP);
        req.setVoiceUrl("https://media.example/a.silk");
        req.setVoiceDuration(2000L);
        Exchange out = template.send("direct:postVoice", e -> e.getMessage().setBody(req));
        assertNull(out.getException());
        assertEquals(2000, simulator.lastRequest().json().get("voiceDuration").intValue());
        SendResult r = assertInstanceOf(SendResult.class, out.getMessage().getBody());
        assertNotNull(r.getCreateTime());
        assertEquals(r.getCreateTime(), out.getMessage().getHeader(GeweConstants.CREATE_TIME));
        assertIdsAreExactHeaders(out, r);
    }

    @Test
    void downloadImageSendsGewesDefaultTypeAndReturnsTheFileUrl() {
        DownloadImage req = new DownloadImage();
        req.setXml(IMAGE_XML);
        Exchange out = template.send("direct:downloadImage", e -> e.getMessage().setBody(req));
        assertNull(out.getException());
        assertEquals(json("{\"appId\":\"" + simulator.appId() + "\",\"xml\":" + quoted(IMAGE_XML) + ",\"type\":2}"),
                simulator.lastRequest().json());
        DownloadResult r = out.getMessage().getBody(DownloadResult.class);
        assertTrue(r.getFileUrl().startsWith("http://127.0.0.1:"), r.getFileUrl());
        assertFalse(r.toString().contains(r.getFileUrl()), "the signed URL stays out of toString()");
    }

    private static void assertIdsAreExactHeaders(Exchange out, SendResult r) {
        Object newMsgId = out.getMessage().getHeader(GeweConstants.NEW_MSG_ID);
        assertInstanceOf(Long.class, newMsgId);
        assertEquals(r.getNewMsgId(), newMsgId);
        assertTrue(r.getNewMsgId() > 1_000_000_000_000_000_000L, "a 19-digit id");
        assertNotEquals(0, r.getNewMsgId() % 100, "real ids are not rounded");
        assertEquals(r.getMsgId(), out.getMessage().getHeader(GeweConstants.MSG_ID, Long.class));
    }

    private static String quoted(String s) {
        try {
            return io.camelgewe.gewe.client.GeweJson.mapper().writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
