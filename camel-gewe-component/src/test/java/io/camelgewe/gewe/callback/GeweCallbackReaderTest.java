package io.camelgewe.gewe.callback;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The callback reader and its XML parser on their own: ids, tolerance, refusals, hardening. */
class GeweCallbackReaderTest {

    @TempDir
    Path dir;

    private static GeweCallbackReader.Result read(String json) {
        return GeweCallbackReader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    private static GeweCallback callback(String data) {
        GeweCallbackReader.Result r = read("{\"TypeName\":\"AddMsg\",\"Appid\":\"wx_1\",\"Wxid\":\"wxid_me\",\"Data\":" + data + "}");
        return assertInstanceOf(GeweCallbackReader.Received.class, r, r.toString()).callback();
    }

    @Test
    void fieldNamesMatchWhateverTheirCaseUnderscoresAndHyphens() {
        assertTrue(GeweCallbackReader.sameName("type_name", "TypeName"));
        assertTrue(GeweCallbackReader.sameName("TYPE-NAME", "TypeName"));
        assertTrue(GeweCallbackReader.sameName("_appid_", "Appid"));
        assertFalse(GeweCallbackReader.sameName("TypeNames", "TypeName"));
        assertFalse(GeweCallbackReader.sameName("Type", "TypeName"));
        assertFalse(GeweCallbackReader.sameName("Appie", "Appid"));
        // beyond ASCII, as String.toLowerCase has it: the Kelvin sign lowers to k, a dotted capital I to two chars
        assertTrue(GeweCallbackReader.sameName("\u212Aey", "key"));
        assertFalse(GeweCallbackReader.sameName("Appi\u0130d", "Appiid"));
        assertEquals("wx_1", GeweCallbackReader.text(GeweCallbackReader.field(
                assertInstanceOf(GeweCallbackReader.Received.class, read("{\"type_name\":\"ModContacts\",\"APP-ID\":\"wx_1\"}"))
                        .callback().getJson(), "AppId")));
    }

    @Test
    void idsAreExactWhateverTheirForm() {
        assertEquals(7773749793478223190L, callback("{\"NewMsgId\":7773749793478223190}").getNewMsgId());
        assertEquals(7773749793478223190L, callback("{\"NewMsgId\":\"7773749793478223190\"}").getNewMsgId());
        assertEquals(7773749793478223190L, callback("{\"NewMsgId\":7773749793478223190.0}").getNewMsgId());
        assertEquals(Long.MAX_VALUE, callback("{\"NewMsgId\":9223372036854775807}").getNewMsgId());
        // above Long.MAX_VALUE (unsigned 64-bit): the same 64 bits, digits given back by toUnsignedString
        GeweCallback unsigned = callback("{\"NewMsgId\":14216284872728580667}");
        assertEquals("14216284872728580667", Long.toUnsignedString(unsigned.getNewMsgId()));
        assertEquals("wx_1:14216284872728580667", CallbackDeduplication.keyOf(unsigned));
        // more than 64 bits: refused, where it used to be routed without an id (and so never deduplicated)
        assertEquals("the callback's NewMsgId is an integer beyond 64 bits",
                refused("{\"NewMsgId\":18446744073709551616}"));
        assertEquals("the callback's NewMsgId is an integer beyond 64 bits", refused("{\"NewMsgId\":1e999999999}"));
        assertEquals("the callback's NewMsgId is an integer beyond 64 bits",
                refused("{\"NewMsgId\":\"18446744073709551616\"}"));
        assertEquals("the callback's NewMsgId is an integer beyond 64 bits", refused("{\"NewMsgId\":-9223372036854775809}"));
        assertEquals("the callback's NewMsgId is an integer beyond 64 bits", refused("{\"NewMsgId\":\"" + "9".repeat(100_000) + "\"}"));
        assertEquals("the callback's MsgId is an integer beyond 64 bits", refused("{\"MsgId\":99999999999999999999}"));
        assertEquals("the callback's CreateTime is an integer beyond 64 bits", refused("{\"CreateTime\":1e20}"));
        assertEquals(-9223372036854775808L, callback("{\"NewMsgId\":-9223372036854775808}").getNewMsgId());
        assertNull(callback("{\"NewMsgId\":1.5}").getNewMsgId());
        assertNull(callback("{\"NewMsgId\":1e-999999999}").getNewMsgId(), "a fraction, found without expanding it");
        assertNull(callback("{\"NewMsgId\":\"abc\"}").getNewMsgId());
        assertNull(callback("{\"NewMsgId\":\"" + "a".repeat(100_000) + "\"}").getNewMsgId());
        assertNull(callback("{\"NewMsgId\":true}").getNewMsgId());
        assertNull(CallbackDeduplication.keyOf(callback("{}")));
    }

    /** The reason a callback with this Data is refused. */
    private static String refused(String data) {
        GeweCallbackReader.Result r = read("{\"TypeName\":\"AddMsg\",\"Appid\":\"wx_1\",\"Data\":" + data + "}");
        return assertInstanceOf(GeweCallbackReader.Refused.class, r, r.toString()).reason();
    }

    @Test
    void aBodyThatIsNotStrictlyUtf8IsRefused() {
        byte[] valid = "{\"TypeName\":\"AddMsg\",\"Appid\":\"wx_1\",\"Data\":{\"Content\":\"你好 X\"}}"
                .getBytes(StandardCharsets.UTF_8);
        assertInstanceOf(GeweCallbackReader.Received.class, GeweCallbackReader.read(valid));
        int x = indexOf(valid, (byte) 'X');
        // an overlong '/' (C0 AF), an encoded lone surrogate (ED A0 80), a stray continuation byte, a cut sequence
        for (byte[] bad : new byte[][] { { (byte) 0xC0, (byte) 0xAF }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
                { (byte) 0x80 }, { (byte) 0xE4, (byte) 0xBD } }) {
            byte[] body = new byte[valid.length - 1 + bad.length];
            System.arraycopy(valid, 0, body, 0, x);
            System.arraycopy(bad, 0, body, x, bad.length);
            System.arraycopy(valid, x + 1, body, x + bad.length, valid.length - x - 1);
            GeweCallbackReader.Result r = GeweCallbackReader.read(body);
            assertEquals("the body is not valid UTF-8", assertInstanceOf(GeweCallbackReader.Refused.class, r).reason());
        }
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }

    @Test
    void xmlDeeperOrLongerThanTheBoundsIsRefusedWithoutOverflowingTheStack() {
        String ok = "<msg>" + "<a>".repeat(SafeXml.MAX_DEPTH - 1) + "</a>".repeat(SafeXml.MAX_DEPTH - 1) + "</msg>";
        String deep = "<msg>" + "<a>".repeat(100_000) + "x" + "</a>".repeat(100_000) + "</msg>";
        assertTrue(SafeXml.parse(ok) != null, "256 levels are parsed");
        assertThrows(SafeXml.BeyondLimits.class, () -> SafeXml.parse(deep));
        assertThrows(SafeXml.BeyondLimits.class, () -> SafeXml.parse("<msg>" + " ".repeat(SafeXml.MAX_LENGTH) + "</msg>"));
        // where the component reads XML: an app message's content, a message source's mentions
        assertEquals("the message's XML nests elements deeper than 256",
                refused("{\"MsgType\":49,\"Content\":" + json(deep) + "}"));
        assertEquals("the message's XML nests elements deeper than 256",
                refused("{\"MsgType\":1,\"Content\":\"hi\",\"MsgSource\":"
                        + json("<msgsource><atuserlist>" + deep + "</atuserlist></msgsource>") + "}"));
        // the XML of an image is passed on as text, never parsed here: nothing to refuse
        assertEquals(3, (int) callback("{\"MsgType\":3,\"Content\":" + json(deep) + "}").getMsgType());
    }

    private static String json(String text) {
        return io.camelgewe.gewe.client.GeweJson.mapper().getNodeFactory().textNode(text).toString();
    }

    @Test
    void stringsBareWrappedOrEmpty() {
        GeweCallback cb = callback("{\"FromUserName\":\"wxid_a\",\"ToUserName\":{\"string\":\"wxid_me\"},"
                                   + "\"Content\":{},\"PushContent\":null,\"MsgSource\":{\"String\":\"<msgsource/>\"}}");
        assertEquals("wxid_a", cb.getFromWxid());
        assertEquals("wxid_me", cb.getToWxid());
        assertNull(cb.getContent());
        assertNull(cb.getPushContent());
        assertEquals("<msgsource/>", cb.getMsgSource());
    }

    @Test
    void imageBufferThatIsNotBase64IsNull() {
        assertNull(callback("{\"ImgBuf\":{\"iLen\":3,\"buffer\":\"/9j/4AAQ...\"}}").getImageBuffer());
        assertEquals(3, callback("{\"ImgBuf\":{\"iLen\":3,\"buffer\":\"AQID\"}}").getImageBuffer().length);
    }

    @Test
    void pingsAndRefusals() {
        assertInstanceOf(GeweCallbackReader.Ping.class, read("{\"testMsg\":\"回调地址链接成功！\",\"token\":\"t\"}"));
        assertInstanceOf(GeweCallbackReader.Ping.class, read("{\"test_msg\":\"验证回调地址是否可用\"}"));
        assertEquals("the body is empty", ((GeweCallbackReader.Refused) GeweCallbackReader.read(new byte[0])).reason());
        assertEquals("the body is not JSON", ((GeweCallbackReader.Refused) read("{")).reason());
        assertEquals("the body is not a JSON object", ((GeweCallbackReader.Refused) read("null")).reason());
        assertInstanceOf(GeweCallbackReader.Received.class, read("{\"TypeName\":\"Offline\",\"Appid\":\"wx_1\"}"));
    }

    @Test
    void groupPrefixIsOnlyTakenFromGroupsAndSystemPrefixesHaveNoSender() {
        GeweCallback privateText = callback("{\"MsgType\":1,\"FromUserName\":\"wxid_a\",\"Content\":\"b:\\nc\"}");
        assertEquals("b:\nc", privateText.getText());
        assertEquals("wxid_a", privateText.getSenderWxid());
        GeweCallback own = callback("{\"MsgType\":1,\"FromUserName\":\"wxid_me\",\"ToUserName\":\"1@chatroom\","
                                    + "\"Content\":\"hello\"}");
        assertTrue(own.isOwnMessage());
        assertEquals("1@chatroom", own.getChatroomId());
        assertEquals("hello", own.getText());
        GeweCallback noPrefix = callback("{\"MsgType\":10000,\"FromUserName\":\"1@chatroom\",\"Content\":\"你已成为新群主\"}");
        assertNull(noPrefix.getSenderWxid());
        assertEquals("你已成为新群主", noPrefix.getText());
    }

    @Test
    void mentionsAreReadFromTheMsgSource() {
        GeweCallback cb = callback("{\"MsgType\":1,\"FromUserName\":\"1@chatroom\",\"Content\":\"wxid_a:\\n@x hi\","
                                   + "\"MsgSource\":\"<msgsource><atuserlist>wxid_me, wxid_b,,wxid_me</atuserlist></msgsource>\"}");
        assertEquals(List.of("wxid_me", "wxid_b"), cb.getMentions());
        assertTrue(cb.isMentioningMe());
    }

    @Test
    void theParserItselfResolvesNoEntity() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]><a>&x;</a>";
        assertNull(SafeXml.parseHardened(xxe), "a DOCTYPE is refused by the parser, not only by the pre-check");
        String external = "<?xml version=\"1.0\"?><!DOCTYPE a SYSTEM \"" + secret.toUri() + "\"><a/>";
        assertNull(SafeXml.parseHardened(external));
        String lol = "<!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                     + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
                     + "<l>&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;</l>";
        assertNull(SafeXml.parseHardened(lol));
        String xinclude = "<a xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"" + secret.toUri()
                          + "\" parse=\"text\"/></a>";
        Document doc = SafeXml.parseHardened(xinclude);
        assertTrue(doc == null || !doc.getDocumentElement().getTextContent().contains("TOP-SECRET"));
        assertTrue(SafeXml.declaresDtd("<!doctype x>") && SafeXml.declaresDtd("<!Entity y>"));
        assertNull(SafeXml.parse("not xml"));
        assertEquals("b", SafeXml.childText(SafeXml.first(SafeXml.parse("<r><a><t>b</t></a></r>"), "a"), "t"));
    }
}
