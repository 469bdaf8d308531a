package io.camelgewe.gewe;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import io.camelgewe.gewe.errors.GeweApiException;
import io.camelgewe.gewe.errors.GeweConnectionException;
import io.camelgewe.gewe.errors.GeweDelivery;
import io.camelgewe.gewe.errors.GeweException;
import io.camelgewe.gewe.errors.GeweHttpException;
import io.camelgewe.gewe.errors.GeweRejection;
import io.camelgewe.gewe.errors.GeweResponseException;
import io.camelgewe.gewe.errors.GeweTimeoutException;
import io.camelgewe.gewe.errors.GeweValidationException;
import io.camelgewe.gewe.model.PostVideo;
import io.camelgewe.gewe.simulator.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each failure is its own public exception type, names the operation, never shows the token, and says whether the
 * request may have reached GeWe.
 */
class GeweErrorsTest extends GeweTestSupport {

    private static int closedPort;

    @Override
    protected RouteBuilder createRouteBuilder() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:video").to("gewe:postVideo");
                from("direct:handled")
                        .onException(GeweValidationException.class).handled(true).to("mock:invalid").end()
                        .onException(GeweApiException.class).handled(true).to("mock:rejected").end()
                        .to("gewe:postVideo");
                from("direct:slow").to("gewe:postVoice?responseTimeout=300");
                from("direct:refused").to("gewe:postVoice?baseUrl=http://127.0.0.1:" + closedPort + "/gewe/v2/api");
            }
        };
    }

    private Exchange send(String uri, Object body) {
        return template.send(uri, e -> e.getMessage().setBody(body));
    }

    private static PostVideo video() {
        PostVideo v = new PostVideo();
        v.setToWxid("wxid_x");
        v.setVideoUrl("http://v/a.mp4");
        v.setThumbUrl("http://v/a.jpg");
        v.setVideoDuration(3L);
        return v;
    }

    private static Map<String, Object> voice() {
        return Map.of("toWxid", "wxid_x", "voiceUrl", "http://v/a.silk", "voiceDuration", 1500);
    }

    private static <T extends Throwable> T assertFailure(Exchange out, Class<T> type, GeweDelivery delivery) {
        T e = assertInstanceOf(type, out.getException());
        assertFalse(e.getMessage().contains(simulator.token()), e.getMessage());
        assertEquals(delivery, ((GeweException) e).getDelivery());
        return e;
    }

    @Test
    void missingRequiredFieldsAreAllNamedAndNothingIsSent() {
        Exchange out = send("direct:video", Map.of("videoUrl", "http://v/a.mp4", "toWxId", "typo"));
        GeweValidationException e = assertFailure(out, GeweValidationException.class, GeweDelivery.NOT_SENT);
        assertEquals(java.util.List.of("toWxid", "thumbUrl", "videoDuration"), e.getMissingFields());
        assertTrue(e.getMessage().startsWith("GeWe message/postVideo: invalid request, nothing was sent"), e.getMessage());
        assertTrue(e.getMessage().contains("toWxId"), "a misspelt body field is pointed at: " + e.getMessage());
        assertEquals(0, simulator.totalCount());
    }

    @Test
    void aValueOfTheWrongTypeIsNamedWithItsSource() {
        Exchange out = template.send("direct:video", ex -> {
            ex.getMessage().setBody(video());
            ex.getMessage().removeHeader(GeweConstants.VIDEO_DURATION);
        });
        assertNull(out.getException());
        out = template.send("direct:video", ex -> {
            PostVideo v = video();
            v.set("videoDuration", null);
            ex.getMessage().setBody(v);
            ex.getMessage().setHeader(GeweConstants.VIDEO_DURATION, "ten seconds");
        });
        GeweValidationException e = assertFailure(out, GeweValidationException.class, GeweDelivery.NOT_SENT);
        assertTrue(e.getMessage().contains("videoDuration (from the header CamelGeweVideoDuration): expected an integer, "
                                           + "got 'ten seconds'"), e.getMessage());
    }

    @Test
    void bodiesThatCannotBeARequestAreRefusedBeforeSending() {
        GeweValidationException e = assertFailure(send("direct:video", "{\"toWxid\": \"x\", "),
                GeweValidationException.class, GeweDelivery.NOT_SENT);
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        e = assertFailure(send("direct:video", "[{\"toWxid\":\"x\"}]"), GeweValidationException.class,
                GeweDelivery.NOT_SENT);
        assertTrue(e.getMessage().contains("JSON array"), e.getMessage());
        assertEquals(0, simulator.totalCount());
    }

    @Test
    void gewesRet500WithNullMsgIsAnApiException() {
        simulator.failNext(Fault.RET_500);
        GeweApiException e = assertFailure(send("direct:video", video()), GeweApiException.class,
                GeweDelivery.REJECTED);
        assertEquals(500, e.getRet());
        assertNull(e.getMsg());
        assertEquals("-1", e.getDataCode());
        assertTrue(e.getMessage().startsWith("GeWe message/postVideo: GeWe refused the request (other): ret=500, msg=(none)"),
                e.getMessage());
    }

    @Test
    void anOfflineAccountIsReportedWithGewesWords() {
        simulator.setOnline(simulator.appId(), false);
        try {
            GeweApiException e = assertFailure(send("direct:video", video()), GeweApiException.class,
                    GeweDelivery.REJECTED);
            assertTrue(e.getMsg().contains("微信已离线"), e.getMsg());
            assertEquals("-1", e.getDataCode());
            assertEquals(GeweRejection.ACCOUNT_OFFLINE, e.getRejection());
            assertTrue(e.getMessage().contains("(account offline)"), e.getMessage());
        } finally {
            simulator.setOnline(simulator.appId(), true);
        }
    }

    @Test
    void aWrongTokenIsRejectedAsTokenInvalid() {
        String good = simulator.token();
        simulator.setToken("rotated-" + good);
        try {
            GeweApiException e = assertFailure(send("direct:video", video()), GeweApiException.class,
                    GeweDelivery.REJECTED);
            assertEquals(GeweRejection.TOKEN_INVALID, e.getRejection());
            assertFalse(e.getMessage().contains(good), e.getMessage());
        } finally {
            simulator.setToken(good);
        }
    }

    @Test
    void httpErrorsNonJsonAndDroppedConnectionsAreTheirOwnTypes() {
        simulator.failNext(Fault.HTTP_502);
        GeweHttpException h = assertFailure(send("direct:video", video()), GeweHttpException.class,
                GeweDelivery.UNKNOWN);
        assertEquals(502, h.getStatusCode());
        assertTrue(h.getMessage().contains("HTTP status 502"), h.getMessage());

        simulator.failNext(Fault.NOT_JSON);
        assertFailure(send("direct:video", video()), GeweResponseException.class, GeweDelivery.UNKNOWN);

        simulator.failNext(Fault.DROP_CONNECTION);
        GeweConnectionException c = assertFailure(send("direct:video", video()), GeweConnectionException.class,
                GeweDelivery.UNKNOWN);
        assertTrue(c.getMessage().contains("may have been acted on"), c.getMessage());
    }

    @Test
    void aSlowAnswerTimesOutAsMaybeDelivered() {
        simulator.setLatency(Duration.ofSeconds(6));
        try {
            long t0 = System.nanoTime();
            GeweTimeoutException e = assertFailure(send("direct:slow", voice()), GeweTimeoutException.class,
                    GeweDelivery.UNKNOWN);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertFalse(e.isConnectTimeout());
            assertEquals(300, e.getTimeoutMillis());
            assertTrue(ms < 5000, "gave up after the response timeout, not at GeWe's answer (6 s): " + ms + " ms");
        } finally {
            simulator.setLatency(Duration.ZERO);
        }
    }

    @Test
    void aRefusedConnectionIsNotSent() {
        GeweConnectionException e = assertFailure(send("direct:refused", voice()), GeweConnectionException.class,
                GeweDelivery.NOT_SENT);
        assertTrue(e.getMessage().contains("nothing was sent"), e.getMessage());
    }

    @Test
    void onExceptionTellsTheTypesApart() throws Exception {
        MockEndpoint invalid = getMockEndpoint("mock:invalid");
        MockEndpoint rejected = getMockEndpoint("mock:rejected");
        invalid.expectedMessageCount(1);
        rejected.expectedMessageCount(1);
        send("direct:handled", Map.of("toWxid", "x"));
        simulator.failNext(Fault.RET_500);
        send("direct:handled", video());
        MockEndpoint.assertIsSatisfied(context);
    }
}
