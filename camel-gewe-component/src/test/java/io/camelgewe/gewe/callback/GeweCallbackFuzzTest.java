package io.camelgewe.gewe.callback;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property-based tests of the callback parser: whatever arrives (random bytes, truncated or deeply nested JSON, wrong
 * types, huge values, hostile XML in the message), reading it gives a result and never an exception, a stack overflow,
 * a resolved entity or a read file.
 */
class GeweCallbackFuzzTest {

    private static final String VALID = "{\"TypeName\":\"AddMsg\",\"Appid\":\"wx_a\",\"Wxid\":\"wxid_me\",\"Data\":{"
                                        + "\"MsgId\":1040356095,\"FromUserName\":{\"string\":\"123@chatroom\"},"
                                        + "\"ToUserName\":{\"string\":\"wxid_me\"},\"MsgType\":1,"
                                        + "\"Content\":{\"string\":\"wxid_b:\\nhello\"},\"CreateTime\":1705043418,"
                                        + "\"MsgSource\":\"<msgsource><atuserlist>wxid_me</atuserlist></msgsource>\","
                                        + "\"NewMsgId\":7773749793478223190}}";

    /** Reads a body and touches every derived property, which is where XML is parsed. */
    private static GeweCallbackReader.Result readAll(byte[] body) {
        GeweCallbackReader.Result r = GeweCallbackReader.read(body);
        assertNotNull(r);
        if (r instanceof GeweCallbackReader.Received received) {
            GeweCallback c = received.callback();
            c.getText();
            c.getSenderWxid();
            c.getChatroomId();
            c.getMentions();
            c.isMentioningMe();
            c.isOwnMessage();
            c.getReplyTo();
            c.getAppMsgType();
            c.getAppMsgTitle();
            c.getSysMsgType();
            c.getEmojiMd5();
            c.getMediaXml();
            c.getDownloadOperation();
            c.getImageBuffer();
            CallbackDeduplication.keyOf(c);
            c.toString();
        }
        return r;
    }

    @Property(tries = 500)
    void randomBytesNeverThrow(@ForAll byte[] body) {
        readAll(body);
    }

    @Property(tries = 500)
    void truncatedCallbacksAreRefusedNotThrown(@ForAll @IntRange(min = 0, max = 400) int cut) {
        byte[] full = VALID.getBytes(StandardCharsets.UTF_8);
        byte[] body = java.util.Arrays.copyOf(full, Math.min(cut, full.length - 1));
        assertTrue(readAll(body) instanceof GeweCallbackReader.Refused, "a truncated callback is refused");
    }

    @Property(tries = 50)
    void deepNestingIsRefusedWithoutStackOverflow(@ForAll @IntRange(min = 1000, max = 200_000) int depth) {
        String open = "{\"Data\":".repeat(Math.min(depth, 50_000)) + "[".repeat(depth);
        readAll(open.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<Object> anyJsonValue() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(50).map(s -> (Object) s),
                Arbitraries.longs().map(l -> (Object) l), Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b), Arbitraries.just(null),
                Arbitraries.strings().ofMinLength(100_000).ofMaxLength(300_000).map(s -> (Object) s));
    }

    @Property(tries = 300)
    void wrongTypesInEveryFieldNeverThrow(@ForAll("fieldNames") String field, @ForAll("anyJsonValue") Object value) {
        ObjectNode tree = (ObjectNode) io.camelgewe.gewe.client.GeweJson.mapper().valueToTree(
                io.camelgewe.gewe.client.GeweJson.mapper().convertValue(parse(VALID), java.util.Map.class));
        ObjectNode data = (ObjectNode) tree.get("Data");
        ObjectNode target = field.startsWith("Data.") ? data : tree;
        target.set(field.replace("Data.", ""), JsonNodeFactory.instance.pojoNode(value));
        readAll(tree.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<String> fieldNames() {
        return Arbitraries.of("TypeName", "Appid", "Wxid", "Data", "Data.MsgId", "Data.NewMsgId", "Data.MsgType",
                "Data.FromUserName", "Data.ToUserName", "Data.Content", "Data.CreateTime", "Data.MsgSource",
                "Data.ImgBuf", "Data.PushContent", "appid", "type_name", "data");
    }

    @Provide
    Arbitrary<String> hostileXml() {
        return Arbitraries.of(
                "<?xml version=\"1.0\"?><!DOCTYPE msg [<!ENTITY x SYSTEM \"FILE\">]><msg><appmsg><title>&x;</title><type>5</type></appmsg></msg>",
                "<!DOCTYPE a [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">"
                + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]><msg><img aeskey=\"&d;\"/></msg>",
                "<msg><img aeskey=\"k\" ",
                "<<<<>>>>&&&;;",
                "<msg>" + "<a>".repeat(5000) + "</msg>",
                "<?xml version=\"1.0\" encoding=\"UTF-16\"?><msg/>",
                "<msg><appmsg><type>not a number</type></appmsg></msg>");
    }

    @Property(tries = 200)
    void hostileXmlInContentAndSourceResolvesNothing(@ForAll("hostileXml") String xml,
                                                     @ForAll("xmlMsgTypes") int msgType) throws Exception {
        Path secret = Files.createTempFile("gewe-fuzz", ".txt");
        try {
            Files.writeString(secret, "secret-file-content");
            String content = xml.replace("FILE", secret.toUri().toString());
            ObjectNode tree = (ObjectNode) parse(VALID);
            ObjectNode data = (ObjectNode) tree.get("Data");
            data.put("MsgType", msgType);
            data.putObject("Content").put("string", "wxid_b:\n" + content);
            data.put("MsgSource", content);
            GeweCallbackReader.Result r = readAll(tree.toString().getBytes(StandardCharsets.UTF_8));
            if (r instanceof GeweCallbackReader.Received received) {
                GeweCallback c = received.callback();
                assertFalse(String.valueOf(c.getAppMsgTitle()).contains("secret-file-content"));
                assertFalse(String.valueOf(c.getMediaXml()).contains("secret-file-content"));
            }
        } finally {
            Files.deleteIfExists(secret);
        }
    }

    @Provide
    Arbitrary<Integer> xmlMsgTypes() {
        return Arbitraries.of(1, 3, 34, 43, 47, 49, 10000, 10002);
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
        try {
            return io.camelgewe.gewe.client.GeweJson.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
