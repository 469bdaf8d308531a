package io.camelgewe.gewe.callback;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * One callback GeWe pushed: a message ({@code TypeName} AddMsg) or an event (ModContacts, DelContacts, Offline); the
 * body of the exchanges {@code from("gewe:callback")} creates.
 * <p>
 * The getters give GeWe's fields as they came (null where GeWe sent none or {@code null}); the helpers give what a
 * route usually needs and GeWe leaves to the receiver: who wrote a group message and its text without the
 * {@code "wxid:\n"} prefix, the @-mentions, whether the account itself sent it, the app-message sub-type, the XML a
 * download takes. Ids are exact 64-bit values. Immutable and thread-safe; it serialises (Jackson,
 * {@code convertBodyTo(JsonNode.class)}) as the JSON GeWe pushed.
 */
public final class GeweCallback {

    /** The sender prefix GeWe puts before the content of a group message: {@code "wxid_abc:\n"}. */
    private static final Pattern GROUP_PREFIX = Pattern.compile("^([^\\s:<>]+):\\r?\\n");

    private static final String CHATROOM_SUFFIX = "@chatroom";

    /** The {@code atuserlist} entry for "@all". */
    public static final String MENTION_ALL = "notify@all";

    private final JsonNode json;
    private final String typeName;
    private final String appId;
    private final String wxid;
    private final Integer msgType;
    private final String fromWxid;
    private final String toWxid;
    private final String content;
    private final Long newMsgId;
    private final Long msgId;
    private final Long createTime;
    private final String msgSource;
    private final String pushContent;
    private final byte[] imageBuffer;
    private final String contactWxid;

    private final String chatroomId;
    private final String senderWxid;
    private final String text;
    private final List<String> mentions;
    private final Integer appMsgType;
    private final String appMsgTitle;
    private final Integer realInnerType;
    private final String sysMsgType;
    private final String emojiMd5;

    /** Built by {@link GeweCallbackReader} from the fields it read; derives the helpers once. */
    GeweCallback(Fields f) {
        this.json = f.json;
        this.typeName = f.typeName;
        this.appId = f.appId;
        this.wxid = f.wxid;
        this.msgType = f.msgType;
        this.fromWxid = f.fromWxid;
        this.toWxid = f.toWxid;
        this.content = f.content;
        this.newMsgId = f.newMsgId;
        this.msgId = f.msgId;
        this.createTime = f.createTime;
        this.msgSource = f.msgSource;
        this.pushContent = f.pushContent;
        this.imageBuffer = f.imageBuffer;
        this.contactWxid = f.contactWxid;

        this.chatroomId = chatroomOf(fromWxid, toWxid, contactWxid);
        String sender = fromWxid;
        String body = content;
        if (isChatroom(fromWxid) && content != null) {
            // others' group messages come from the chatroom, the real sender first in the content
            Matcher m = GROUP_PREFIX.matcher(content);
            if (m.find()) {
                body = content.substring(m.end());
                sender = m.group(1);
            }
            if (fromWxid.equals(sender)) {
                // system messages of a group carry the group's own id as prefix: no person sent them
                sender = null;
            }
        }
        this.senderWxid = sender;
        this.text = body;
        this.mentions = mentionsOf(msgSource);

        Integer appType = null;
        String appTitle = null;
        Integer innerType = null;
        String sysType = null;
        String emoji = null;
        if (msgType != null && (msgType == GeweMsgTypes.APP || msgType == GeweMsgTypes.SYSTEM_XML
                                || msgType == GeweMsgTypes.EMOJI)) {
            Document doc = SafeXml.parse(body);
            if (msgType == GeweMsgTypes.APP) {
                Element appmsg = SafeXml.first(doc, "appmsg");
                appType = toInteger(SafeXml.childText(appmsg, "type"));
                appTitle = SafeXml.childText(appmsg, "title");
                innerType = toInteger(SafeXml.childText(appmsg, "realinnertype"));
            } else if (msgType == GeweMsgTypes.SYSTEM_XML) {
                sysType = doc == null ? null : SafeXml.attribute(doc.getDocumentElement(), "type");
            } else {
                emoji = SafeXml.attribute(SafeXml.first(doc, "emoji"), "md5");
            }
        }
        this.appMsgType = appType;
        this.appMsgTitle = appTitle;
        this.realInnerType = innerType;
        this.sysMsgType = sysType;
        this.emojiMd5 = emoji;
    }

