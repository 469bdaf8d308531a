package io.camelgewe.gewe;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgewe.gewe.model.GeweRequest;
import io.camelgewe.gewe.model.PostImage;
import io.camelgewe.gewe.model.PostVideo;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every body form a route can hand to gewe: reaches GeWe as the same request. */
class GeweBodyFormsTest extends GeweTestSupport {

    private static final String TO = "wxid_friend01";
    private static final String IMG = "http://media.example/a.png";
    private static final String JSON = "{\"toWxid\":\"" + TO + "\",\"imgUrl\":\"" + IMG + "\"}";

    @TempDir
    static Path dropDir;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:postImage").to("gewe:postImage");
                from("direct:postImageTo").to("gewe:postImage?toWxid=" + TO);
                from("direct:downloadImage").to("gewe:downloadImage");
                from("direct:convert").convertBodyTo(PostImage.class);
                from("file:" + dropDir + "?include=.*\\.json").routeId("drop").to("gewe:postImage");
            }
        };
    }

    private JsonNode expected() {
        return json("{\"appId\":\"" + simulator.appId() + "\",\"toWxid\":\"" + TO + "\",\"imgUrl\":\"" + IMG + "\"}");
    }

    private void sendAndExpect(String uri, Object body) {
        simulator.clearRequests();
        Exchange out = template.send(uri, e -> e.getMessage().setBody(body));
        assertNull(out.getException(), () -> "body " + body.getClass().getSimpleName() + ": " + out.getException());
        assertEquals(expected(), simulator.lastRequest().json(), "body " + body.getClass().getSimpleName());
    }

    @Test
    void typedRequest() {
        PostImage p = new PostImage();
        p.setToWxid(TO);
        p.setImgUrl(IMG);
        sendAndExpect("direct:postImage", p);
    }

    @Test
    void genericRequest() {
        sendAndExpect("direct:postImage", new GeweRequest().with("toWxid", TO).with("imgUrl", IMG));
    }

    @Test
    void map() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("toWxid", TO);
        m.put("imgUrl", IMG);
        sendAndExpect("direct:postImage", m);
    }

    @Test
    void jsonAsStringBytesAndStream() {
        sendAndExpect("direct:postImage", JSON);
        sendAndExpect("direct:postImage", JSON.getBytes(StandardCharsets.UTF_8));
        sendAndExpect("direct:postImage", new ByteArrayInputStream(JSON.getBytes(StandardCharsets.UTF_8)));
        sendAndExpect("direct:postImage", "\uFEFF  " + JSON + "\n");
    }

    @Test
    void jsonTree() {
        sendAndExpect("direct:postImage", json(JSON));
    }

    @Test
    void plainTextIsTheMainField() {
        sendAndExpect("direct:postImageTo", IMG);
        sendAndExpect("direct:postImageTo", (IMG + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void plainXmlTextIsDownloadImagesXml() {
        String xml = "<?xml version=\"1.0\"?><msg><img aeskey=\"k\" length=\"1\"/></msg>";
        Exchange out = template.send("direct:downloadImage", e -> e.getMessage().setBody(xml));
        assertNull(out.getException());
        assertEquals(xml, simulator.lastRequest().json().get("xml").asText());
        assertEquals(2, simulator.lastRequest().json().get("type").intValue());
    }

    @Test
    void aBeanWithGewesPropertyNames() {
        sendAndExpect("direct:postImage", new Order(TO, IMG));
    }

    @Test
    void aFileDroppedInAFolder() throws Exception {
        simulator.clearRequests();
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("drop").whenDone(1).create();
        Files.writeString(dropDir.resolve("order-1.json"), JSON);
        assertTrue(done.matches(10, TimeUnit.SECONDS));
        assertEquals(expected(), simulator.lastRequest().json());
    }

    @Test
    void theConvertersAreUsableOnTheirOwn() {
        PostImage fromJson = template.requestBody("direct:convert", JSON, PostImage.class);
        assertEquals(TO, fromJson.getToWxid());
        assertEquals(IMG, fromJson.getImgUrl());
        PostImage fromText = template.requestBody("direct:convert", IMG, PostImage.class);
        assertEquals(IMG, fromText.getImgUrl());
        PostVideo video = context.getTypeConverter().convertTo(PostVideo.class,
                "{\"videoUrl\":\"v\",\"videoDuration\":\"12\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("v", video.getVideoUrl());
        assertEquals(12L, video.getVideoDuration());
        GeweRequest generic = context.getTypeConverter().convertTo(GeweRequest.class, Map.of("chatroomId", "1@chatroom"));
        assertEquals("1@chatroom", generic.get("chatroomId"));
        String asJson = context.getTypeConverter().convertTo(String.class, fromJson);
        assertEquals(json(JSON), json(asJson));
        assertInstanceOf(PostImage.class, fromJson);
    }

    /** A route's own type, whose properties happen to carry GeWe's names. */
    public static final class Order {
        private final String toWxid;
        private final String imgUrl;

        Order(String toWxid, String imgUrl) {
            this.toWxid = toWxid;
            this.imgUrl = imgUrl;
        }

        public String getToWxid() {
            return toWxid;
        }

        public String getImgUrl() {
            return imgUrl;
        }
    }
}
