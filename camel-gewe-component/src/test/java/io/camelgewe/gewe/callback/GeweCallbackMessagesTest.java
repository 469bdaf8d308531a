package io.camelgewe.gewe.callback;

import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgewe.gewe.GeweConstants;
import io.camelgewe.gewe.model.DownloadImage;
import io.camelgewe.gewe.model.GeweRequest;
import org.apache.camel.Exchange;
import org.apache.camel.TypeConversionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every message and event shape of GeWe's callback reference, POSTed over HTTP into a running route: what the route
 * receives (body, helpers, headers, conversions) and what GeWe is answered.
 */
class GeweCallbackMessagesTest extends GeweCallbackTestSupport {

    private static final String GROUP = "34757816141@chatroom";
    private static final String FRIEND = "wxid_phyyedw9xap22";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gewe:callback").to("mock:callbacks");

                // the media of a received message, downloaded with the request the callback converts to
                from("gewe:callback?path=/download&msgTypes=3,34")
                        .setHeader("op", simple("${body.downloadOperation}"))
                        .convertBodyTo(GeweRequest.class)
                        .toD("gewe:${header.op}")
                        .to("mock:downloaded");
            }
        };
    }

    private MockEndpoint routed() {
        return getMockEndpoint("mock:callbacks");
    }

    /** Posts a fixture and returns the one callback the route received. */
    private GeweCallback receive(String fixture) throws InterruptedException {
        MockEndpoint mock = routed();
        mock.expectedMessageCount(1);
        HttpResponse<String> answer = post(fixture(fixture));
        assertEquals(200, answer.statusCode(), fixture + " answered " + answer.body());
        mock.assertIsSatisfied();
        return callbackOf(mock, 0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            // fixture,           TypeName,    MsgType, sender,               chatroom
            "text,                AddMsg,      1,       wxid_phyyedw9xap22,   -",
            "image,               AddMsg,      3,       wxid_phyyedw9xap22,   -",
            "voice,               AddMsg,      34,      wxid_phyyedw9xap22,   -",
            "video,               AddMsg,      43,      wxid_phyyedw9xap22,   -",
            "emoji,               AddMsg,      47,      wxid_phyyedw9xap22,   -",
            "link,                AddMsg,      49,      wxid_phyyedw9xap22,   -",
            "file-notice,         AddMsg,      49,      wxid_phyyedw9xap22,   -",
            "file,                AddMsg,      49,      wxid_phyyedw9xap22,   -",
            "name-card,           AddMsg,      42,      wxid_phyyedw9xap22,   -",
            "friend-request,      AddMsg,      37,      fmessage,             -",
            "mini-program,        AddMsg,      49,      wxid_phyyedw9xap22,   -",
            "quote,               AddMsg,      49,      wxid_phyyedw9xap22,   -",
            "transfer,            AddMsg,      49,      wxid_phyyedw9xap22,   -",
            "red-packet,          AddMsg,      49,      wxid_phyyedw9xap22,   -",
            "channels,            AddMsg,      49,      wxid_phyyedw9xap22,   -",
            "revoke,              AddMsg,      10002,   wxid_phyyedw9xap22,   -",
            "pat,                 AddMsg,      10002,   wxid_phyyedw9xap22,   -",
            "location,            AddMsg,      48,      wxid_phyyedw9xap22,   -",
            "group-invite,        AddMsg,      49,      wxid_phyyedw9xap22,   -",
            "removed-from-group,  AddMsg,      10000,   -,                    39238473509@chatroom",
            "member-removed,      AddMsg,      10002,   -,                    34757816141@chatroom",
            "group-invite-sent,   AddMsg,      10002,   -,                    53302137416@chatroom",
            "group-dissolved,     AddMsg,      10002,   -,                    39238473509@chatroom",
            "group-renamed,       AddMsg,      10000,   -,                    34757816141@chatroom",
            "group-new-owner,     AddMsg,      10000,   -,                    34757816141@chatroom",
            "group-announcement,  AddMsg,      10002,   wxid_0xsqb3o0tsvz22,  34757816141@chatroom",
            "group-todo,          AddMsg,      10002,   -,                    34757816141@chatroom",
            "group-text-mention,  AddMsg,      1,       wxid_phyyedw9xap22,   34757816141@chatroom",
            "group-image,         AddMsg,      3,       wxid_phyyedw9xap22,   34757816141@chatroom",
            "contact-changed,     ModContacts, -,       -,                    -",
            "group-changed,       ModContacts, -,       -,                    34757816141@chatroom",
            "friend-deleted,      DelContacts, -,       -,                    -",
            "group-left,          DelContacts, -,       -,                    34559815390@chatroom",
            "offline,             Offline,     -,       -,                    -",
    })
    void everyShapeOfTheReferenceIsRoutedWithItsHeaders(String fixture, String typeName, Integer msgType, String sender,
                                                        String chatroom)
            throws Exception {
        GeweCallback cb = receive(fixture);
        Map<String, Object> headers = exchangeOf(routed(), 0).getMessage().getHeaders();
        JsonNode data = json(fixture(fixture)).path("Data");

        assertEquals(typeName, cb.getTypeName());
        assertEquals(typeName, headers.get(GeweConstants.TYPE_NAME));
        assertEquals("wx_example_app_id", headers.get(GeweConstants.APP_ID));
        assertEquals(msgType, headers.get(GeweConstants.MSG_TYPE));
        assertEquals(sender, headers.get(GeweConstants.SENDER_WXID));
        assertEquals(chatroom, headers.get(GeweConstants.CHATROOM_ID));
        assertEquals(textOrNull(data.path("FromUserName").path("string")), headers.get(GeweConstants.FROM_WXID));
        Long newMsgId = data.has("NewMsgId") ? new BigInteger(data.get("NewMsgId").asText()).longValueExact() : null;
        assertEquals(newMsgId, headers.get(GeweConstants.NEW_MSG_ID));
        assertEquals(data.has("MsgId") ? data.get("MsgId").asLong() : null, headers.get(GeweConstants.MSG_ID));
        // the body carries the whole push, unchanged
        assertEquals(json(fixture(fixture)), context.getTypeConverter().convertTo(JsonNode.class, cb));
        assertFalse(cb.isOwnMessage());
    }

    private static String textOrNull(JsonNode node) {
        return node.isMissingNode() ? null : node.asText();
    }

    @Test
    void theMacProtocolsInvitationNoticeIsReadAsAGroupNotice() throws Exception {
        GeweCallback cb = receive("mac-member-invited");
        Map<String, Object> headers = exchangeOf(routed(), 0).getMessage().getHeaders();
        assertEquals("AddMsg", cb.getTypeName());
        assertEquals(GeweMsgTypes.SYSTEM_TEXT, cb.getMsgType());
        assertEquals("4186dc7a-57ad-4a19-b737-08d93b41b273", headers.get(GeweConstants.APP_ID));
        assertEquals("wxid_yccwpfh1qif322", cb.getWxid());
        assertEquals("53502137416@chatroom", headers.get(GeweConstants.CHATROOM_ID));
        assertEquals("53502137416@chatroom", headers.get(GeweConstants.FROM_WXID));
        assertNull(headers.get(GeweConstants.SENDER_WXID), "a notice of the group, sent by nobody");
        assertEquals(7140416899694895696L, headers.get(GeweConstants.NEW_MSG_ID));
        assertEquals(1237490653L, headers.get(GeweConstants.MSG_ID));
        assertEquals(1762336266L, cb.getCreateTime());
        assertEquals("\"阿登\"邀请\"就叫chéng yǔ chén\"加入了群聊", exchangeOf(routed(), 0).getMessage().getBody(String.class));
        // the Mac protocol's own code stays in the JSON
        assertEquals(1, context.getTypeConverter().convertTo(JsonNode.class, cb).get("messageType").asInt());

        // GeWe's re-push of it is a duplicate like any other
        assertEquals(200, post(fixture("mac-member-invited")).statusCode());
        assertEquals(400, post("{\"wcId\":\"wxid_a\",\"data\":{\"content\":\"no id\"}}").statusCode());
        routed().assertIsSatisfied();
        assertEquals(1, routed().getReceivedCounter());
    }

    @Test
    void textMessage() throws Exception {
        GeweCallback cb = receive("text");
        Exchange exchange = exchangeOf(routed(), 0);
        assertEquals("123", exchange.getMessage().getBody(String.class));
        assertEquals(1705043418000L, exchange.getMessage().getHeader(Exchange.MESSAGE_TIMESTAMP));
        assertEquals(1705043418L, cb.getCreateTime());
        assertEquals(7773749793478223190L, cb.getNewMsgId());
        assertEquals("朝夕。 : 123", cb.getPushContent());
        assertEquals(FRIEND, cb.getReplyTo());
        assertFalse(cb.isGroup());
        assertEquals(List.of(), cb.getMentions());
        assertNull(cb.getMediaXml());
        assertNull(cb.getDownloadOperation());
        Map<?, ?> map = exchange.getMessage().getBody(Map.class);
        assertEquals("AddMsg", map.get("TypeName"));
        TypeConversionException e = assertThrows(TypeConversionException.class,
                () -> context.getTypeConverter().mandatoryConvertTo(GeweRequest.class, exchange, cb));
        assertTrue(e.getCause().getMessage().contains("has no media to download"), e.getCause().getMessage());
    }

    @Test
    void imageMessageGivesItsThumbnailAndDownloadImageRequest() throws Exception {
        GeweCallback cb = receive("image");
        byte[] thumbnail = cb.getImageBuffer();
        assertEquals((byte) 0xFF, thumbnail[0]);
        assertEquals((byte) 0xD8, thumbnail[1]);
        assertEquals("downloadImage", cb.getDownloadOperation());
        DownloadImage request = exchangeOf(routed(), 0).getMessage().getBody(DownloadImage.class);
        assertEquals("wx_example_app_id", request.getAppId());
        assertEquals(cb.getContent(), request.getXml());
        assertTrue(request.getXml().startsWith("<?xml") && request.getXml().contains("<img aeskey="));
        assertInstanceOf(DownloadImage.class, exchangeOf(routed(), 0).getMessage().getBody(GeweRequest.class));
    }

    @Test
    void voiceMessageGivesItsSilkBufferAndDownloadVoiceRequest() throws Exception {
        GeweCallback cb = receive("voice");
        byte[] silk = cb.getImageBuffer();
        assertEquals(0x02, silk[0]);
        assertEquals("#!SILK_V3", new String(silk, 1, 9, java.nio.charset.StandardCharsets.US_ASCII));
        GeweRequest request = exchangeOf(routed(), 0).getMessage().getBody(GeweRequest.class);
        assertEquals("downloadVoice", cb.getDownloadOperation());
        assertEquals(Map.of("appId", "wx_example_app_id", "xml", cb.getContent(), "msgId", 1040356100L),
                request.getFields());
    }

    @Test
    void videoMessageGivesDownloadVideoRequest() throws Exception {
        GeweCallback cb = receive("video");
        GeweRequest request = exchangeOf(routed(), 0).getMessage().getBody(GeweRequest.class);
        assertEquals("downloadVideo", cb.getDownloadOperation());
        assertEquals(Map.of("appId", "wx_example_app_id", "xml", cb.getContent()), request.getFields());
        assertTrue(cb.getMediaXml().contains("<videomsg"));
    }

    @Test
    void emojiMessageGivesItsMd5() throws Exception {
        GeweCallback cb = receive("emoji");
        assertEquals("cc56728d56c730ddae52baffe941ed86", cb.getEmojiMd5());
        GeweRequest request = exchangeOf(routed(), 0).getMessage().getBody(GeweRequest.class);
        assertEquals(Map.of("appId", "wx_example_app_id", "emojiMd5", "cc56728d56c730ddae52baffe941ed86"),
                request.getFields());
    }

    @Test
    void appMessagesGiveTheirSubTypeAndTitle() throws Exception {
        Object[][] cases = {
                { "link", GeweMsgTypes.APP_LINK, "尔滨，又有好消息！", null },
                { "file-notice", GeweMsgTypes.APP_FILE_NOTICE, "hhh.xlsx", null },
                { "file", GeweMsgTypes.APP_FILE, "hhh.xlsx", "downloadFile" },
                { "mini-program", GeweMsgTypes.APP_MINI_PROGRAM, "腾讯云助手", null },
                { "quote", GeweMsgTypes.APP_QUOTE, "看看这个", null },
                { "transfer", GeweMsgTypes.APP_TRANSFER, "微信转账", null },
                { "red-packet", GeweMsgTypes.APP_RED_PACKET, "微信红包", null },
                { "channels", GeweMsgTypes.APP_CHANNELS, "当前微信版本不支持展示该内容，请升级至最新版本。", null },
                { "group-invite", GeweMsgTypes.APP_LINK, "邀请你加入群聊", null },
        };
        MockEndpoint mock = routed();
        mock.expectedMessageCount(cases.length);
        for (Object[] c : cases) {
            assertEquals(200, post(fixture((String) c[0])).statusCode());
        }
        mock.assertIsSatisfied();
        for (int i = 0; i < cases.length; i++) {
            GeweCallback cb = callbackOf(mock, i);
            String name = (String) cases[i][0];
            assertEquals(cases[i][1], cb.getAppMsgType(), name);
            assertEquals(cases[i][2], cb.getAppMsgTitle(), name);
            assertEquals(cases[i][3], cb.getDownloadOperation(), name);
            assertEquals(cb.getContent(), cb.getMediaXml(), name);
        }
        GeweRequest file = mock.getReceivedExchanges().get(2).getMessage().getBody(GeweRequest.class);
        assertEquals(Map.of("appId", "wx_example_app_id", "xml", callbackOf(mock, 2).getContent()), file.getFields());
    }

    @Test
    void systemMessagesGiveTheirType() throws Exception {
        String[][] cases = {
                { "revoke", "revokemsg" },
                { "pat", "pat" },
                { "member-removed", "sysmsgtemplate" },
                { "group-dissolved", "sysmsgtemplate" },
                { "group-announcement", "mmchatroombarannouncememt" },
                { "group-todo", "roomtoolstips" },
        };
        MockEndpoint mock = routed();
        mock.expectedMessageCount(cases.length);
        for (String[] c : cases) {
            assertEquals(200, post(fixture(c[0])).statusCode());
        }
        mock.assertIsSatisfied();
        for (int i = 0; i < cases.length; i++) {
            GeweCallback cb = callbackOf(mock, i);
            assertEquals(cases[i][1], cb.getSysMsgType(), cases[i][0]);
            assertTrue(cb.getText().startsWith("<sysmsg"), cases[i][0] + ": the group prefix is removed");
        }
        assertTrue(callbackOf(mock, 0).getText().contains("<newmsgid>5576224237104747184</newmsgid>"));
    }

    @Test
    void groupTextGivesSenderTextAndMentions() throws Exception {
        GeweCallback cb = receive("group-text-mention");
        assertTrue(cb.isGroup());
        assertEquals(GROUP, cb.getChatroomId());
        assertEquals(GROUP, cb.getFromWxid());
        assertEquals(FRIEND, cb.getSenderWxid());
        assertEquals("@chaoxi @Ashley 今晚开会", cb.getText());
        assertEquals("@chaoxi @Ashley 今晚开会", exchangeOf(routed(), 0).getMessage().getBody(String.class));
        assertEquals("wxid_phyyedw9xap22:\n@chaoxi @Ashley 今晚开会", cb.getContent());
        assertEquals(List.of(ME, "wxid_8pvka4jg6qzt22"), cb.getMentions());
        assertTrue(cb.isMentioningMe());
        assertEquals(GROUP, cb.getReplyTo());
        assertEquals(Long.MAX_VALUE, exchangeOf(routed(), 0).getMessage().getHeader(GeweConstants.NEW_MSG_ID));
    }

    @Test
    void groupImageGivesTheXmlWithoutTheSenderPrefix() throws Exception {
        GeweCallback cb = receive("group-image");
        assertEquals(FRIEND, cb.getSenderWxid());
        assertTrue(cb.getContent().startsWith(FRIEND + ":\n<?xml"));
        assertTrue(cb.getMediaXml().startsWith("<?xml"));
        assertEquals(cb.getMediaXml(), exchangeOf(routed(), 0).getMessage().getBody(DownloadImage.class).getXml());
        assertEquals(List.of(GeweCallback.MENTION_ALL), cb.getMentions());
        assertTrue(cb.isMentioningMe());
    }

    @Test
    void friendRequestAndNameCardKeepTheirXml() throws Exception {
        MockEndpoint mock = routed();
        mock.expectedMessageCount(2);
        post(fixture("friend-request"));
        post(fixture("name-card"));
        mock.assertIsSatisfied();
        assertEquals("fmessage", callbackOf(mock, 0).getFromWxid());
        assertTrue(callbackOf(mock, 0).getText().contains("encryptusername=\"v3_"));
        assertTrue(callbackOf(mock, 1).getText().contains("nickname=\"Ashley\""));
        assertNull(callbackOf(mock, 1).getDownloadOperation());
    }

    @Test
    void eventsCarryTheirContact() throws Exception {
        MockEndpoint mock = routed();
        mock.expectedMessageCount(3);
        post(fixture("friend-deleted"));
        post(fixture("group-changed"));
        post(fixture("offline"));
        mock.assertIsSatisfied();
        assertEquals(FRIEND, callbackOf(mock, 0).getContactWxid());
        assertFalse(callbackOf(mock, 0).isMessage());
        assertEquals(GROUP, callbackOf(mock, 1).getContactWxid());
        GeweCallback offline = callbackOf(mock, 2);
        assertEquals(GeweMsgTypes.OFFLINE, offline.getTypeName());
        assertEquals("wxid_phyyedw9xap22", offline.getWxid());
        assertNull(offline.getMsgType());
        assertEquals("", mock.getReceivedExchanges().get(2).getMessage().getBody(String.class));
        assertFalse(mock.getReceivedExchanges().get(2).getMessage().getHeaders().containsKey(GeweConstants.MSG_TYPE));
    }

    @Test
    void receivedMediaIsDownloadedWithTheRequestTheCallbackConvertsTo() throws Exception {
        simulator.addAccount("wx_example_app_id");
        MockEndpoint downloaded = getMockEndpoint("mock:downloaded");
        downloaded.expectedMessageCount(2);
        assertEquals(200, post("/download", fixture("group-image")).statusCode());
        assertEquals(200, post("/download", fixture("voice")).statusCode());
        downloaded.assertIsSatisfied();

        JsonNode image = bodiesSentTo("downloadImage").get(0);
        assertEquals("wx_example_app_id", image.get("appId").asText());
        assertTrue(image.get("xml").asText().startsWith("<?xml"), "sent without the group prefix");
        JsonNode voice = bodiesSentTo("downloadVoice").get(0);
        assertEquals(1040356100L, voice.get("msgId").asLong());
        assertTrue(voice.get("xml").asText().startsWith("<msg><voicemsg"));
    }

    @Test
    void imageBufferIsACopy() throws Exception {
        GeweCallback cb = receive("image");
        byte[] first = cb.getImageBuffer();
        first[0] = 0;
        assertArrayEquals(new byte[] { (byte) 0xFF, (byte) 0xD8 },
                java.util.Arrays.copyOf(cb.getImageBuffer(), 2));
    }
}
