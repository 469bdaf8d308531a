package io.camelgewe.gewe.client;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgewe.gewe.errors.GeweApiException;
import io.camelgewe.gewe.errors.GeweDelivery;
import io.camelgewe.gewe.errors.GeweHttpException;
import io.camelgewe.gewe.errors.GeweResponseException;
import io.camelgewe.gewe.catalog.GeweCatalog;
import io.camelgewe.gewe.model.ImageSendResult;
import io.camelgewe.gewe.model.VideoSendResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading GeWe's envelope from bytes as GeWe writes them (the seeds' examples, and the failures seen in the wild). */
class GeweReplyReaderTest {

    private static final String TOKEN = "tok-" + io.camelgewe.gewe.GeweTestSupport.TOKEN_MARK + "-1234";

    private final GeweReplyReader postImage = new GeweReplyReader(GeweCatalog.get().find("postImage"), TOKEN);

    @Test
    void readsTheSeedsPostImageAnswerWithExactIds() {
        // the seed's example, with a real (unrounded) newMsgId as GeWe sends it
        String json = "{\"ret\":200,\"msg\":\"操作成功\",\"data\":{\"toWxid\":\"34757816141@chatroom\",\"createTime\":0,"
                      + "\"msgId\":640355969,\"newMsgId\":8992614056172361237,\"type\":null,"
                      + "\"aesKey\":\"7678796e6d70626e6b626c6f7375616b\",\"fileId\":\"3052020100044b3049\",\"length\":1096,"
                      + "\"width\":400,\"height\":400,\"md5\":\"e6355eab0393facbd6a2cde3f990ef60\",\"extra\":\"kept\"}}";
        ImageSendResult r = (ImageSendResult) postImage.read(200, "OK", bytes(json));
        assertEquals(8992614056172361237L, r.getNewMsgId());
        assertEquals(640355969L, r.getMsgId());
        assertEquals(0L, r.getCreateTime());
        assertNull(r.getType());
        assertEquals(1096L, r.getLength());
        assertEquals(400, r.getWidth());
        assertEquals("kept", r.getOther().get("extra"));
    }

    @Test
    void dataBeforeRetIsReadToo() {
        GeweReplyReader video = new GeweReplyReader(GeweCatalog.get().find("postVideo"), TOKEN);
        String json = "{\"data\":{\"toWxid\":\"x\",\"createTime\":null,\"newMsgId\":945590746179451523},\"msg\":\"ok\",\"ret\":200}";
        VideoSendResult r = (VideoSendResult) video.read(200, null, bytes(json));
        assertEquals(945590746179451523L, r.getNewMsgId());
        assertNull(r.getCreateTime());
    }

    @Test
    void retNot200IsAnApiErrorWithGewesFieldsEvenWhenMsgIsNull() {
        GeweApiException e = assertThrows(GeweApiException.class, () -> postImage.read(200, "OK",
                bytes("{\"ret\":500,\"msg\":null,\"data\":{\"code\":\"-1\",\"msg\":\"微信已离线\"}}")));
        assertEquals(500, e.getRet());
        assertNull(e.getMsg());
        assertEquals("-1", e.getDataCode());
        assertEquals("微信已离线", e.getDataMsg());
        assertEquals(GeweDelivery.REJECTED, e.getDelivery());
        assertTrue(e.getMessage().startsWith("GeWe message/postImage: "), e.getMessage());
        assertTrue(e.getMessage().contains("ret=500") && e.getMessage().contains("data.code=-1"), e.getMessage());
    }

    @Test
    void aTokenEchoedByGeweIsScrubbed() {
        GeweApiException e = assertThrows(GeweApiException.class, () -> postImage.read(200, "OK",
                bytes("{\"ret\":500,\"msg\":\"X-GEWE-TOKEN " + TOKEN + " 不可用或已过期\",\"data\":null}")));
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
        assertFalse(e.getMsg().contains(TOKEN));
        GeweResponseException r = assertThrows(GeweResponseException.class,
                () -> postImage.read(200, "OK", bytes("<html>token=" + TOKEN + "</html>")));
        assertFalse(r.getMessage().contains(TOKEN), r.getMessage());
    }

