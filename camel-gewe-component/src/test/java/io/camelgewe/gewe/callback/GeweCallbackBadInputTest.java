package io.camelgewe.gewe.callback;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.camelgewe.gewe.GeweConstants;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What is not a GeWe callback gets a 4xx answer and reaches no route, and nothing is thrown into the application; what
 * GeWe varies (key case, nulls, ids as text, unknown fields) is still read.
 */
class GeweCallbackBadInputTest extends GeweCallbackTestSupport {

    private static final String SECRET = "s3cr&t!";

    @TempDir
    Path dir;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gewe:callback").routeId("callbacks").to("mock:callbacks");
                from("gewe:callback?path=/small&maxBodySize=100").to("mock:callbacks");
                from("gewe:callback?path=/secret&secret=RAW(" + SECRET + ")").to("mock:secret");
            }
        };
    }

    /** Posts and checks the answer's status; nothing may be routed. */
    private HttpResponse<String> refused(int status, HttpResponse<String> answer) throws InterruptedException {
        assertEquals(status, answer.statusCode(), answer.body());
        return answer;
    }

    private void nothingRouted() throws InterruptedException {
        MockEndpoint mock = getMockEndpoint("mock:callbacks");
        mock.expectedMessageCount(0);
        mock.assertIsSatisfied(100);
    }

    @Test
    void bodiesThatAreNotCallbacksAre400() throws Exception {
        NotifyBuilder failures = new NotifyBuilder(context).whenFailed(1).create();
        List<String> bad = List.of(
                "not json at all",
                "<xml/>",
                "[1,2,3]",
                "\"AddMsg\"",
                "{}",
                "{\"Appid\":\"wx_1\",\"Data\":{}}",
                "{\"TypeName\":\"AddMsg\",\"Appid\":\"wx_1\"}",
                "{\"TypeName\":\"AddMsg\",\"Data\":\"not an object\"}",
                "{\"TypeName\":\"AddMsg\",\"Data\":{}} trailing",
                "{\"TypeName\":\"AddMsg\",\"Data\":{\"MsgType\":1,",
                "");
        for (String body : bad) {
            HttpResponse<String> answer = post(body);
            assertEquals(400, answer.statusCode(), body);
            assertFalse(!body.isEmpty() && answer.body().contains(body), "the answer does not echo the body");
        }
        nothingRouted();
        assertFalse(failures.matches(100, TimeUnit.MILLISECONDS), "no exchange failed");
        assertEquals(0, context.getInflightRepository().size());
    }

    @Test
    void otherMethodsAre405() throws Exception {
        HttpResponse<String> get = refused(405, send(HttpRequest.newBuilder(url("/gewe/callback")).GET()));
        assertEquals("POST", get.headers().firstValue("Allow").orElse(null));
        refused(405, send(HttpRequest.newBuilder(url("/gewe/callback"))
                .PUT(HttpRequest.BodyPublishers.ofString(fixture("text")))));
        refused(405, send(HttpRequest.newBuilder(url("/gewe/callback")).DELETE()));
        nothingRouted();
    }

    @Test
    void oversizedBodiesAre413() throws Exception {
        byte[] big = new byte[1024 * 1024 + 1];
        Arrays.fill(big, (byte) ' ');
        byte[] text = fixture("text").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(text, 0, big, 0, text.length);
        refused(413, post("/gewe/callback", big));
        refused(413, post("/small", fixture("text")));
        nothingRouted();
    }

    @Test
    void aBodyDeclaredFarTooLargeGetsIts413WhileTheClientIsStillSending() throws Exception {
        // the answer goes while most of the body is still on its way: closing the connection on it then would make
        // the kernel reset it, and the client could lose the 413 before reading it
        byte[] big = new byte[16 * 1024 * 1024];
        Arrays.fill(big, (byte) ' ');
        for (int i = 0; i < 5; i++) {
            refused(413, post("/gewe/callback", big));
        }
        nothingRouted();
    }

    @Test
    void externalEntitiesAreNeverResolved() throws Exception {
        Path secretFile = Files.writeString(dir.resolve("passwd"), "TOP-SECRET-CONTENT");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE msg [<!ENTITY xxe SYSTEM \"" + secretFile.toUri()
                     + "\">]><msg><img aeskey=\"&xxe;\" /></msg>";
        ObjectNode image = fixtureTree("image");
        ((ObjectNode) image.get("Data").get("Content")).put("string", xxe);
        HttpResponse<String> answer = refused(400, post(image.toString()));
        assertFalse(answer.body().contains("TOP-SECRET"));

        // in MsgSource, which every message has, a text message too
        ObjectNode text = fixtureTree("text");
        ((ObjectNode) text.get("Data")).put("MsgSource", "<!doctype msgsource [<!ENTITY x SYSTEM \""
                                                        + secretFile.toUri() + "\">]><msgsource>&x;</msgsource>");
        refused(400, post(text.toString()));
        nothingRouted();
    }

    @Test
    void entityExpansionIsRefusedAtOnce() throws Exception {
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i < 10; i++) {
            bomb.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                bomb.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            bomb.append("\">");
        }
        bomb.append("]><msg><appmsg><title>&lol9;</title><type>5</type></appmsg></msg>");
        ObjectNode link = fixtureTree("link");
        ((ObjectNode) link.get("Data").get("Content")).put("string", bomb.toString());
        long start = System.nanoTime();
        refused(400, post(link.toString()));
        // expanded, the entities would take minutes and gigabytes; refused, a moment (loose: shared machines)
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 10_000);
        nothingRouted();
    }

    @Test
    void deeplyNestedXmlIsRefused400WithOneLineAndNoStackTrace() throws Exception {
        // the probe's poison pushes: 100,000 nested elements in an app message's title, and in a MsgSource's
        // mentions; both overflowed the stack of the XML tree walk, were answered 500 (so GeWe pushed them again)
        // and logged a 2,000-line stack trace each
        String deep = "<a>".repeat(100_000) + "x" + "</a>".repeat(100_000);
        ObjectNode link = fixtureTree("link");
        ((ObjectNode) link.get("Data").get("Content"))
                .put("string", "<msg><appmsg><title>" + deep + "</title></appmsg></msg>");
        ObjectNode text = fixtureTree("text");
        ((ObjectNode) text.get("Data")).put("MsgSource", "<msgsource><atuserlist>" + deep + "</atuserlist></msgsource>");
        GeweCallbackConsumer consumer = (GeweCallbackConsumer) context.getRoute("callbacks").getConsumer();
        for (ObjectNode push : List.of(link, text)) {
            int logged = testLog().length();
            HttpResponse<String> answer = refused(400, post(push.toString()));
            assertEquals("the message's XML nests elements deeper than 256", answer.body());
            String added = testLog().substring(logged);
            assertFalse(added.contains("StackOverflowError") || added.contains("\tat "), "no stack trace:\n" + added);
            assertEquals(1, added.lines().filter(l -> l.contains(" WARN ")).count(), "one WARN line:\n" + added);
        }
        assertEquals(0, consumer.getUnreadableCount(), "refused as bad input, not as a failure to read");
        nothingRouted();
        MockEndpoint mock = getMockEndpoint("mock:callbacks");
        mock.reset();
        mock.expectedMessageCount(1);
        assertEquals(200, post(fixture("text")).statusCode(), "the consumer takes the next push");
        mock.assertIsSatisfied();
    }

    @Test
    void idsBeyond64BitsAndMalformedUtf8Are400() throws Exception {
        // 2^64 used to be routed without an id, and so never deduplicated
        for (String id : List.of("18446744073709551616", "\"18446744073709551616\"", "-9223372036854775809")) {
            String body = fixture("text").replaceFirst("\"NewMsgId\":\\s*[0-9]+", "\"NewMsgId\":" + id);
            assertTrue(body.contains(id), "the fixture has a NewMsgId");
            assertEquals("the callback's NewMsgId is an integer beyond 64 bits", refused(400, post(body)).body());
        }
        byte[] valid = fixture("text").getBytes(StandardCharsets.UTF_8);
        int at = new String(valid, StandardCharsets.ISO_8859_1).indexOf("\"123\"") + 2;
        // an overlong '/' and an encoded lone surrogate, which Jackson alone lets through
        for (byte[] bad : new byte[][] { { (byte) 0xC0, (byte) 0xAF }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 } }) {
            byte[] body = Arrays.copyOf(valid, valid.length + bad.length);
            System.arraycopy(bad, 0, body, at, bad.length);
            System.arraycopy(valid, at, body, at + bad.length, valid.length - at);
            assertEquals("the body is not valid UTF-8", refused(400, post("/gewe/callback", body)).body());
        }
        nothingRouted();
    }

    @Test
    void aTextAboutDoctypesIsStillText() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:callbacks");
        mock.expectedMessageCount(1);
        ObjectNode text = fixtureTree("text");
        ((ObjectNode) text.get("Data").get("Content")).put("string", "how do I write <!DOCTYPE html>?");
        assertEquals(200, post(text.toString()).statusCode());
        mock.assertIsSatisfied();
        assertEquals("how do I write <!DOCTYPE html>?", callbackOf(mock, 0).getText());
    }

    @Test
    void malformedXmlInAMessageLeavesItsHelpersEmpty() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:callbacks");
        mock.expectedMessageCount(1);
        ObjectNode link = fixtureTree("link");
        ((ObjectNode) link.get("Data").get("Content")).put("string", "<msg><appmsg><type>5</appmsg>");
        ((ObjectNode) link.get("Data")).put("MsgSource", "<msgsource><atuserlist>wxid_a");
        assertEquals(200, post(link.toString()).statusCode());
        mock.assertIsSatisfied();
        GeweCallback cb = callbackOf(mock, 0);
        assertNull(cb.getAppMsgType());
        assertEquals(List.of(), cb.getMentions());
    }

    @Test
    void secretIsRequiredAndNeverEchoed() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:secret");
        mock.expectedMessageCount(2);
        refused(401, post("/secret", fixture("text")));
        refused(403, post("/secret?secret=guess", fixture("text")));
        refused(403, post("/secret", fixture("text"), GeweCallbackHandler.SECRET_HEADER, "guess"));
        HttpResponse<String> byQuery = post("/secret?secret=s3cr%26t%21", fixture("text"));
        assertEquals(200, byQuery.statusCode());
        HttpResponse<String> byHeader = post("/secret", fixture("image"), GeweCallbackHandler.SECRET_HEADER, SECRET);
        assertEquals(200, byHeader.statusCode());
        mock.assertIsSatisfied();
        for (HttpResponse<String> answer : List.of(byQuery, byHeader)) {
            answer.headers().map().forEach((name, values) -> assertFalse(values.toString().contains("s3cr"),
                    "the answer's header " + name + " shows the secret"));
            assertFalse(answer.body().contains("s3cr"));
        }
        assertFalse(mock.getReceivedExchanges().get(0).getMessage().getHeaders().containsKey("secret"),
                "the request's parameters do not reach the route");
    }

    @Test
    void whatGeweVariesIsTolerated() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:callbacks");
        mock.expectedMessageCount(1);
        String lowerCase = "{\"type_name\":\"AddMsg\",\"appid\":\"wx_lower\",\"wxid\":\"" + ME + "\",\"unknown\":[1,{}],"
                           + "\"data\":{\"msg_type\":\"1\",\"from_user_name\":{\"string\":\"wxid_a\"},"
                           + "\"to_user_name\":\"" + ME + "\",\"content\":{\"string\":\"hi\"},"
                           + "\"new_msg_id\":\"8992614056172360001\",\"msg_id\":null,\"create_time\":null,"
                           + "\"msg_source\":null,\"push_content\":null,\"img_buf\":null,\"Remark\":{},"
                           + "\"NewField\":{\"deep\":[1.5,true]}}}";
        assertEquals(200, post(lowerCase).statusCode());
        mock.assertIsSatisfied();
        GeweCallback cb = callbackOf(mock, 0);
        assertEquals("AddMsg", cb.getTypeName());
        assertEquals("wx_lower", cb.getAppId());
        assertEquals(1, (int) cb.getMsgType());
        assertEquals("wxid_a", cb.getSenderWxid());
        assertEquals(ME, cb.getToWxid());
        assertEquals("hi", cb.getText());
        assertEquals(8992614056172360001L, cb.getNewMsgId());
        assertEquals(8992614056172360001L, exchangeOf(mock, 0).getMessage().getHeader(GeweConstants.NEW_MSG_ID));
        assertNull(cb.getMsgId());
        assertNull(cb.getCreateTime());
        assertNull(cb.getMsgSource());
        assertNull(cb.getImageBuffer());
        assertFalse(exchangeOf(mock, 0).getMessage().getHeaders().containsKey(GeweConstants.MSG_ID));
    }
}
