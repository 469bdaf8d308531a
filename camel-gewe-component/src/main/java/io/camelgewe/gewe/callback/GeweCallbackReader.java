package io.camelgewe.gewe.callback;

import java.io.CharArrayReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.camelgewe.gewe.client.GeweJson;

/**
 * Reads the body of one callback POST: GeWe's registration ping, a callback, or something to refuse (with the
 * reason, which never quotes the body).
 * <p>
 * Tolerant of what GeWe varies: unknown fields, keys in another case or with underscores ({@code appid},
 * {@code type_name}, {@code data}), strings given bare or wrapped as {@code {"string": ...}}, {@code null}s, ids as
 * numbers or text. Ids are read exactly, never through a double: a 64-bit {@code NewMsgId} above
 * {@link Long#MAX_VALUE} keeps its 64 bits ({@link Long#toUnsignedString(long)} gives its digits back). Refused: a
 * body that is not strictly UTF-8 (overlong forms, encoded surrogates), an id that is an integer beyond 64 bits, XML
 * with a DOCTYPE, or XML the component reads that is beyond {@link SafeXml}'s bounds.
 */
public final class GeweCallbackReader {

    /** Parses one JSON value and refuses anything after it. */
    private static final ObjectReader READER = GeweJson.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final BigInteger UNSIGNED_64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** The longest text read as an id: twenty digits, with room for a sign, a fraction of zeros and spaces. */
    private static final int MAX_ID_TEXT = 64;
    private static final Pattern DIGITS = Pattern.compile("[+-]?[0-9]+");

    private GeweCallbackReader() {
    }

    /** What a callback body turned out to be. */
    public sealed interface Result permits Ping, Received, Refused {
    }

    /** GeWe's registration ping ({@code {"testMsg": ..., "token": ...}}): answered, never routed. */
    public record Ping() implements Result {
    }

    /** A callback to route. */
    public record Received(GeweCallback callback) implements Result {
    }

    /** A body that is not a GeWe callback; the reason describes the body without quoting it. */
    public record Refused(String reason) implements Result {
    }

    /**
     * Reads a callback body.
     *
     * @param body the POST body, UTF-8 JSON
     */
    public static Result read(byte[] body) {
        if (body == null || body.length == 0) {
            return new Refused("the body is empty");
        }
        CharBuffer text;
        try {
            // strictly: Jackson alone lets overlong forms (C0 AF) and encoded surrogates (ED A0 80) through
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            return new Refused("the body is not valid UTF-8");
        }
        JsonNode root;
        try {
            root = READER.readTree(new CharArrayReader(text.array(), text.arrayOffset(), text.remaining()));
        } catch (IOException | RuntimeException e) {
            return new Refused("the body is not JSON");
        }
        try {
            return read(root);
        } catch (BadField e) {
            return new Refused(e.getMessage());
        } catch (SafeXml.BeyondLimits e) {
            return new Refused("the message's XML " + e.getMessage());
        }
    }

    private static Result read(JsonNode root) {
        if (root == null || !root.isObject()) {
            return new Refused("the body is not a JSON object");
        }
        if (field(root, "testMsg") != null) {
            return new Ping();
        }
        if (field(root, "wcId") != null && field(root, "TypeName") == null) {
            return readMacPush(root);
        }
        if (FlatPush.isFlat(root)) {
            return FlatPush.read(root);
        }
        JsonNode typeNode = field(root, "TypeName");
        String typeName = typeNode != null && typeNode.isTextual() ? typeNode.asText() : null;
        if (typeName == null || typeName.isBlank()) {
            return new Refused("the JSON is not a GeWe callback: it has no TypeName text");
        }
        JsonNode data = field(root, "Data");
        if (data != null && !data.isObject()) {
            return new Refused("the callback's Data is not a JSON object");
        }
        if (data == null && GeweMsgTypes.ADD_MSG.equalsIgnoreCase(typeName)) {
            return new Refused("an AddMsg callback without Data");
        }
        GeweCallback.Fields f = new GeweCallback.Fields();
        f.json = root;
        f.typeName = typeName;
        f.appId = text(field(root, "Appid"));
        f.wxid = text(field(root, "Wxid"));
        if (data != null) {
            f.msgType = integer(field(data, "MsgType"));
            f.fromWxid = text(field(data, "FromUserName"));
            f.toWxid = text(field(data, "ToUserName"));
            f.content = text(field(data, "Content"));
            f.newMsgId = id(data, "NewMsgId");
            f.msgId = id(data, "MsgId");
            f.createTime = id(data, "CreateTime");
            f.msgSource = text(field(data, "MsgSource"));
            f.pushContent = text(field(data, "PushContent"));
            f.imageBuffer = base64(text(field(field(data, "ImgBuf"), "buffer")));
            f.contactWxid = text(field(data, "UserName"));
        }
        return received(f);
    }