    @Test
    void nonJsonAndEmptyAndHttpErrorsAreTheirOwnExceptions() {
        GeweResponseException r = assertThrows(GeweResponseException.class,
                () -> postImage.read(200, "OK", bytes("<html><body>502 Bad Gateway</body></html>")));
        assertTrue(r.getMessage().contains("not its JSON envelope") && r.getMessage().contains("502 Bad Gateway"),
                r.getMessage());
        assertEquals(GeweDelivery.UNKNOWN, r.getDelivery());
        assertThrows(GeweResponseException.class, () -> postImage.read(200, "OK", new byte[0]));
        assertThrows(GeweResponseException.class, () -> postImage.read(200, "OK", bytes("{\"msg\":\"no ret\"}")));
        assertThrows(GeweResponseException.class, () -> postImage.read(200, "OK", bytes("{\"ret\":200,\"data\":{")));
        GeweHttpException h = assertThrows(GeweHttpException.class,
                () -> postImage.read(503, "Service Unavailable", bytes("busy")));
        assertEquals(503, h.getStatusCode());
        assertTrue(h.getMessage().contains("HTTP status 503"), h.getMessage());
    }

    @Test
    void untypedOperationsGiveTheJsonTreeAndNoDataGivesNull() {
        GeweReplyReader info = new GeweReplyReader(GeweCatalog.get().find("getChatroomInfo"), null);
        JsonNode n = (JsonNode) info.read(200, "OK",
                bytes("{\"ret\":200,\"msg\":\"ok\",\"data\":{\"chatroomId\":\"1@chatroom\",\"memberCount\":12345678901234567}}"));
        assertEquals(12345678901234567L, n.get("memberCount").longValue());
        assertNull(info.read(200, "OK", bytes("{\"ret\":200,\"msg\":\"ok\"}")));
        assertNull(info.read(200, "OK", bytes("{\"ret\":200,\"msg\":\"ok\",\"data\":null}")));
        GeweReplyReader online = new GeweReplyReader(GeweCatalog.get().find("checkOnline"), null);
        assertEquals(Boolean.FALSE, online.read(200, "OK", bytes("{\"ret\":200,\"msg\":\"ok\",\"data\":false}")));
    }

    @Test
    void theRefusalSaysWhichWayTheEnvelopeIsAmbiguous() {
        // the typed path (data bound as it streams) and the tree path (data before ret) both see a field twice
        for (String body : new String[] {
                "{\"ret\":500,\"msg\":\"x\",\"ret\":200,\"data\":{\"msgId\":1}}",
                "{\"ret\":200,\"msg\":\"ok\",\"data\":{\"msgId\":1,\"msgId\":2}}",
                "{\"data\":{\"msgId\":1,\"msgId\":2},\"ret\":200}" }) {
            GeweResponseException e = assertThrows(GeweResponseException.class, () -> postImage.read(200, "OK",
                    bytes(body)), body);
            assertTrue(e.getMessage().contains("a field appears twice"), e.getMessage());
        }
        GeweResponseException e = assertThrows(GeweResponseException.class, () -> postImage.read(200, "OK",
                bytes("{\"ret\":200.0,\"msg\":\"ok\",\"data\":{\"msgId\":1}}")));
        assertTrue(e.getMessage().contains("a ret that is not an integer"), e.getMessage());
    }

    @Test
    void aDetailThatIsNotTheJsonGeweSendsIsQuotedShortAndNeverTrusted() {
        // not JSON: the text itself
        assertEquals("upstream said no", refusal("\"upstream said no\"").getDetail());
        // huge: cut short, not parsed
        String huge = "{\\\"msg_err\\\":\\\"" + "x".repeat(20_000) + "\\\"}";
        String detail = refusal("\"" + huge + "\"").getDetail();
        assertTrue(detail.length() <= 203, "bounded: " + detail.length());
        // deeply nested: quoted as text, cut short, no stack overflow
        String nested = "[".repeat(2_000) + "]".repeat(2_000);
        assertTrue(refusal("\"" + nested + "\"").getDetail().length() <= 203);
        // msg_err that is itself an object: the detail is quoted rather than an object's toString
        assertEquals("{\"msg_err\":{\"a\":1}}", refusal("\"{\\\"msg_err\\\":{\\\"a\\\":1}}\"").getDetail());
        // detail as an object, as a proxy might send it
        assertEquals("图片格式错误", refusal("{\"msg_err\":\"图片格式错误\"}").getDetail());
    }

    @Test
    void absentWeChatFieldsAreLeftOutOfTheMessageRatherThanPrintedAsNull() {
        GeweApiException e = assertThrows(GeweApiException.class, () -> postImage.read(200, "OK",
                bytes("{\"ret\":500,\"msg\":null,\"data\":{\"msg\":\"下载图片失败\"}}")));
        assertFalse(e.getMessage().contains("null"), e.getMessage());
        assertTrue(e.getMessage().contains("data.msg=下载图片失败"), e.getMessage());
        assertNull(e.getDetail());
    }

    private GeweApiException refusal(String detailJson) {
        return assertThrows(GeweApiException.class, () -> postImage.read(200, "OK",
                bytes("{\"ret\":500,\"msg\":\"发送图片失败\",\"data\":{\"detail\":" + detailJson + "}}")));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
