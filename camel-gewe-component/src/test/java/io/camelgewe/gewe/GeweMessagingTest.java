package io.camelgewe.gewe;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgewe.gewe.catalog.GeweCatalog;
import io.camelgewe.gewe.catalog.GeweOperation;
import io.camelgewe.gewe.model.DownloadResult;
import io.camelgewe.gewe.model.ForwardImage;
import io.camelgewe.gewe.model.ForwardVideo;
import io.camelgewe.gewe.model.GeweRequest;
import io.camelgewe.gewe.model.ImageSendResult;
import io.camelgewe.gewe.model.PostFile;
import io.camelgewe.gewe.model.PostText;
import io.camelgewe.gewe.model.RevokeMsg;
import io.camelgewe.gewe.model.SendResult;
import io.camelgewe.gewe.model.VideoSendResult;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Typed messaging: every message operation's request class, the plain-text main fields, and the result converters. */
class GeweMessagingTest extends GeweTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:text").to("gewe:postText?toWxid=wxid_a");
                from("direct:file").to("gewe:postFile?toWxid=wxid_a");
                from("direct:sendAndRevoke").to("gewe:postText").setProperty("sent", body())
                        .convertBodyTo(RevokeMsg.class).to("gewe:revokeMsg");
                from("direct:imageTwice").to("gewe:postImage").setProperty("first", body())
                        .convertBodyTo(ForwardImage.class)
                        .setHeader(GeweConstants.TO_WXID, constant("wxid_second")).to("gewe:forwardImage");
                from("direct:videoTwice").to("gewe:postVideo").convertBodyTo(ForwardVideo.class)
                        .setHeader(GeweConstants.TO_WXID, constant("wxid_second")).to("gewe:forwardVideo");
                from("direct:online").to("gewe:checkOnline");
                from("direct:callback").to("gewe:setCallback");
            }
        };
    }

    @Test
    void everyMessageOperationHasItsTypedRequestAndResult() {
        for (GeweOperation op : GeweCatalog.get().operations()) {
            if ("message".equals(op.module())) {
                assertTrue(op.requestType() != GeweRequest.class, op + " has a typed request");
                assertEquals(op, GeweCatalog.get().forRequestType(op.requestType()));
                if (op.isSend() && !"sendFinderMsg".equals(op.action())) {
                    assertTrue(SendResult.class.isAssignableFrom(op.resultType()), op + " answers a SendResult");
                }
                if (op.isDownload()) {
                    assertEquals(DownloadResult.class, op.resultType(), op.toString());
                }
            }
        }
    }

    @Test
    void plainTextIsPostTextsContentAndAtsPassAsText() {
        Exchange out = template.send("direct:text", e -> {
            e.getMessage().setBody("订单 #1042 已发货\n");
            e.getMessage().setHeader("CamelGeweAts", "wxid_b,wxid_c");
        });
        assertNull(out.getException());
        JsonNode sent = simulator.lastRequest().json();
        assertEquals("订单 #1042 已发货", sent.get("content").asText());
        assertEquals("wxid_b,wxid_c", sent.get("ats").asText());
        assertInstanceOf(SendResult.class, out.getMessage().getBody());
    }

    @Test
    void postFileTakesItsFileNameFromTheUrlUnlessGiven() {
        template.sendBody("direct:file", "https://files.example/reports/Q3%20report.pdf?sig=abc");
        assertEquals("Q3 report.pdf", simulator.lastRequest().field("fileName").asText());
        PostFile named = new PostFile();
        named.setFileUrl("https://files.example/x.bin");
        named.setFileName("contract.pdf");
        template.sendBody("direct:file", named);
        assertEquals("contract.pdf", simulator.lastRequest().field("fileName").asText());
    }

    @Test
    void aSendResultConvertsToTheRevokeThatTakesItBack() {
        PostText text = new PostText();
        text.setToWxid("wxid_a");
        text.setContent("oops");
        Exchange out = template.send("direct:sendAndRevoke", e -> e.getMessage().setBody(text));
        assertNull(out.getException());
        SendResult sent = out.getProperty("sent", SendResult.class);
        JsonNode revoke = simulator.lastRequest().json();
        assertEquals("message/revokeMsg", simulator.lastRequest().operation());
        assertTrue(revoke.get("msgId").isTextual() && revoke.get("newMsgId").isTextual()
                   && revoke.get("createTime").isTextual(), "GeWe takes revokeMsg's ids as strings: " + revoke);
        assertEquals("wxid_a", revoke.get("toWxid").asText());
        assertEquals(sent.getNewMsgId().toString(), revoke.get("newMsgId").asText());
        assertEquals(sent.getMsgId().toString(), revoke.get("msgId").asText());
        assertEquals(sent.getCreateTime().toString(), revoke.get("createTime").asText());
    }

    @Test
    void aPostImageResultConvertsToTheForwardThatReusesItsCdnCopy() {
        Exchange out = template.send("direct:imageTwice", e -> {
            e.getMessage().setBody("http://media.example/a.png");
            e.getMessage().setHeader(GeweConstants.TO_WXID, "wxid_first");
        });
        assertNull(out.getException());
        ImageSendResult first = out.getProperty("first", ImageSendResult.class);
        assertNotNull(first.getAesKey());
        JsonNode fwd = simulator.lastRequest().json();
        assertEquals("wxid_second", fwd.get("toWxid").asText());
        String xml = fwd.get("xml").asText();
        assertTrue(xml.contains("aeskey=\"" + first.getAesKey() + "\""), xml);
        assertTrue(xml.contains("cdnmidimgurl=\"" + first.getFileId() + "\""), xml);
        assertTrue(xml.contains("md5=\"" + first.getMd5() + "\""), xml);
        assertInstanceOf(ImageSendResult.class, out.getMessage().getBody());
    }

    @Test
    void aPostVideoResultConvertsToTheForwardWithItsPlayLength() {
        Exchange out = template.send("direct:videoTwice", e -> {
            e.getMessage().setBody(Map.of("toWxid", "wxid_first", "videoUrl", "http://m/v.mp4", "thumbUrl",
                    "http://m/v.jpg", "videoDuration", 12));
            e.getMessage().setHeader(GeweConstants.VIDEO_DURATION, 12);
        });
        assertNull(out.getException());
        String xml = simulator.lastRequest().field("xml").asText();
        assertTrue(xml.contains("<videomsg ") && xml.contains("playlength=\"12\""), xml);
        assertInstanceOf(VideoSendResult.class, out.getMessage().getBody());
    }

    @Test
    void checkOnlineAnswersABooleanAndSetCallbackUsesTheEndpointsToken() {
        assertEquals(Boolean.TRUE, template.requestBody("direct:online", (Object) null));
        simulator.setOnline(simulator.appId(), false);
        try {
            assertEquals(Boolean.FALSE, template.requestBody("direct:online", (Object) null));
        } finally {
            simulator.setOnline(simulator.appId(), true);
        }
        template.sendBody("direct:callback", "http://127.0.0.1:9/gewe/callback");
        JsonNode set = simulator.lastRequest().json();
        assertEquals(simulator.token(), set.get("token").asText());
        assertEquals("http://127.0.0.1:9/gewe/callback", set.get("callbackUrl").asText());
        assertNull(set.get("appId"), "setCallback takes no appId");
    }
}