    /** A callback read from whichever shape, unless its XML declares a DTD. */
    static Result received(GeweCallback.Fields f) {
        if (SafeXml.declaresDtd(f.msgSource) || carriesXml(f.msgType) && SafeXml.declaresDtd(f.content)) {
            // WeChat never sends a DTD: one in a message's XML is an attack (XXE, entity expansion)
            return new Refused("the message's XML declares a DOCTYPE or an ENTITY");
        }
        return new Received(new GeweCallback(f));
    }

    /**
     * The other shape the callback reference shows, pushed for accounts on GeWe's Mac protocol (its group-member
     * invitation notice): {@code {"wcId", "account", "messageType", "data": {"wId", "fromUser", "toUser", "fromGroup",
     * "content", "newMsgId", "msgId", "timestamp"...}}}. It is read into the same model as the notice the iPad protocol
     * pushes for the same event, an {@code AddMsg} of {@link GeweMsgTypes#SYSTEM_TEXT} from the group, so that routes,
     * filters and deduplication treat both alike; {@code wId} is the device, which the other shape calls Appid. Its
     * own {@code messageType} code, which the reference does not explain, stays in the JSON.
     */
    private static Result readMacPush(JsonNode root) {
        JsonNode data = field(root, "data");
        if (data == null || !data.isObject()) {
            return new Refused("the Mac-protocol push has no data object");
        }
        GeweCallback.Fields f = new GeweCallback.Fields();
        f.json = root;
        f.typeName = GeweMsgTypes.ADD_MSG;
        f.appId = text(field(data, "wId"));
        f.wxid = text(field(root, "wcId"));
        f.msgType = GeweMsgTypes.SYSTEM_TEXT;
        String group = text(field(data, "fromGroup"));
        f.fromWxid = group != null ? group : text(field(data, "fromUser"));
        f.toWxid = text(field(data, "toUser"));
        f.content = text(field(data, "content"));
        f.newMsgId = id(data, "newMsgId");
        f.msgId = id(data, "msgId");
        f.createTime = id(data, "timestamp");
        if (f.newMsgId == null) {
            return new Refused("the Mac-protocol push has no newMsgId");
        }
        return new Received(new GeweCallback(f));
    }

    /** Text messages and system text are text; every other message type carries XML. */
    static boolean carriesXml(Integer msgType) {
        return msgType == null || msgType != GeweMsgTypes.TEXT && msgType != GeweMsgTypes.SYSTEM_TEXT;
    }

    /**
     * A field of an object by name, tolerating case and underscores ({@code type_name} for {@code TypeName}); null
     * when absent or JSON null.
     */
    static JsonNode field(JsonNode object, String name) {
        if (object == null || !object.isObject()) {
            return null;
        }
        JsonNode exact = object.get(name);
        if (exact != null) {
            return exact.isNull() ? null : exact;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (sameName(e.getKey(), name)) {
                return e.getValue().isNull() ? null : e.getValue();
            }
        }
        return null;
    }