    // ------------------------------------------------------------------------------------------ GeWe's fields

    /** The whole callback as GeWe pushed it (also what Jackson writes for this object). */
    @JsonValue
    public JsonNode getJson() {
        return json;
    }

    /** {@code TypeName}: AddMsg, ModContacts, DelContacts, Offline (see {@link GeweMsgTypes}). */
    public String getTypeName() {
        return typeName;
    }

    /** {@code Appid}: the device (logged-in account) the callback is for. */
    public String getAppId() {
        return appId;
    }

    /** {@code Wxid}: the wxid of the account the callback is for. */
    public String getWxid() {
        return wxid;
    }

    /** {@code Data.MsgType} of a message (see {@link GeweMsgTypes}); null for events. */
    public Integer getMsgType() {
        return msgType;
    }

    /** {@code Data.FromUserName}: the sender's wxid, or the chatroom id for others' group messages. */
    public String getFromWxid() {
        return fromWxid;
    }

    /** {@code Data.ToUserName}: the receiver's wxid, or the chatroom id for the account's own group messages. */
    public String getToWxid() {
        return toWxid;
    }

    /** {@code Data.Content} as GeWe sent it, group sender prefix included; see {@link #getText()}. */
    public String getContent() {
        return content;
    }

    /** {@code Data.NewMsgId}: the message's 64-bit id, exact; with the appId the key for removing duplicates. */
    public Long getNewMsgId() {
        return newMsgId;
    }

    /** {@code Data.MsgId}: the message's short id (downloadVoice and revokeMsg take it). */
    public Long getMsgId() {
        return msgId;
    }

    /** {@code Data.CreateTime}: when the message was sent, in seconds since the epoch. */
    public Long getCreateTime() {
        return createTime;
    }

    /** {@code Data.MsgSource}: the message's source XML (mentions, signature...). */
    public String getMsgSource() {
        return msgSource;
    }

    /** {@code Data.PushContent}: the notification text ("朝夕。 : [图片]"); absent for many messages. */
    public String getPushContent() {
        return pushContent;
    }

    /**
     * {@code Data.ImgBuf.buffer}, base64-decoded: an image's thumbnail or, for some voice messages, the SILK audio.
     * Null when GeWe sent none or it was not valid base64.
     */
    public byte[] getImageBuffer() {
        return imageBuffer == null ? null : imageBuffer.clone();
    }

