package io.camelgewe.gewe;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgewe.gewe.model.PostVideo;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where each request field comes from: the body, then the CamelGewe header, then the endpoint option, then GeWe's default. */
class GeweFieldSourcesTest extends GeweTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:video").to("gewe:postVideo?toWxid=wxid_option&thumbUrl=http://t/option.jpg"
                                        + "&videoDuration=30&appId=wx_option");
                from("direct:download").to("gewe:downloadImage?xml=RAW(<msg/>)");
                from("direct:download3").to("gewe:downloadImage?type=3");
                from("direct:lenient").to("gewe:getChatroomInfo?chatroomId=99@chatroom");
            }
        };
    }

    @org.junit.jupiter.api.BeforeEach
    void accounts() {
        simulator.addAccount("wx_option");
        simulator.addAccount("wx_header");
    }

    private JsonNode send(String uri, Object body, Map<String, Object> headers) {
        Exchange out = template.send(uri, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new java.util.HashMap<>(headers));
        });
        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        return simulator.lastRequest().json();
    }

    @Test
    void endpointOptionsFillWhatNothingElseGives() {
        JsonNode sent = send("direct:video", "http://v/body.mp4", Map.of());
        assertEquals("wx_option", sent.get("appId").asText());
        assertEquals("wxid_option", sent.get("toWxid").asText());
        assertEquals("http://v/body.mp4", sent.get("videoUrl").asText());
        assertEquals("http://t/option.jpg", sent.get("thumbUrl").asText());
        assertEquals(30, sent.get("videoDuration").intValue());
    }

    @Test
    void headersWinOverOptionsAndAreConvertedToTheFieldsType() {
        JsonNode sent = send("direct:video", "http://v/body.mp4",
                Map.of(GeweConstants.TO_WXID, "wxid_header", GeweConstants.VIDEO_DURATION, "45",
                        GeweConstants.APP_ID, "wx_header"));
        assertEquals("wxid_header", sent.get("toWxid").asText());
        assertEquals("wx_header", sent.get("appId").asText());
        assertTrue(sent.get("videoDuration").isIntegralNumber());
        assertEquals(45, sent.get("videoDuration").intValue());
        assertEquals("http://t/option.jpg", sent.get("thumbUrl").asText());
    }

    @Test
    void theBodyWinsOverHeaders() {
        PostVideo body = new PostVideo();
        body.setVideoUrl("http://v/b.mp4");
        body.setToWxid("wxid_body");
        body.setVideoDuration(5L);
        JsonNode sent = send("direct:video", body,
                Map.of(GeweConstants.TO_WXID, "wxid_header", GeweConstants.VIDEO_DURATION, 45));
        assertEquals("wxid_body", sent.get("toWxid").asText());
        assertEquals(5, sent.get("videoDuration").intValue());
    }

    @Test
    void gewesDefaultComesLastAndAnOptionOverridesIt() {
        JsonNode sent = send("direct:download", null, Map.of());
        assertEquals("<msg/>", sent.get("xml").asText());
        assertEquals(2, sent.get("type").intValue());
        sent = send("direct:download", null, Map.of(GeweConstants.TYPE, 1));
        assertEquals(1, sent.get("type").intValue());
        sent = send("direct:download3", "<msg/>", Map.of());
        assertEquals(3, sent.get("type").intValue());
    }

    @Test
    void fieldsOfOtherOperationsWorkAsOptionsUnderGewesName() {
        JsonNode sent = send("direct:lenient", null, Map.of());
        assertEquals("99@chatroom", sent.get("chatroomId").asText());
        sent = send("direct:lenient", null, Map.of("CamelGeweChatroomId", "7@chatroom"));
        assertEquals("7@chatroom", sent.get("chatroomId").asText());
    }
}
