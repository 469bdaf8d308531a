package io.camelgewe.gewe;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgewe.gewe.model.CheckOnline;
import io.camelgewe.gewe.model.DownloadCdn;
import io.camelgewe.gewe.model.DownloadEmojiMd5;
import io.camelgewe.gewe.model.DownloadFile;
import io.camelgewe.gewe.model.DownloadImage;
import io.camelgewe.gewe.model.DownloadResult;
import io.camelgewe.gewe.model.DownloadVideo;
import io.camelgewe.gewe.model.DownloadVoice;
import io.camelgewe.gewe.model.ForwardFile;
import io.camelgewe.gewe.model.ForwardImage;
import io.camelgewe.gewe.model.ForwardMiniApp;
import io.camelgewe.gewe.model.ForwardUrl;
import io.camelgewe.gewe.model.ForwardVideo;
import io.camelgewe.gewe.model.GeweRequest;
import io.camelgewe.gewe.model.ImageSendResult;
import io.camelgewe.gewe.model.Logout;
import io.camelgewe.gewe.model.PostAppMsg;
import io.camelgewe.gewe.model.PostEmoji;
import io.camelgewe.gewe.model.PostFile;
import io.camelgewe.gewe.model.PostImage;
import io.camelgewe.gewe.model.PostLink;
import io.camelgewe.gewe.model.PostMiniApp;
import io.camelgewe.gewe.model.PostNameCard;
import io.camelgewe.gewe.model.PostText;
import io.camelgewe.gewe.model.PostVideo;
import io.camelgewe.gewe.model.PostVoice;
import io.camelgewe.gewe.model.Reconnection;
import io.camelgewe.gewe.model.RevokeMsg;
import io.camelgewe.gewe.model.SendFinderMsg;
import io.camelgewe.gewe.model.SendResult;
import io.camelgewe.gewe.model.SetCallback;
import io.camelgewe.gewe.model.VideoSendResult;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Typed messaging: what GeWe receives for each typed request class and for a plain-text body (the operation's main
 * field), written out here as the exact JSON, and the result each operation's body becomes. {@code wx_sim_app} in
 * them is the simulator's account, which GeweTestSupport configures the component with.
 */
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

    private static final String IMG_XML = "<msg><img aeskey=\"k1\" cdnmidimgurl=\"f1\" length=\"10\" md5=\"m1\"/></msg>";

    /** Each typed request class, filled in through its setters: the operation, what GeWe receives, the result. */
    static Stream<Arguments> typedRequests() {
        return Stream.of(
                typed("message/postText", PostText::new, r -> {
                    r.setToWxid("wxid_a");
                    r.setContent("订单已发货");
                    r.setAts("wxid_b,wxid_c");
                }, """
                   {"appId": "wx_sim_app", "toWxid": "wxid_a", "content": "订单已发货", "ats": "wxid_b,wxid_c"}""",
                        SendResult.class),
                typed("message/postImage", PostImage::new, r -> {
                    r.setToWxid("wxid_a");
                    r.setImgUrl("http://m.example/a.png");
                }, """
                   {"appId": "wx_sim_app", "toWxid": "wxid_a", "imgUrl": "http://m.example/a.png"}""",
                        ImageSendResult.class),
                typed("message/postVideo", PostVideo::new, r -> {
                    r.setToWxid("wxid_a");
                    r.setVideoUrl("http://m.example/v.mp4");
                    r.setThumbUrl("http://m.example/v.jpg");
                    r.setVideoDuration(12L);
                }, """
                   {"appId": "wx_sim_app", "toWxid": "wxid_a", "videoUrl": "http://m.example/v.mp4",
                    "thumbUrl": "http://m.example/v.jpg", "videoDuration": 12}""", VideoSendResult.class),
                typed("message/postVoice", PostVoice::new, r -> {
                    r.setToWxid("wxid_a");
                    r.setVoiceUrl("http://m.example/v.silk");
                    r.setVoiceDuration(2240L);
                }, """
                   {"appId": "wx_sim_app", "toWxid": "wxid_a", "voiceUrl": "http://m.example/v.silk",
                    "voiceDuration": 2240}""", SendResult.class),
                typed("message/postFile", PostFile::new, r -> {
                    r.setToWxid("wxid_a");
                    r.setFileUrl("http://m.example/f?id=1");
                    r.setFileName("a909.xls");
                }, """
                   {"appId": "wx_sim_app", "toWxid": "wxid_a", "fileUrl": "http://m.example/f?id=1",
                    "fileName": "a909.xls"}""", SendResult.class),
                typed("message/postLink", PostLink::new, r -> {
                    r.setToWxid("wxid_a");
                    r.setTitle("澳门这一夜");
                    r.setDesc("desc");
                    r.setLinkUrl("https://l.example/p");
                    r.setThumbUrl("https://l.example/t.jpg");
                }, """
                   {"appId": "wx_sim_app", "toWxid": "wxid_a", "title": "澳门这一夜", "desc": "desc",
                    "linkUrl": "https://l.example/p", "thumbUrl": "https://l.example/t.jpg"}""", SendResult.class),
                typed("message/postNameCard", PostNameCard::new, r -> {
                    r.setToWxid("wxid_a");
                    r.setNickName("谭艳");
                    r.setNameCardWxid("wxid_card");
                }, """
                   {"appId": "wx_sim_app", "toWxid": "wxid_a", "nickName": "谭艳", "nameCardWxid": "wxid_card"}""",
                        SendResult.class),
                typed("message/postEmoji", PostEmoji::new, r -> {
                    r.setToWxid("wxid_a");
                    r.setEmojiMd5("4cc7540a85b5b6cf4ba14e9f4ae08b7c");
                    r.setEmojiSize(102357L);
                }, """
                   {"appId": "wx_sim_app", "toWxid": "wxid_a", "emojiMd5": "4cc7540a85b5b6cf4ba14e9f4ae08b7c",
                    "emojiSize": 102357}""", SendResult.class),
                typed("message/postAppMsg", PostAppMsg::new, r -> {
                    r.setToWxid("wxid_a");
                    r.setAppmsg("<appmsg><type>5</type></appmsg>");
                }, """
                   {"appId": "wx_sim_app", "toWxid": "wxid_a", "appmsg": "<appmsg><type>5</type></appmsg>"}""",
                        SendResult.class),
                typed("message/postMiniApp", PostMiniApp::new, r -> {
                    r.setToWxid("filehelper");
                    r.setMiniAppId("wx_mini");
                    r.setDisplayName("水果");
                    r.setPagePath("pages/index.html");
                    r.setCoverImgUrl("https://c.example/c.jpg");
                    r.setTitle("最快29分钟");
                    r.setUserName("gh_690acf47ea05@app");
                }, """
                   {"appId": "wx_sim_app", "toWxid": "filehelper", "miniAppId": "wx_mini", "displayName": "水果",
                    "pagePath": "pages/index.html", "coverImgUrl": "https://c.example/c.jpg", "title": "最快29分钟",
                    "userName": "gh_690acf47ea05@app"}""", SendResult.class),
                typed("message/forwardFile", ForwardFile::new, r -> {
                    r.setToWxid("wxid_a");
                    r.setXml("<msg><appmsg><type>6</type></appmsg></msg>");
                }, """
                   {"appId": "wx_sim_app", "toWxid": "wxid_a", "xml": "<msg><appmsg><type>6</type></appmsg></msg>"}""",
                        SendResult.class),
                typed("message/forwardImage", ForwardImage::new, r -> {
                    r.setToWxid("wxid_a");
                    r.setXml(IMG_XML);
                }, """
                   {"appId": "wx_sim_app", "toWxid": "wxid_a",
                    "xml": "<msg><img aeskey=\\"k1\\" cdnmidimgurl=\\"f1\\" length=\\"10\\" md5=\\"m1\\"/></msg>"}""",
                        ImageSendResult.class),
                typed("message/forwardVideo", ForwardVideo::new, r -> {
                    r.setToWxid("wxid_a");
                    r.setXml("<msg><videomsg playlength=\"12\"/></msg>");
                }, """
                   {"appId": "wx_sim_app", "toWxid": "wxid_a", "xml": "<msg><videomsg playlength=\\"12\\"/></msg>"}""",
                        VideoSendResult.class),
                typed("message/forwardUrl", ForwardUrl::new, r -> {
                    r.setToWxid("wxid_a");
                    r.setXml("<msg><appmsg><type>5</type></appmsg></msg>");
                }, """
                   {"appId": "wx_sim_app", "toWxid": "wxid_a", "xml": "<msg><appmsg><type>5</type></appmsg></msg>"}""",
                        SendResult.class),
                typed("message/forwardMiniApp", ForwardMiniApp::new, r -> {
                    r.setToWxid("wxid_a");
                    r.setXml("<msg><appmsg><type>33</type></appmsg></msg>");
                    r.setCoverImgUrl("https://c.example/c.jpg");
                }, """
                   {"appId": "wx_sim_app", "toWxid": "wxid_a", "xml": "<msg><appmsg><type>33</type></appmsg></msg>",
                    "coverImgUrl": "https://c.example/c.jpg"}""", SendResult.class),
                // GeWe takes revokeMsg's ids as strings
                typed("message/revokeMsg", RevokeMsg::new, r -> {
                    r.setToWxid("wxid_a");
                    r.setMsgId("769533801");
                    r.setNewMsgId("5271007655758710001");
                    r.setCreateTime("1704163145");
                }, """
                   {"appId": "wx_sim_app", "toWxid": "wxid_a", "msgId": "769533801", "newMsgId": "5271007655758710001",
                    "createTime": "1704163145"}""", null),
                // id is a 64-bit integer, the rest of the channel post's card text, width and height included
                typed("message/sendFinderMsg", SendFinderMsg::new, r -> {
                    r.setToWxid("wxid_a");
                    r.setId(7217645361229754645L);
                    r.setUsername("v2_0600@finder");
                    r.setNickname("爱德华9813");
                    r.setHeadUrl("https://h.example/h");
                    r.setNonceId("6079928917755958586_0_0_0_0_0");
                    r.setMediaType("4");
                    r.setWidth("1080");
                    r.setHeight("1920");
                    r.setUrl("https://v.example/v");
                    r.setThumbUrl("https://v.example/t");
                    r.setThumbUrlToken("tok");
                    r.setDescription("d");
                    r.setVideoPlayLen("33");
                }, """
                   {"appId": "wx_sim_app", "toWxid": "wxid_a", "id": 7217645361229754645, "username": "v2_0600@finder",
                    "nickname": "爱德华9813", "headUrl": "https://h.example/h", "nonceId": "6079928917755958586_0_0_0_0_0",
                    "mediaType": "4", "width": "1080", "height": "1920", "url": "https://v.example/v",
                    "thumbUrl": "https://v.example/t", "thumbUrlToken": "tok", "description": "d", "videoPlayLen": "33"}""",
                        null),
                typed("message/downloadImage", DownloadImage::new, r -> {
                    r.setXml(IMG_XML);
                    r.setType(1L);
                }, """
                   {"appId": "wx_sim_app",
                    "xml": "<msg><img aeskey=\\"k1\\" cdnmidimgurl=\\"f1\\" length=\\"10\\" md5=\\"m1\\"/></msg>",
                    "type": 1}""", DownloadResult.class),
                typed("message/downloadVideo", DownloadVideo::new, r -> r.setXml("<msg><videomsg/></msg>"), """
                   {"appId": "wx_sim_app", "xml": "<msg><videomsg/></msg>"}""", DownloadResult.class),
                typed("message/downloadVoice", DownloadVoice::new, r -> {
                    r.setXml("<msg><voicemsg/></msg>");
                    r.setMsgId(1169533812L);
                }, """
                   {"appId": "wx_sim_app", "xml": "<msg><voicemsg/></msg>", "msgId": 1169533812}""",
                        DownloadResult.class),
                typed("message/downloadFile", DownloadFile::new, r -> r.setXml("<msg><appmsg/></msg>"), """
                   {"appId": "wx_sim_app", "xml": "<msg><appmsg/></msg>"}""", DownloadResult.class),
                typed("message/downloadEmojiMd5", DownloadEmojiMd5::new,
                        r -> r.setEmojiMd5("cc56728d56c730ddae52baffe941ed86"), """
                   {"appId": "wx_sim_app", "emojiMd5": "cc56728d56c730ddae52baffe941ed86"}""", DownloadResult.class),
                // every field of downloadCdn is text, its type and totalSize too
                typed("message/downloadCdn", DownloadCdn::new, r -> {
                    r.setAesKey("f46be643aa0dc009ae5fb63bbc73335d");
                    r.setFileId("3057020100");
                    r.setType("5");
                    r.setTotalSize("63");
                    r.setSuffix("pdf");
                }, """
                   {"appId": "wx_sim_app", "aesKey": "f46be643aa0dc009ae5fb63bbc73335d", "fileId": "3057020100",
                    "type": "5", "totalSize": "63", "suffix": "pdf"}""", DownloadResult.class),
                typed("login/checkOnline", CheckOnline::new, r -> { }, """
                   {"appId": "wx_sim_app"}""", Boolean.class),
                // setCallback takes a token and no appId
                typed("login/setCallback", SetCallback::new, r -> {
                    r.setToken("tok-of-another-account");
                    r.setCallbackUrl("http://127.0.0.1:9/gewe/callback");
                }, """
                   {"token": "tok-of-another-account", "callbackUrl": "http://127.0.0.1:9/gewe/callback"}""", null),
                typed("login/reconnection", Reconnection::new, r -> { }, """
                   {"appId": "wx_sim_app"}""", null),
                typed("login/logout", Logout::new, r -> { }, """
                   {"appId": "wx_sim_app"}""", null));
    }

    private static <T extends GeweRequest> Arguments typed(String operation, Supplier<T> create, Consumer<T> fill,
                                                           String expected, Class<?> result) {
        T request = create.get();
        fill.accept(request);
        return Arguments.of(operation, request, expected, result);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typedRequests")
    void aTypedRequestArrivesAsGewesJson(String operation, GeweRequest request, String expected, Class<?> result) {
        Exchange out = template.send("gewe:" + operation, e -> e.getMessage().setBody(request));
        assertNull(out.getException(), operation);
        assertEquals(operation, simulator.lastRequest().operation());
        assertEquals(json(expected), simulator.lastRequest().json(), operation);
        Object body = out.getMessage().getBody();
        if (result == null) {
            assertNull(body, operation + " answers no data");
        } else {
            assertInstanceOf(result, body, operation);
        }
    }

    @Test
    void everyMessageOperationOfThePagesHasItsTypedRequest() {
        Set<String> typed = typedRequests().map(a -> (String) a.get()[0]).collect(Collectors.toCollection(TreeSet::new));
        Set<String> message = OfficialPages.operations().stream().filter(op -> "message".equals(op.module()))
                .map(OfficialPages.Operation::qualifiedName).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(typed.containsAll(message), "without a typed request: "
                                                + message.stream().filter(m -> !typed.contains(m)).toList());
        typedRequests().forEach(a -> assertTrue(a.get()[1].getClass() != GeweRequest.class, a.get()[0].toString()));
    }

    /**
     * A plain-text body stands for the operation's main field, sent as it is and as converted to the typed request
     * first ({@code convertBodyTo}); the other required fields come from headers.
     */
    static Stream<Arguments> plainTexts() {
        return Stream.of(
                plain("message/postImage", PostImage.class, "http://m.example/a.png", Map.of(), """
                      {"appId": "wx_sim_app", "toWxid": "wxid_a", "imgUrl": "http://m.example/a.png"}"""),
                plain("message/postVideo", PostVideo.class, "http://m.example/v.mp4",
                        Map.of(GeweConstants.THUMB_URL, "http://m.example/v.jpg", GeweConstants.VIDEO_DURATION, 12), """
                      {"appId": "wx_sim_app", "toWxid": "wxid_a", "videoUrl": "http://m.example/v.mp4",
                       "thumbUrl": "http://m.example/v.jpg", "videoDuration": 12}"""),
                plain("message/postVoice", PostVoice.class, "http://m.example/v.silk",
                        Map.of(GeweConstants.VOICE_DURATION, 2240), """
                      {"appId": "wx_sim_app", "toWxid": "wxid_a", "voiceUrl": "http://m.example/v.silk",
                       "voiceDuration": 2240}"""),
                plain("message/postLink", PostLink.class, "https://l.example/p",
                        Map.of("CamelGeweTitle", "t", "CamelGeweDesc", "d", GeweConstants.THUMB_URL, "https://l.example/t"),
                        """
                      {"appId": "wx_sim_app", "toWxid": "wxid_a", "title": "t", "desc": "d",
                       "linkUrl": "https://l.example/p", "thumbUrl": "https://l.example/t"}"""),
                plain("message/postNameCard", PostNameCard.class, "wxid_card", Map.of("CamelGeweNickName", "谭艳"),
                        """
                      {"appId": "wx_sim_app", "toWxid": "wxid_a", "nickName": "谭艳", "nameCardWxid": "wxid_card"}"""),
                plain("message/postEmoji", PostEmoji.class, "4cc7540a85b5b6cf4ba14e9f4ae08b7c",
                        Map.of("CamelGeweEmojiSize", 102357), """
                      {"appId": "wx_sim_app", "toWxid": "wxid_a", "emojiMd5": "4cc7540a85b5b6cf4ba14e9f4ae08b7c",
                       "emojiSize": 102357}"""),
                plain("message/postAppMsg", PostAppMsg.class, "<appmsg><type>5</type></appmsg>", Map.of(), """
                      {"appId": "wx_sim_app", "toWxid": "wxid_a", "appmsg": "<appmsg><type>5</type></appmsg>"}"""),
                plain("message/forwardFile", ForwardFile.class, "<msg><f/></msg>", Map.of(), """
                      {"appId": "wx_sim_app", "toWxid": "wxid_a", "xml": "<msg><f/></msg>"}"""),
                plain("message/forwardImage", ForwardImage.class, "<msg><i/></msg>", Map.of(), """
                      {"appId": "wx_sim_app", "toWxid": "wxid_a", "xml": "<msg><i/></msg>"}"""),
                plain("message/forwardVideo", ForwardVideo.class, "<msg><v/></msg>", Map.of(), """
                      {"appId": "wx_sim_app", "toWxid": "wxid_a", "xml": "<msg><v/></msg>"}"""),
                plain("message/forwardUrl", ForwardUrl.class, "<msg><u/></msg>", Map.of(), """
                      {"appId": "wx_sim_app", "toWxid": "wxid_a", "xml": "<msg><u/></msg>"}"""),
                plain("message/forwardMiniApp", ForwardMiniApp.class, "<msg><m/></msg>",
                        Map.of("CamelGeweCoverImgUrl", "https://c.example/c.jpg"), """
                      {"appId": "wx_sim_app", "toWxid": "wxid_a", "xml": "<msg><m/></msg>",
                       "coverImgUrl": "https://c.example/c.jpg"}"""),
                // GeWe's documented default type, 2 (the normal image), is sent when nothing gives one
                plain("message/downloadImage", DownloadImage.class, "<msg><img/></msg>", Map.of(), """
                      {"appId": "wx_sim_app", "xml": "<msg><img/></msg>", "type": 2}"""),
                plain("message/downloadVideo", DownloadVideo.class, "<msg><videomsg/></msg>", Map.of(), """
                      {"appId": "wx_sim_app", "xml": "<msg><videomsg/></msg>"}"""),
                plain("message/downloadVoice", DownloadVoice.class, "<msg><voicemsg/></msg>",
                        Map.of(GeweConstants.MSG_ID, 1169533812L), """
                      {"appId": "wx_sim_app", "xml": "<msg><voicemsg/></msg>", "msgId": 1169533812}"""),
                plain("message/downloadFile", DownloadFile.class, "<msg><appmsg/></msg>", Map.of(), """
                      {"appId": "wx_sim_app", "xml": "<msg><appmsg/></msg>"}"""),
                plain("message/downloadEmojiMd5", DownloadEmojiMd5.class, "cc56728d56c730ddae52baffe941ed86", Map.of(),
                        """
                      {"appId": "wx_sim_app", "emojiMd5": "cc56728d56c730ddae52baffe941ed86"}"""),
                plain("sns/downloadSnsVideo", GeweRequest.class, "<TimelineObject/>", Map.of(), """
                      {"appId": "wx_sim_app", "snsXml": "<TimelineObject/>"}"""));
    }

    private static Arguments plain(String operation, Class<? extends GeweRequest> type, String text,
                                   Map<String, Object> headers, String expected) {
        return Arguments.of(operation, type, text, headers, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plainTexts")
    void plainTextIsTheMainField(String operation, Class<? extends GeweRequest> type, String text,
                                 Map<String, Object> headers, String expected) throws Exception {
        Map<String, Object> all = new HashMap<>(headers);
        all.put(GeweConstants.TO_WXID, "wxid_a");
        // GeweRequest itself has no main field to convert text into: operations without a typed class take the text
        List<Object> bodies = type == GeweRequest.class ? List.of(text)
                : List.of(text, context.getTypeConverter().mandatoryConvertTo(type, text));
        for (Object body : bodies) {
            Exchange out = template.send("gewe:" + operation, e -> {
                e.getMessage().setBody(body);
                e.getMessage().setHeaders(all);
            });
            String as = body instanceof String ? "plain text" : "converted to " + type.getSimpleName();
            assertNull(out.getException(), operation + ", " + as);
            assertEquals(json(expected), simulator.lastRequest().json(), operation + ", " + as);
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
