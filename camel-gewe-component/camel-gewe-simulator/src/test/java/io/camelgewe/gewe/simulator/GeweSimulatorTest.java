package io.camelgewe.gewe.simulator;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The simulator over real HTTP, with the JDK's client: what a GeWe client sees.
 */
class GeweSimulatorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");
    private static final String FRIEND = "34757816141@chatroom";

    /** The data fields of the golden replies in the seeds (the official pages the project started from), in order. */
    private static final List<String> POST_IMAGE_FIELDS = List.of("toWxid", "createTime", "msgId", "newMsgId", "type",
            "aesKey", "fileId", "length", "width", "height", "md5");
    private static final List<String> POST_VIDEO_FIELDS = List.of("toWxid", "createTime", "msgId", "newMsgId", "type",
            "aesKey", "fileId", "length");
    private static final List<String> POST_VOICE_FIELDS = List.of("toWxid", "createTime", "msgId", "newMsgId", "type");

    private GeweSimulator gewe;

    @BeforeEach
    void start() {
        gewe = GeweSimulator.start();
    }

    @AfterEach
    void stop() {
        gewe.close();
    }

    // ------------------------------------------------------------------------------------------ golden shapes

    @Test
    void postImageAnswersTheSeedShapeWithExactNonRoundIds() throws Exception {
        Response r = post("message/postImage", body().put("toWxid", FRIEND).put("imgUrl", "http://dummyimage.com/400x400"));
        assertEquals(200, r.status);
        JsonNode json = r.json();
        assertEquals(200, json.get("ret").intValue());
        assertEquals("操作成功", json.get("msg").textValue());
        JsonNode data = json.get("data");
        assertEquals(POST_IMAGE_FIELDS, fieldNames(data));
        assertEquals(FRIEND, data.get("toWxid").textValue());
        assertRecentEpochSeconds(data.get("createTime"));
        assertMsgId(data.get("msgId"));
        assertNewMsgId(data.get("newMsgId"), r.body);
        assertTrue(data.get("type").isNull(), "postImage's type is null in GeWe's reply");
        assertTrue(HEX32.matcher(data.get("aesKey").textValue()).matches(), data.toString());
        assertTrue(HEX32.matcher(data.get("md5").textValue()).matches(), data.toString());
        assertTrue(data.get("fileId").textValue().matches("3052[0-9a-f]{100,}"), data.toString());
        for (String f : List.of("length", "width", "height")) {
            assertTrue(data.get(f).isIntegralNumber() && data.get(f).longValue() > 0, f + " in " + data);
        }
    }

    @Test
    void postVideoAnswersTheSeedShapeWithNullCreateTimeAndType() throws Exception {
        Response r = post("message/postVideo", body().put("toWxid", FRIEND).put("videoUrl", "http://h/v.mp4")
                .put("thumbUrl", "http://h/t.jpg").put("videoDuration", 10));
        JsonNode data = r.json().get("data");
        assertEquals(200, r.json().get("ret").intValue());
        assertEquals(POST_VIDEO_FIELDS, fieldNames(data));
        assertTrue(data.get("createTime").isNull(), "postVideo's createTime is null in the docs");
        assertTrue(data.get("type").isNull());
        assertMsgId(data.get("msgId"));
        assertNewMsgId(data.get("newMsgId"), r.body);
        assertTrue(HEX32.matcher(data.get("aesKey").textValue()).matches());
        assertTrue(data.get("length").longValue() > 0);
    }

    @Test
    void postVoiceAnswersTheSeedShapeWithAnIntegerType() throws Exception {
        Response r = post("message/postVoice", body().put("toWxid", FRIEND).put("voiceUrl", "http://h/v.silk")
                .put("voiceDuration", 2000));
        JsonNode data = r.json().get("data");
        assertEquals(POST_VOICE_FIELDS, fieldNames(data));
        assertRecentEpochSeconds(data.get("createTime"));
        assertEquals(34, data.get("type").intValue(), "a voice message is WeChat MsgType 34");
        assertNewMsgId(data.get("newMsgId"), r.body);
    }

    @Test
    void newMsgIdsDifferAndNoneIsRound() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Response r = post("message/postText", body().put("toWxid", FRIEND).put("content", "hi " + i));
            JsonNode id = r.json().get("data").get("newMsgId");
            assertNewMsgId(id, r.body);
            ids.add(id.longValue());
        }
        assertEquals(50, ids.stream().distinct().count(), "ids repeat: " + ids);
    }

    @Test
    void downloadImageAnswersAFileUrlTheSimulatorServes() throws Exception {
        Response r = post("message/downloadImage", body().put("type", 2).put("xml", "<msg><img aeskey=\"k\"/></msg>"));
        JsonNode data = r.json().get("data");
        assertEquals(List.of("fileUrl"), fieldNames(data));
        String url = data.get("fileUrl").textValue();
        assertTrue(url.startsWith("http://127.0.0.1:" + gewe.port() + "/files/") && url.endsWith(".png"), url);

        HttpResponse<byte[]> file = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, file.statusCode());
        assertEquals("image/png", file.headers().firstValue("Content-Type").orElse(null));
        assertEquals(GeweSimulator.DEFAULT_DOWNLOAD_SIZE, file.body().length);
        assertEquals((byte) 0x89, file.body()[0]);
        assertEquals("PNG", new String(file.body(), 1, 3, StandardCharsets.US_ASCII));

        // the same URL gives the same bytes: a client may fetch twice
        HttpResponse<byte[]> again = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertArrayEquals(file.body(), again.body());
    }

    @Test
    void downloadImageFailsForAnUnavailableTypeLikeGeWe() throws Exception {
        gewe.setImageTypesAvailable(2, 3);
        JsonNode hd = post("message/downloadImage", body().put("type", 1).put("xml", "<msg/>")).json();
        assertEquals(500, hd.get("ret").intValue());
        assertEquals("下载图片失败", hd.get("msg").textValue());
        assertTrue(hd.get("data").isNull());

        JsonNode normal = post("message/downloadImage", body().put("type", 2).put("xml", "<msg/>")).json();
        assertEquals(200, normal.get("ret").intValue());
        JsonNode thumb = post("message/downloadImage", body().put("type", 3).put("xml", "<msg/>")).json();
        assertTrue(thumb.get("data").get("fileUrl").textValue().endsWith(".jpg"));
    }

    @Test
    void otherDownloadsServeTheirMediaType() throws Exception {
        JsonNode voice = post("message/downloadVoice", body().put("xml", "<msg/>").put("msgId", 769523567L)).json();
        HttpResponse<byte[]> silk = CLIENT.send(HttpRequest.newBuilder(
                URI.create(voice.get("data").get("fileUrl").textValue())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("audio/silk", silk.headers().firstValue("Content-Type").orElse(null));
        assertEquals(2, silk.body()[0], "Tencent's SILK starts with 0x02");
        assertEquals("#!SILK_V3", new String(silk.body(), 1, 9, StandardCharsets.US_ASCII));

        JsonNode emoji = post("message/downloadEmojiMd5", body().put("emojiMd5", "4cc7540a85b5b6cf4ba14e9f4ae08b7c")).json();
        assertEquals(List.of("url"), fieldNames(emoji.get("data")), "downloadEmojiMd5 answers url, not fileUrl");

        JsonNode file = post("message/downloadFile", body().put("xml",
                "<msg><appmsg><appattach><fileext>pdf</fileext></appattach></appmsg></msg>")).json();
        assertTrue(file.get("data").get("fileUrl").textValue().endsWith(".pdf"), file.toString());
    }

    @Test
    void everyCatalogOperationAnswersItsCatalogShape() throws Exception {
        JsonNode catalog;
        try (InputStream in = SimCatalog.class.getResourceAsStream(SimCatalog.RESOURCE)) {
            catalog = MAPPER.readTree(in);
        }
        assertEquals(officialCount(), catalog.size());
        int checked = 0;
        for (JsonNode row : catalog) {
            String name = row.get("module").asText() + "/" + row.get("action").asText();
            SimCatalog.Operation op = SimCatalog.get().find(name);
            Response r = post(name, validBody(op));
            assertEquals(200, r.status, name);
            JsonNode json = r.json();
            assertEquals(200, json.get("ret").intValue(), name + " -> " + r.text());
            assertEquals("操作成功", json.get("msg").textValue(), name);
            JsonNode data = json.get("data");
            assertNotNull(data, name + " has no data member at all");
            JsonNode shape = row.get("data");
            if (shape.size() == 0 || shape.size() == 1 && "None".equals(shape.get(0).get("type").asText())) {
                assertTrue(data.isNull(), name + " -> " + data);
            } else if (shape.size() == 1 && shape.get(0).get("name").asText().matches("|\\[\\]")) {
                String type = shape.get(0).get("type").asText();
                assertEquals(type.equals("array") ? "ARRAY" : "BOOLEAN", data.getNodeType().name(), name);
            } else {
                List<String> expected = new ArrayList<>();
                for (JsonNode f : shape) {
                    expected.add(f.get("name").asText());
                    assertType(name + "." + f.get("name").asText(), f.get("type").asText(),
                            data.get(f.get("name").asText()));
                }
                assertEquals(expected, fieldNames(data), name);
            }
            checked++;
        }
        assertEquals(officialCount(), checked);
        assertEquals(officialCount(), gewe.acceptedCount());
    }

    @Test
    void genericDataFollowsTheRules() throws Exception {
        JsonNode label = post("label/add", body().put("labelName", "vip")).json().get("data");
        assertEquals("sim-labelName", label.get("labelName").textValue());
        assertTrue(label.get("labelId").longValue() >= 1_000_000_000_000_000_000L, "ids are 64-bit");
        JsonNode qr = post("login/getLoginQrCode", body().put("appId", "").put("regionId", "320000").put("type", "ipad"))
                .json().get("data");
        assertEquals(gewe.appId(), qr.get("appId").textValue(), "a first login's appId is a usable device");
        assertTrue(post("contacts/checkRelation", body().set("wxids", MAPPER.createArrayNode().add("wxid_a")))
                .json().get("data").isArray());
        assertTrue(post("contacts/deleteFriend", body().put("wxid", "wxid_a")).json().get("data").isNull());
        assertTrue(post("login/checkOnline", body()).json().get("data").booleanValue());
    }

    // ------------------------------------------------------------------------------------------ GeWe's checks

    @Test
    void aMissingTokenIsRefusedWithGeWesMessage() throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(gewe.baseUrl() + "/message/postText"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body().put("toWxid", FRIEND).put("content", "x").toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), "GeWe refuses with HTTP 200 and ret 500");
        JsonNode json = MAPPER.readTree(r.body());
        assertEquals(500, json.get("ret").intValue());
        assertEquals("header:X-GEWE-TOKEN 不可为空", json.get("msg").textValue());
        assertTrue(json.has("data") && json.get("data").isNull());
        assertEquals(0, gewe.acceptedCount());
        assertEquals(1, gewe.failedCount());
    }

    @Test
    void aWrongTokenIsRefusedWithGeWesMessage() throws Exception {
        JsonNode json = post("message/postText", "not-the-token",
                body().put("toWxid", FRIEND).put("content", "x").toString()).json();
        assertEquals(500, json.get("ret").intValue());
        assertEquals("X-GEWE-TOKEN 不可用或已过期", json.get("msg").textValue());

        gewe.setToken("my-token");
        assertEquals(200, post("message/postText", "my-token",
                body().put("toWxid", FRIEND).put("content", "x").toString()).json().get("ret").intValue());
    }

    @Test
    void aMissingRequiredFieldIsNamed() throws Exception {
        JsonNode json = post("message/postText", body().put("toWxid", FRIEND)).json();
        assertEquals(500, json.get("ret").intValue());
        assertTrue(json.get("msg").textValue().contains("content"), json.toString());
        assertTrue(json.get("data").isNull());

        // JSON null is as good as missing
        ObjectNode nullContent = body().put("toWxid", FRIEND);
        nullContent.putNull("content");
        assertTrue(post("message/postText", nullContent).json().get("msg").textValue().contains("content"));
        // an optional field may be left out
        assertEquals(200, post("message/postText", body().put("toWxid", FRIEND).put("content", "x")).json()
                .get("ret").intValue());
    }

    @Test
    void aFieldOfTheWrongJsonTypeIsNamed() throws Exception {
        JsonNode json = post("message/postVideo", body().put("toWxid", FRIEND).put("videoUrl", "http://h/v.mp4")
                .put("thumbUrl", "http://h/t.jpg").put("videoDuration", "10")).json();
        assertEquals(500, json.get("ret").intValue());
        assertTrue(json.get("msg").textValue().contains("videoDuration"), json.toString());

        assertRefused("toWxid", post("message/postText", body().put("toWxid", 123).put("content", "x")));
        assertRefused("wxids", post("group/createChatroom", body().put("wxids", "wxid_a,wxid_b")));
        assertRefused("wxids", post("group/inviteMember", body().put("chatroomId", "1@chatroom").put("reason", "r")
                .set("wxids", MAPPER.createArrayNode().add("wxid_a"))));
        assertRefused("onlyChat", post("contacts/setFriendPermissions", body().put("wxid", "w").put("onlyChat", "true")));
        assertRefused("videoDuration", post("message/postVideo", body().put("toWxid", FRIEND)
                .put("videoUrl", "u").put("thumbUrl", "t").put("videoDuration", 10.5)));
        assertRefused("wxids", post("contacts/checkRelation", body().set("wxids", MAPPER.createArrayNode().add(1))));
        // a number field takes integers and decimals alike
        assertEquals(200, post("sns/delSns", body().put("snsId", 14201484806563242090.0)).json().get("ret").intValue());
        assertEquals(200, post("sns/delSns", body().put("snsId", 1420148480656324209L)).json().get("ret").intValue());
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsRefused() throws Exception {
        for (String body : List.of("", "hello", "[1,2]", "\"text\"")) {
            JsonNode json = post("message/postText", gewe.token(), body).json();
            assertEquals(500, json.get("ret").intValue(), body);
            assertTrue(json.get("msg").textValue().contains("JSON"), json.toString());
        }
    }

    @Test
    void anUnknownDeviceIsRefused() throws Exception {
        JsonNode json = post("message/postText", body().put("appId", "wx_nobody").put("toWxid", FRIEND)
                .put("content", "x")).json();
        assertEquals(500, json.get("ret").intValue());
        assertEquals("设备不存在", json.get("msg").textValue());

        gewe.addAccount("wx_second");
        assertEquals(200, post("message/postText", body().put("appId", "wx_second").put("toWxid", FRIEND)
                .put("content", "x")).json().get("ret").intValue());
    }

    @Test
    void anUnknownPathIs404AndAGetIs405() throws Exception {
        assertEquals(404, post("message/postNothing", body()).status);
        assertEquals(404, CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gewe.port() + "/v2/api/message/postText"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> get = CLIENT.send(HttpRequest.newBuilder(URI.create(gewe.baseUrl() + "/message/postText"))
                .header("X-GEWE-TOKEN", gewe.token()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
        assertEquals("POST", get.headers().firstValue("Allow").orElse(null));
        assertEquals(3, gewe.totalCount());
        assertEquals(3, gewe.failedCount());
    }

    @Test
    void anOfflineAccountCannotSendAndSaysSo() throws Exception {
        gewe.setOnline(gewe.appId(), false);
        Response r = post("message/postText", body().put("toWxid", FRIEND).put("content", "x"));
        JsonNode json = r.json();
        assertEquals(200, r.status);
        assertEquals(500, json.get("ret").intValue());
        assertEquals("发送消息失败-微信已离线(-1)", json.get("msg").textValue());
        assertTrue(json.get("data").get("code").isTextual(), "GeWe sends data.code as a string: " + r.text());
        assertEquals("-1", json.get("data").get("code").textValue());
        assertEquals("微信已离线", json.get("data").get("msg").textValue());
        assertTrue(r.text().contains("\"code\":\"-1\""), r.text());

        assertFalse(post("login/checkOnline", body()).json().get("data").booleanValue());
        assertEquals(0, gewe.sentCount());

        gewe.setOnline(gewe.appId(), true);
        assertTrue(post("login/checkOnline", body()).json().get("data").booleanValue());
        assertEquals(200, post("message/postText", body().put("toWxid", FRIEND).put("content", "x")).json()
                .get("ret").intValue());
        assertEquals(1, gewe.sentCount());
        assertThrows(IllegalArgumentException.class, () -> gewe.setOnline("wx_unknown", false));
    }

    // ------------------------------------------------------------------------------------------ files

    @Test
    void aFileLargerThan64MiBIsStreamed() throws Exception {
        long size = 200L * 1024 * 1024;
        gewe.setDownloadSize(size);
        String url = post("message/downloadVideo", body().put("xml", "<msg/>")).json().get("data").get("fileUrl").textValue();
        assertTrue(url.endsWith(".mp4"), url);
        HttpResponse<InputStream> r = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        assertEquals("video/mp4", r.headers().firstValue("Content-Type").orElse(null));
        assertEquals(size, r.headers().firstValueAsLong("Content-Length").orElse(-1));
        long count = 0;
        byte[] buffer = new byte[256 * 1024];
        byte[] head = new byte[12];
        try (InputStream in = r.body()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (count < head.length) {
                    System.arraycopy(buffer, 0, head, (int) count, (int) Math.min(n, head.length - count));
                }
                count += n;
            }
        }
        assertEquals(size, count);
        assertEquals("ftyp", new String(head, 4, 4, StandardCharsets.US_ASCII));
    }

    @Test
    void aFileIdTheSimulatorDidNotIssueIs404() throws Exception {
        String url = post("message/downloadVideo", body().put("xml", "<msg/>")).json().get("data").get("fileUrl").textValue();
        String forged = url.replaceFirst("/files/([0-9a-f]+)-", "/files/ffff$1-");
        for (String u : List.of(forged, "http://127.0.0.1:" + gewe.port() + "/files/nothing.png",
                "http://127.0.0.1:" + gewe.port() + "/files/1-2-3.png")) {
            assertEquals(404, CLIENT.send(HttpRequest.newBuilder(URI.create(u)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode(), u);
        }
    }

    // ------------------------------------------------------------------------------------------ faults

    @Test
    void ret500FaultAnswersGeWesFailureEnvelope() throws Exception {
        gewe.failNext(Fault.RET_500);
        Response r = post("message/postText", body().put("toWxid", FRIEND).put("content", "x"));
        assertEquals(200, r.status);
        JsonNode json = r.json();
        assertEquals(500, json.get("ret").intValue());
        assertTrue(json.has("msg") && json.get("msg").isNull(), r.text());
        assertEquals("-1", json.get("data").get("code").textValue());
        assertEquals("模拟错误", json.get("data").get("msg").textValue());
        assertEquals(200, post("message/postText", body().put("toWxid", FRIEND).put("content", "x")).json()
                .get("ret").intValue(), "one fault only");
        assertEquals(1, gewe.faultCount(Fault.RET_500));
    }

    @Test
    void whatGewesDocsLeaveOutCanBePlayed() throws Exception {
        // the reason only in data.detail, a JSON string with msg_err
        gewe.failNext(Fault.MSG_ERR);
        JsonNode refused = post("message/postText", body().put("toWxid", FRIEND).put("content", "x")).json();
        assertEquals(500, refused.get("ret").intValue());
        assertEquals("图片格式错误", MAPPER.readTree(refused.get("data").get("detail").textValue()).get("msg_err")
                .textValue());
        // {"ret":500,"msg":null}, nothing else
        gewe.failNext(Fault.NULL_MSG);
        Response nullMsg = post("message/postText", body().put("toWxid", FRIEND).put("content", "x"));
        assertEquals("{\"ret\":500,\"msg\":null}", nullMsg.text());
        // a send that went out, with ids 0
        gewe.failNext(Fault.ZERO_MSG_ID);
        JsonNode zero = post("message/postText", body().put("toWxid", FRIEND).put("content", "x")).json();
        assertEquals(200, zero.get("ret").intValue());
        assertEquals(0, zero.get("data").get("msgId").longValue());
        assertEquals(0, zero.get("data").get("newMsgId").longValue());
        assertEquals(1, gewe.sentCount(), "sent, though its ids are 0");
        assertEquals(2, gewe.failedCount());
        // an offline account whose checkOnline still answers true
        gewe.setOnline(gewe.appId(), false);
        gewe.setCheckOnlineLies(gewe.appId(), true);
        assertTrue(post("login/checkOnline", body()).json().get("data").booleanValue());
        assertEquals("发送消息失败-微信已离线(-1)", post("message/postText", body().put("toWxid", FRIEND)
                .put("content", "x")).json().get("msg").textValue());
        gewe.reset();
        gewe.setOnline(gewe.appId(), false);
        assertFalse(post("login/checkOnline", body()).json().get("data").booleanValue(), "reset stops the lie");
        assertThrows(IllegalArgumentException.class, () -> gewe.setCheckOnlineLies("wx_unknown", true));
    }

    @Test
    void httpFaultsAnswerTheirStatusAndNotJsonAnswersHtml() throws Exception {
        gewe.failNext(Fault.HTTP_500);
        gewe.failNext(Fault.HTTP_502);
        gewe.failNext(Fault.NOT_JSON);
        Response r500 = post("message/postText", body().put("toWxid", FRIEND).put("content", "x"));
        Response r502 = post("message/postText", body().put("toWxid", FRIEND).put("content", "x"));
        Response html = post("message/postText", body().put("toWxid", FRIEND).put("content", "x"));
        assertEquals(500, r500.status);
        assertEquals(502, r502.status);
        assertTrue(r502.text().contains("502 Bad Gateway"));
        assertEquals(200, html.status);
        assertTrue(html.text().startsWith("<!DOCTYPE html>"), html.text());
        assertThrows(IOException.class, () -> MAPPER.readTree(html.body));
        assertEquals(1, gewe.faultCount(Fault.HTTP_500));
        assertEquals(1, gewe.faultCount(Fault.HTTP_502));
        assertEquals(1, gewe.faultCount(Fault.NOT_JSON));
        assertEquals(3, gewe.failedCount());
        assertEquals(0, gewe.sentCount());
    }

    @Test
    void dropConnectionSendsNoHttpResponseAtAll() throws Exception {
        // a raw socket shows exactly what arrives: nothing, then the end of the stream
        gewe.failNext(Fault.DROP_CONNECTION);
        try (Socket socket = new Socket("127.0.0.1", gewe.port())) {
            socket.setSoTimeout(5000);
            rawPost(socket.getOutputStream(), "/message/postText", body().put("toWxid", FRIEND).put("content", "x"));
            assertEquals(-1, socket.getInputStream().read(), "not a single byte, no status line");
        }
        // and the JDK client fails with an I/O error, not a status
        gewe.failNext(Fault.DROP_CONNECTION);
        IOException e = assertThrows(IOException.class,
                () -> post("message/postText", body().put("toWxid", FRIEND).put("content", "x")));
        assertFalse(String.valueOf(e.getMessage()).contains("500"), e.toString());
        // also when the drop comes after a delay, from the scheduler thread
        gewe.setLatency(Duration.ofMillis(50));
        gewe.failNext(Fault.DROP_CONNECTION);
        try (Socket socket = new Socket("127.0.0.1", gewe.port())) {
            socket.setSoTimeout(5000);
            rawPost(socket.getOutputStream(), "/message/postText", body().put("toWxid", FRIEND).put("content", "x"));
            assertEquals(-1, socket.getInputStream().read());
        }
        assertEquals(3, gewe.faultCount(Fault.DROP_CONNECTION));
        assertEquals(3, gewe.failedCount());
        assertEquals(0, gewe.acceptedCount());
        // the server is fine afterwards
        assertEquals(200, post("message/postText", body().put("toWxid", FRIEND).put("content", "x")).json()
                .get("ret").intValue());
    }

    @Test
    void latencySpikeAnswersNormallyButLate() throws Exception {
        gewe.setSpikeLatency(Duration.ofMillis(2000));
        gewe.failNext(Fault.LATENCY_SPIKE);
        long started = System.nanoTime();
        Response slow = post("message/postText", body().put("toWxid", FRIEND).put("content", "x"));
        long slowMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(200, slow.json().get("ret").intValue());
        assertTrue(slowMillis >= 2000, "answered after " + slowMillis + " ms");
        started = System.nanoTime();
        post("message/postText", body().put("toWxid", FRIEND).put("content", "x"));
        assertTrue((System.nanoTime() - started) / 1_000_000 < 1500, "only one spike");
        assertEquals(2, gewe.sentCount(), "a spike is still a success");
        assertEquals(1, gewe.faultCount(Fault.LATENCY_SPIKE));
    }

    @Test
    void queuedFaultsComeInOrder() throws Exception {
        gewe.failNext(2, Fault.HTTP_502);
        gewe.failNext(Fault.HTTP_500);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(post("message/postText", body().put("toWxid", FRIEND).put("content", "x")).status);
        }
        assertEquals(List.of(502, 502, 500, 200), statuses);
        gewe.failNext(5, Fault.HTTP_500);
        gewe.clearFaults();
        assertEquals(200, post("message/postText", body().put("toWxid", FRIEND).put("content", "x")).status);
    }

    @Test
    void seededFaultRatesRepeatExactly() throws Exception {
        List<String> first = faultPattern(42);
        List<String> second = faultPattern(42);
        assertEquals(first, second, "the same seed gives the same faults");
        assertNotEquals(first, faultPattern(43), "another seed gives other faults");
        long ret500 = first.stream().filter("ret500"::equals).count();
        long http502 = first.stream().filter("502"::equals).count();
        assertTrue(ret500 > 30 && ret500 < 90, "~30% of 200: " + ret500);
        assertTrue(http502 > 5 && http502 < 40, "~10% of 200: " + http502);
        assertThrows(IllegalArgumentException.class, () -> gewe.setFaultRate(Fault.HTTP_500, 0.7));
    }

    private List<String> faultPattern(long seed) throws Exception {
        gewe.reset();
        gewe.setSeed(seed);
        gewe.setFaultRate(Fault.RET_500, 0.3);
        gewe.setFaultRate(Fault.HTTP_502, 0.1);
        List<String> pattern = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Response r = post("message/postText", body().put("toWxid", FRIEND).put("content", "x"));
            pattern.add(r.status == 502 ? "502" : r.json().get("ret").intValue() == 500 ? "ret500" : "ok");
        }
        assertEquals(gewe.faultCount(Fault.RET_500), pattern.stream().filter("ret500"::equals).count());
        assertEquals(gewe.faultCount(Fault.HTTP_502), pattern.stream().filter("502"::equals).count());
        assertEquals(200, gewe.sentCount() + gewe.failedCount());
        return pattern;
    }

    // ------------------------------------------------------------------------------------------ recording, counters

    @Test
    void requestsAreRecordedAndCounted() throws Exception {
        post("message/postText", body().put("toWxid", FRIEND).put("content", "hello"));
        post("message/postImage", body().put("toWxid", FRIEND).put("imgUrl", "http://h/a.png"));
        post("label/list", body());
        post("message/postText", body().put("toWxid", FRIEND)); // refused: no content
        gewe.failNext(Fault.HTTP_500);
        post("message/postText", body().put("toWxid", FRIEND).put("content", "x"));

        assertEquals(5, gewe.totalCount());
        assertEquals(3, gewe.acceptedCount());
        assertEquals(2, gewe.sentCount());
        assertEquals(2, gewe.failedCount());
        assertEquals(gewe.totalCount(), gewe.acceptedCount() + gewe.failedCount());

        List<RecordedRequest> all = gewe.requests();
        assertEquals(5, all.size());
        RecordedRequest first = all.get(0);
        assertEquals("POST", first.method());
        assertEquals("/gewe/v2/api/message/postText", first.path());
        assertEquals("message/postText", first.operation());
        assertEquals("hello", first.field("content").textValue());
        assertEquals(gewe.token(), first.headers().get("x-gewe-token"), "headers are case-insensitive");
        assertEquals(gewe.token(), first.header("X-GEWE-TOKEN"));
        assertTrue(first.bodyText().contains("\"hello\""));
        assertNotNull(first.received());
        first.body()[0] = 'X';
        assertEquals('{', first.body()[0], "the recorded body cannot be changed");
        assertThrows(UnsupportedOperationException.class, () -> first.headers().put("a", "b"));

        assertEquals(3, gewe.requests("postText").size());
        assertEquals(3, gewe.requests("message/postText").size());
        assertEquals(1, gewe.requests("label/list").size());
        post("contacts/search", body().put("contactsInfo", "someone"));
        post("im/search", body().put("scene", 1).put("content", "someone"));
        assertEquals(2, gewe.requests("search").size(), "a bare action matches it in every module");
        assertEquals(1, gewe.requests("im/search").size());
        assertEquals("someone", gewe.lastRequest().field("content").textValue());

        gewe.clearRequests();
        assertTrue(gewe.requests().isEmpty());
        assertNull(gewe.lastRequest());
        assertEquals(7, gewe.totalCount(), "clearing requests keeps the counters");
        gewe.resetCounters();
        assertEquals(0, gewe.totalCount() + gewe.acceptedCount() + gewe.sentCount() + gewe.failedCount()
                     + gewe.faultCount(Fault.HTTP_500));
    }

    @Test
    void theRecordingRingKeepsTheLastRequests() throws Exception {
        gewe.setRecordingCapacity(3);
        for (int i = 0; i < 5; i++) {
            post("message/postText", body().put("toWxid", FRIEND).put("content", "m" + i));
        }
        List<String> kept = new ArrayList<>();
        for (RecordedRequest r : gewe.requests()) {
            kept.add(r.field("content").textValue());
        }
        assertEquals(List.of("m2", "m3", "m4"), kept);
        gewe.setRecording(false);
        post("message/postText", body().put("toWxid", FRIEND).put("content", "m5"));
        assertEquals("m4", gewe.lastRequest().field("content").textValue());
        assertEquals(6, gewe.totalCount(), "requests are counted with recording off");
    }

    // ------------------------------------------------------------------------------------------ load, lifecycle

    @Test
    void aThousandConcurrentDelayedRequestsTakeAboutTheDelayAndNoThreadEach() throws Exception {
        gewe.setLatency(Duration.ofSeconds(1));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String body = body().put("toWxid", FRIEND).put("content", "x").toString();
        long started = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> replies = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            replies.add(client.sendAsync(HttpRequest.newBuilder(URI.create(gewe.baseUrl() + "/message/postText"))
                    .header("X-GEWE-TOKEN", gewe.token()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        // while all thousand wait for their reply, the simulator runs on its few threads
        await(() -> gewe.totalCount() == 1000, Duration.ofSeconds(3), "all requests received");
        // this simulator's threads carry its port in their names
        String ours = "-" + gewe.port() + "-";
        long simThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("gewe-sim-") && t.getName().contains(ours)).count();
        assertTrue(simThreads <= 8, simThreads + " simulator threads for 1000 requests in flight");
        int ok = 0;
        for (CompletableFuture<HttpResponse<String>> f : replies) {
            HttpResponse<String> r = f.get(5, TimeUnit.SECONDS);
            if (r.statusCode() == 200 && MAPPER.readTree(r.body()).get("ret").intValue() == 200) {
                ok++;
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("GeweSimulatorTest: 1000 concurrent requests delayed 1 s each completed in " + millis + " ms");
        assertEquals(1000, ok);
        // one thread per request on 4 server threads would take 250 s; the bound is loose because machines are shared
        assertTrue(millis >= 1000 && millis < 15_000, "1000 delayed requests took " + millis + " ms");
        assertEquals(1000, gewe.sentCount());
    }

    @Test
    void keepAliveThroughputIsHigh() throws Exception {
        int connections = 4;
        Duration run = Duration.ofSeconds(2);
        byte[] request = rawRequest("/message/postText", body().put("toWxid", FRIEND).put("content", "hello"));
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            // warm up, then measure
            measure(pool, connections, request, Duration.ofMillis(1500));
            gewe.resetCounters();
            long count = measure(pool, connections, request, run);
            double perSecond = count / (run.toMillis() / 1000.0);
            System.out.printf("GeweSimulatorTest: %.0f postText/s over %d keep-alive connections (%d cores)%n",
                    perSecond, connections, Runtime.getRuntime().availableProcessors());
            assertEquals(count, gewe.sentCount());
            assertTrue(perSecond > 2_000, "only " + perSecond + " requests per second");
        } finally {
            pool.shutdownNow();
        }
    }

    private long measure(ExecutorService pool, int connections, byte[] request, Duration run) throws Exception {
        long deadline = System.nanoTime() + run.toNanos();
        List<Future<Long>> counts = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            counts.add(pool.submit(() -> {
                long n = 0;
                try (Socket socket = new Socket("127.0.0.1", gewe.port())) {
                    socket.setTcpNoDelay(true);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
                    while (System.nanoTime() < deadline) {
                        out.write(request);
                        out.flush();
                        RawReply reply = readReply(in);
                        if (reply.status != 200) {
                            throw new AssertionError("status " + reply.status);
                        }
                        n++;
                    }
                }
                return n;
            }));
        }
        long total = 0;
        for (Future<Long> f : counts) {
            total += f.get();
        }
        return total;
    }

    @Test
    void itRestartsOnTheSamePortAndStopClosesConnections() throws Exception {
        GeweSimulator sim = new GeweSimulator(0).listen();
        try {
            int port = sim.port();
            String baseUrl = sim.baseUrl();
            assertEquals(200, post(sim, "message/postText", body().put("toWxid", FRIEND).put("content", "x")).status);

            // an idle keep-alive connection is closed by stop()
            Socket idle = new Socket("127.0.0.1", port);
            idle.setSoTimeout(5000);
            rawPost(idle.getOutputStream(), "/message/postText", body().put("toWxid", FRIEND).put("content", "x"),
                    sim.token());
            InputStream in = new java.io.BufferedInputStream(idle.getInputStream());
            assertEquals(200, readReply(in).status);
            // and so is one waiting for a delayed reply
            sim.setLatency(Duration.ofSeconds(30));
            Socket waiting = new Socket("127.0.0.1", port);
            waiting.setSoTimeout(5000);
            rawPost(waiting.getOutputStream(), "/message/postText", body().put("toWxid", FRIEND).put("content", "x"),
                    sim.token());
            await(() -> sim.totalCount() == 3, Duration.ofSeconds(5), "the delayed request arrived");

            sim.stop();
            assertFalse(sim.isRunning());
            assertEquals(-1, in.read(), "stop() closes idle connections");
            assertEquals(-1, waiting.getInputStream().read(), "stop() drops delayed replies and their connections");
            idle.close();
            waiting.close();
            assertThrows(IOException.class,
                    () -> post(sim, "message/postText", body().put("toWxid", FRIEND).put("content", "x")));

            sim.setLatency(Duration.ZERO);
            sim.listen();
            assertEquals(port, sim.port());
            assertEquals(baseUrl, sim.baseUrl());
            assertEquals(200, post(sim, "message/postText", body().put("toWxid", FRIEND).put("content", "x")).status);
            sim.restart();
            assertEquals(200, post(sim, "message/postText", body().put("toWxid", FRIEND).put("content", "x")).status);
            // the first post, the raw one, and the two after listening again: the dropped one never got its reply
            assertEquals(4, sim.sentCount());
            assertThrows(IllegalStateException.class, sim::listen);
        } finally {
            sim.close();
        }
        // a fixed port works the same way
        int fixed;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            fixed = probe.getLocalPort();
        }
        try (GeweSimulator onPort = GeweSimulator.start(fixed)) {
            assertEquals("http://127.0.0.1:" + fixed + "/gewe/v2/api", onPort.baseUrl());
            onPort.restart();
            assertEquals(200, post(onPort, "login/checkOnline", body()).status);
        }
    }

    // ------------------------------------------------------------------------------------------ callbacks

    @Test
    void setCallbackPingsTheUrlAndPushCallbackPostsJson() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/callback", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/callback";
            JsonNode reply = post("login/setCallback", MAPPER.createObjectNode().put("token", gewe.token())
                    .put("callbackUrl", url)).json();
            assertEquals(200, reply.get("ret").intValue());
            assertTrue(reply.get("data").isNull());
            assertEquals(URI.create(url), gewe.callbackUrl());

            await(() -> !received.isEmpty(), Duration.ofSeconds(5), "the registration ping");
            JsonNode ping = MAPPER.readTree(received.get(0));
            assertEquals("回调地址链接成功！", ping.get("testMsg").textValue());
            assertEquals(gewe.token(), ping.get("token").textValue());

            String message = "{\"TypeName\":\"AddMsg\",\"Appid\":\"wx_sim_app\",\"Data\":{\"NewMsgId\":1234567890123456789}}";
            assertEquals(200, gewe.pushCallback(message));
            assertEquals(2, received.size());
            assertEquals(message, received.get(1), "pushed as is, ids untouched");
        } finally {
            receiver.stop(0);
        }
        assertThrows(IOException.class, () -> gewe.pushCallback("{}"), "the receiver is gone");
        JsonNode bad = post("login/setCallback", MAPPER.createObjectNode().put("token", gewe.token())
                .put("callbackUrl", "not a url")).json();
        assertEquals(500, bad.get("ret").intValue());
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** A body with the default account's appId. */
    private ObjectNode body() {
        return MAPPER.createObjectNode().put("appId", gewe.appId());
    }

    /** A body the catalog accepts: every required field with a value of its type. */
    private ObjectNode validBody(SimCatalog.Operation op) {
        ObjectNode body = MAPPER.createObjectNode();
        for (SimCatalog.Field f : op.fields()) {
            if (!f.required()) {
                continue;
            }
            switch (f.type()) {
                case STRING:
                    body.put(f.name(), "appId".equals(f.name()) ? gewe.appId() : "token".equals(f.name())
                            ? gewe.token() : "callbackUrl".equals(f.name()) ? "http://127.0.0.1:9/nowhere" : "v");
                    break;
                case INTEGER:
                    body.put(f.name(), "type".equals(f.name()) ? 2 : 1);
                    break;
                case NUMBER:
                    body.put(f.name(), 1420148480656324209L);
                    break;
                case BOOLEAN:
                    body.put(f.name(), true);
                    break;
                case STRING_ARRAY:
                    body.set(f.name(), MAPPER.createArrayNode().add("wxid_a"));
                    break;
                case OBJECT:
                    body.set(f.name(), MAPPER.createObjectNode());
                    break;
                default:
                    ArrayNode objects = MAPPER.createArrayNode();
                    objects.addObject();
                    body.set(f.name(), objects);
            }
        }
        return body;
    }

    private Response post(String operation, JsonNode body) throws IOException, InterruptedException {
        return post(gewe, operation, body);
    }

    private Response post(String operation, String token, String body) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = CLIENT.send(HttpRequest.newBuilder(URI.create(gewe.baseUrl() + "/" + operation))
                .header("X-GEWE-TOKEN", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Response(r.statusCode(), r.body());
    }

    private static Response post(GeweSimulator sim, String operation, JsonNode body)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> r = CLIENT.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/" + operation))
                .header("X-GEWE-TOKEN", sim.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Response(r.statusCode(), r.body());
    }

    private static final class Response {
        final int status;
        final byte[] body;

        Response(int status, byte[] body) {
            this.status = status;
            this.body = body;
        }

        JsonNode json() throws IOException {
            return MAPPER.readTree(body);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static List<String> fieldNames(JsonNode object) {
        assertTrue(object != null && object.isObject(), "not an object: " + object);
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static void assertRefused(String field, Response r) throws IOException {
        JsonNode json = r.json();
        assertEquals(500, json.get("ret").intValue(), r.text());
        assertTrue(json.get("msg").textValue().contains(field), r.text());
    }

    private static void assertType(String where, String catalogType, JsonNode value) {
        assertNotNull(value, where + " is missing");
        switch (catalogType) {
            case "string":
                assertTrue(value.isTextual(), where + ": " + value);
                break;
            case "integer":
                assertTrue(value.isIntegralNumber(), where + ": " + value);
                break;
            case "boolean":
                assertTrue(value.isBoolean(), where + ": " + value);
                break;
            case "array":
                assertTrue(value.isArray(), where + ": " + value);
                break;
            case "object":
                assertTrue(value.isObject(), where + ": " + value);
                break;
            case "null":
                assertTrue(value.isNull(), where + ": " + value);
                break;
            default:
                fail("unexpected catalog type " + catalogType + " at " + where);
        }
    }

    private static void assertRecentEpochSeconds(JsonNode value) {
        assertTrue(value.isIntegralNumber(), "createTime: " + value);
        long now = System.currentTimeMillis() / 1000;
        assertTrue(Math.abs(value.longValue() - now) < 60, "createTime is epoch seconds: " + value);
    }

    private static void assertMsgId(JsonNode value) {
        assertTrue(value.isIntegralNumber() && value.longValue() > 0 && value.longValue() <= Integer.MAX_VALUE,
                "msgId: " + value);
    }

    /** 19 digits, exact in the raw text, and not round: the last digit is never 0. */
    private static void assertNewMsgId(JsonNode value, byte[] rawBody) {
        assertTrue(value.isLong(), "newMsgId is a 64-bit integer: " + value);
        long id = value.longValue();
        assertTrue(id >= 1_000_000_000_000_000_000L, "19 digits: " + id);
        assertNotEquals(0, id % 10, "round id: " + id);
        assertTrue(new String(rawBody, StandardCharsets.UTF_8).contains("\"newMsgId\":" + id),
                "written exactly, not as a double");
    }

    private static void await(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + timeout + " waiting for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    // --- a minimal HTTP/1.1 client: shows exactly what is on the wire, and costs little in the throughput test

    private byte[] rawRequest(String operation, JsonNode body) {
        return rawRequest(operation, body, gewe.token());
    }

    private static byte[] rawRequest(String operation, JsonNode body, String token) {
        byte[] json = body.toString().getBytes(StandardCharsets.UTF_8);
        String head = "POST " + GeweSimulator.API_PATH + operation + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      + "X-GEWE-TOKEN: " + token + "\r\nContent-Type: application/json\r\nContent-Length: "
                      + json.length + "\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(json);
        return out.toByteArray();
    }

    private void rawPost(OutputStream out, String operation, JsonNode body) throws IOException {
        rawPost(out, operation, body, gewe.token());
    }

    private static void rawPost(OutputStream out, String operation, JsonNode body, String token) throws IOException {
        out.write(rawRequest(operation, body, token));
        out.flush();
    }

    private static final class RawReply {
        final int status;

        RawReply(int status) {
            this.status = status;
        }
    }

    private static RawReply readReply(InputStream in) throws IOException {
        String statusLine = readLine(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        int length = 0;
        String line;
        while (!(line = readLine(in)).isEmpty()) {
            int colon = line.indexOf(':');
            if (line.substring(0, colon).equalsIgnoreCase("Content-Length")) {
                length = Integer.parseInt(line.substring(colon + 1).trim());
            }
        }
        if (in.readNBytes(length).length != length) {
            throw new EOFException("body cut short");
        }
        return new RawReply(status);
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("connection closed after: " + sb);
            }
            if (b != '\r') {
                sb.append((char) b);
            }
        }
        return sb.toString();
    }

    /**
     * How many operations GeWe's official pages describe: the component's independent reading of them
     * (its test resource official/gewe-operations.json, shared with this module's tests by the pom), not the
     * catalog the simulator itself reads.
     */
    private static int officialCount() throws IOException {
        try (InputStream in = GeweSimulatorTest.class.getResourceAsStream("/official/gewe-operations.json")) {
            return MAPPER.readTree(in).size();
        }
    }
}