    /**
     * Whether two keys are one name once underscores and hyphens are dropped and case is ignored. Run for every field
     * of an object that lacks the exact name (most lookups of a push), so ASCII is compared in place; a key with
     * anything else is compared as {@link #normalise} spells it.
     */
    static boolean sameName(String key, String name) {
        int i = 0;
        int j = 0;
        while (true) {
            while (i < key.length() && (key.charAt(i) == '_' || key.charAt(i) == '-')) {
                i++;
            }
            while (j < name.length() && (name.charAt(j) == '_' || name.charAt(j) == '-')) {
                j++;
            }
            if (i == key.length() || j == name.length()) {
                return i == key.length() && j == name.length();
            }
            char a = key.charAt(i++);
            char b = name.charAt(j++);
            if (a >= 0x80 || b >= 0x80) {
                // String.toLowerCase folds some of them onto ASCII (the Kelvin sign onto k): its own answer
                return normalise(key).equals(normalise(name));
            }
            if (a != b && asciiLower(a) != asciiLower(b)) {
                return false;
            }
        }
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    private static String normalise(String key) {
        return key.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    /** A string given bare, or wrapped as GeWe wraps them: {@code {"string": "..."}}; {@code {}} is null. */
    static String text(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            JsonNode inner = field(node, "string");
            return inner == null || inner.isContainerNode() ? null : inner.asText();
        }
        return node.isValueNode() ? node.asText() : null;
    }

    private static Integer integer(JsonNode node) {
        Long v;
        try {
            v = exactLong(node);
        } catch (ArithmeticException e) {
            return null;
        }
        return v == null || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? null : v.intValue();
    }

    /**
     * An id of the data object, exactly (see {@link #exactLong}).
     *
     * @throws BadField when it is an integer beyond 64 bits: kept as null, the message would lose its id and, for
     *                  NewMsgId, be routed again at every repeat of GeWe's push
     */
    static Long id(JsonNode data, String name) {
        JsonNode node = field(data, name);
        try {
            return exactLong(node);
        } catch (ArithmeticException e) {
            throw new BadField("the callback's " + name + " is an integer beyond 64 bits");
        }
    }

    /**
     * A 64-bit integer given as a JSON number or text, exactly; null when absent or not an integer.
     *
     * @throws ArithmeticException when it is an integer that does not fit in 64 bits (signed, or unsigned as GeWe's
     *                             NewMsgId may be)
     */
    static Long exactLong(JsonNode node) {
        if (node == null) {
            return null;
        }
        BigInteger value;
        try {
            if (node.isIntegralNumber()) {
                value = node.bigIntegerValue();
            } else if (node.isNumber()) {
                // read as BigDecimal (the shared mapper never uses double): exact only when it has no fraction
                value = integerPart(node.decimalValue());
            } else if (node.isTextual()) {
                String text = node.asText().strip();
                if (text.length() > MAX_ID_TEXT) {
                    // no 64-bit id is written so long, and parsing it would only cost time
                    if (DIGITS.matcher(text).matches()) {
                        throw new ArithmeticException("more digits than a 64-bit id");
                    }
                    return null;
                }
                value = integerPart(new BigDecimal(text));
            } else {
                return null;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        if (value == null) {
            return null;
        }
        if (value.signum() < 0 ? value.bitLength() > 63 : value.compareTo(UNSIGNED_64_MAX) > 0) {
            throw new ArithmeticException("beyond 64 bits");
        }
        return value.longValue();
    }

    /**
     * The value of a decimal without fraction, null when it has one; 1e999999999 is found too large before it is
     * expanded.
     */
    private static BigInteger integerPart(BigDecimal d) {
        if (d.precision() - d.scale() > 21) {
            throw new ArithmeticException("more digits than a 64-bit id");
        }
        // 1e-999999999 strips at once, where dividing out its scale would not
        BigDecimal whole = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
        return whole.scale() > 0 ? null : whole.toBigIntegerExact();
    }

    /** A field whose value is not what GeWe sends, named in the refusal. */
    static final class BadField extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadField(String message) {
            super(message, null, false, false);
        }
    }

    private static byte[] base64(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(text.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