    /** {@code Data.UserName} of a ModContacts or DelContacts event: the contact or chatroom concerned. */
    public String getContactWxid() {
        return contactWxid;
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** Whether this is a message (TypeName AddMsg) rather than a contact or account event. */
    public boolean isMessage() {
        return GeweMsgTypes.ADD_MSG.equalsIgnoreCase(typeName);
    }

    /** Whether the message was written in a group. */
    public boolean isGroup() {
        return chatroomId != null;
    }

    /** The group ({@code NNN@chatroom}) the message or event belongs to; null outside groups. */
    public String getChatroomId() {
        return chatroomId;
    }

    /**
     * Who wrote the message: in groups the wxid from the content's prefix (or the account's own wxid for its own
     * messages), elsewhere the sender; null for a group's system messages and for events.
     */
    public String getSenderWxid() {
        return senderWxid;
    }

    /** The content without the group sender prefix: the text of a text message, the XML of the others. */
    public String getText() {
        return text;
    }

    /** The wxids @-mentioned in a group message ({@code <atuserlist>}); {@link #MENTION_ALL} for @all. */
    public List<String> getMentions() {
        return mentions;
    }

    /** Whether the message @-mentions the account itself, or everybody. */
    public boolean isMentioningMe() {
        return mentions.contains(MENTION_ALL) || wxid != null && mentions.contains(wxid);
    }

    /** Whether the account itself sent the message (from another device: API sends produce no callback). */
    public boolean isOwnMessage() {
        return wxid != null && wxid.equals(senderWxid);
    }

    /**
     * Who a reply goes to: the group for group messages, otherwise the other party of the chat. Set it as the
     * {@code CamelGeweToWxid} header before a {@code gewe:postText}.
     */
    public String getReplyTo() {
        if (chatroomId != null) {
            return chatroomId;
        }
        return isOwnMessage() ? toWxid : fromWxid;
    }

    /** The app message's sub-type ({@code <appmsg><type>}: 5 link, 6 file, 57 quote...) of MsgType 49; else null. */
    public Integer getAppMsgType() {
        return appMsgType;
    }

    /**
     * The type of what a forwarded favourite holds ({@code <appmsg><realinnertype>}; 19 a chat record) of an app
     * message; else null.
     */
    public Integer getRealInnerType() {
        return realInnerType;
    }

    /**
     * Whether this is a chat record: several messages forwarded as one (app type 19), or a favourite that holds one
     * (app type 40 with realinnertype 19).
     */
    public boolean isChatRecord() {
        return appMsgType != null && (appMsgType == GeweMsgTypes.APP_CHAT_RECORD
                || appMsgType == GeweMsgTypes.APP_FAVORITE && realInnerType != null
                   && realInnerType == GeweMsgTypes.APP_CHAT_RECORD);
    }

    /** The app message's title ({@code <appmsg><title>}): the file name, the link's title; else null. */
    public String getAppMsgTitle() {
        return appMsgTitle;
    }

    /** The system message's type ({@code <sysmsg type>}: revokemsg, pat, sysmsgtemplate...) of MsgType 10002. */
    public String getSysMsgType() {
        return sysMsgType;
    }

    /** The emoji's md5 ({@code <emoji md5>}), what downloadEmojiMd5 and postEmoji take; null for other messages. */
    public String getEmojiMd5() {
        return emojiMd5;
    }

    /**
     * The XML a download or forward operation takes: the content without the group prefix, for images, voice,
     * video, emoji and app messages (files, links, mini programs); null for other messages.
     */
    public String getMediaXml() {
        if (msgType == null) {
            return null;
        }
        return switch (msgType) {
            case GeweMsgTypes.IMAGE, GeweMsgTypes.VOICE, GeweMsgTypes.VIDEO, GeweMsgTypes.EMOJI, GeweMsgTypes.APP -> text;
            default -> null;
        };
    }

    /**
     * The GeWe operation that downloads this message's media (downloadImage, downloadVoice, downloadVideo,
     * downloadFile, downloadEmojiMd5); null when there is nothing to download. {@code convertBodyTo(GeweRequest.class)}
     * gives its request.
     */
    public String getDownloadOperation() {
        if (msgType == null || msgType == GeweMsgTypes.APP && !Integer.valueOf(GeweMsgTypes.APP_FILE).equals(appMsgType)) {
            return null;
        }
        return GeweMsgTypes.DOWNLOAD_OPERATIONS.get(msgType);
    }

    @Override
    public String toString() {
        // never the content: it is private correspondence and may be large
        return "GeweCallback[" + typeName + (msgType == null ? "" : " msgType=" + msgType) + " appId=" + appId
               + (newMsgId == null ? "" : " newMsgId=" + Long.toUnsignedString(newMsgId)) + "]";
    }

    private static boolean isChatroom(String id) {
        return id != null && id.endsWith(CHATROOM_SUFFIX);
    }

    private static String chatroomOf(String from, String to, String contact) {
        if (isChatroom(from)) {
            return from;
        }
        if (isChatroom(to)) {
            return to;
        }
        return isChatroom(contact) ? contact : null;
    }

    private static List<String> mentionsOf(String msgSource) {
        if (msgSource == null || !msgSource.contains("atuserlist")) {
            return List.of();
        }
        Element list = SafeXml.first(SafeXml.parse(msgSource), "atuserlist");
        String csv = list == null ? null : list.getTextContent();
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String id : csv.split(",")) {
            String s = id.strip();
            if (!s.isEmpty() && !out.contains(s)) {
                out.add(s);
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static Integer toInteger(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** What the reader found in the JSON, before the helpers are derived. */
    static final class Fields {
        JsonNode json;
        String typeName;
        String appId;
        String wxid;
        Integer msgType;
        String fromWxid;
        String toWxid;
        String content;
        Long newMsgId;
        Long msgId;
        Long createTime;
        String msgSource;
        String pushContent;
        byte[] imageBuffer;
        String contactWxid;
    }
}
