package io.camelgewe.gewe.callback;

import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import static io.camelgewe.gewe.callback.GeweCallbackReader.field;
import static io.camelgewe.gewe.callback.GeweCallbackReader.id;
import static io.camelgewe.gewe.callback.GeweCallbackReader.text;

/**
 * The flat, lower-case push shape ("v2"), read into the same model as GeWe's documented {@code TypeName}/{@code Data}
 * envelope: {@code {"appid", "wxid", "msgType": "TEXT", "msgId", "newMsgId", "createTime" (milliseconds),
 * "content", "pushContent", "fromUser", "fromGroup", "toUser", "isSelf"}}.
 * <p>
 * What this relies on: GeWe's copy in this project has no page for it (its site's Webhook module is not in
 * {@code official/}); chen-zhanjie/gewe-hub documents it from 178 production callbacks ({@code docs/标准消息结构-v1.md}
 * §4, "回调为 v2 格式（扁平小写字段，msgType 字符串枚举）", with the traps of §4.3: {@code createTime} in milliseconds,
 * the real sender in {@code fromUser} and the group in {@code fromGroup}, no {@code MsgSource}) and reads it in
 * {@code server/src/modules/gewe/webhook-utils.ts} ({@code normalizeFlatWebhookPayload}). The type names below are
 * those of its mapping table. A name not among them is refused (and kept with deadLetterUri), not guessed.
 * <p>
 * In the model a group message comes from the group with the sender as the content's {@code "wxid:\n"} prefix, as
 * GeWe's documented shape has it, so that senderWxid, text, chatroomId and mediaXml mean the same for both shapes;
 * createTime is in seconds, as everywhere else.
 */
final class FlatPush {

    /** The v2 msgType names of messages, as MsgType. */
    private static final Map<String, Integer> MESSAGES = Map.ofEntries(
            Map.entry("TEXT", GeweMsgTypes.TEXT), Map.entry("IMAGE", GeweMsgTypes.IMAGE),
            Map.entry("VOICE", GeweMsgTypes.VOICE), Map.entry("VIDEO", GeweMsgTypes.VIDEO),
            Map.entry("EMOJI", GeweMsgTypes.EMOJI), Map.entry("LOCATION", GeweMsgTypes.LOCATION),
            Map.entry("CARD", GeweMsgTypes.NAME_CARD), Map.entry("FRIEND_VERIFY", GeweMsgTypes.FRIEND_REQUEST),
            Map.entry("APP_MSG", GeweMsgTypes.APP), Map.entry("FILE", GeweMsgTypes.APP),
            Map.entry("LINK", GeweMsgTypes.APP), Map.entry("MINI_PROGRAM", GeweMsgTypes.APP),
            Map.entry("QUOTE", GeweMsgTypes.APP), Map.entry("CHAT_RECORD", GeweMsgTypes.APP),
            Map.entry("TRANSFER", GeweMsgTypes.APP), Map.entry("RED_PACKET", GeweMsgTypes.APP),
            Map.entry("FINDER_FEED", GeweMsgTypes.APP),
            Map.entry("REVOKE_MSG", GeweMsgTypes.SYSTEM_XML), Map.entry("PAT_MSG", GeweMsgTypes.SYSTEM_XML),
            Map.entry("ANNOUNCEMENT", GeweMsgTypes.SYSTEM_XML), Map.entry("GROUP_TODO", GeweMsgTypes.SYSTEM_XML),
            Map.entry("SYSTEM", GeweMsgTypes.SYSTEM_TEXT), Map.entry("REMOVE_FROM_GROUP", GeweMsgTypes.SYSTEM_TEXT),
            Map.entry("GROUP_NAME_CHANGE", GeweMsgTypes.SYSTEM_TEXT),
            Map.entry("GROUP_DISMISS", GeweMsgTypes.SYSTEM_TEXT));

    /** The v2 msgType names of events, as TypeName. */
    private static final Map<String, String> EVENTS = Map.of(
            "MOD_CONTACTS", GeweMsgTypes.MOD_CONTACTS, "DEL_CONTACTS", GeweMsgTypes.DEL_CONTACTS,
            "OFFLINE", GeweMsgTypes.OFFLINE, "LOGOUT", GeweMsgTypes.OFFLINE);

    /** createTime at or above this is in milliseconds (10^11 seconds is the year 5138). */
    private static final long MILLIS_FROM = 100_000_000_000L;

    private FlatPush() {
    }

    /** The flat shape: a textual msgType at the top, and neither GeWe's TypeName nor the Mac protocol's wcId. */
    static boolean isFlat(JsonNode root) {
        JsonNode type = field(root, "msgType");
        return type != null && type.isTextual() && field(root, "TypeName") == null && field(root, "Data") == null;
    }

    static GeweCallbackReader.Result read(JsonNode root) {
        String name = field(root, "msgType").asText().strip().toUpperCase(Locale.ROOT);
        Integer msgType = MESSAGES.get(name);
        String event = EVENTS.get(name);
        if (msgType == null && event == null) {
            return new GeweCallbackReader.Refused("the flat push's msgType is not one this version reads");
        }
        GeweCallback.Fields f = new GeweCallback.Fields();
        f.json = root;
        f.typeName = event != null ? event : GeweMsgTypes.ADD_MSG;
        f.appId = text(field(root, "appid"));
        f.wxid = text(field(root, "wxid"));
        f.msgType = msgType;
        String group = text(field(root, "fromGroup"));
        String sender = text(field(root, "fromUser"));
        String content = text(field(root, "content"));
        boolean inGroup = group != null && group.endsWith("@chatroom");
        f.fromWxid = inGroup ? group : sender;
        f.toWxid = text(field(root, "toUser"));
        f.content = inGroup && sender != null && content != null ? sender + ":\n" + content : content;
        f.newMsgId = id(root, "newMsgId");
        f.msgId = id(root, "msgId");
        Long created = id(root, "createTime");
        f.createTime = created != null && created >= MILLIS_FROM ? Long.valueOf(created / 1000) : created;
        f.pushContent = text(field(root, "pushContent"));
        f.msgSource = text(field(root, "msgSource"));
        if (msgType != null && f.newMsgId == null) {
            return new GeweCallbackReader.Refused("the flat push has no newMsgId");
        }
        return GeweCallbackReader.received(f);
    }
}
