package io.camelgewe.gewe.callback;

import java.util.Map;

/**
 * The values GeWe's callbacks carry in {@code TypeName}, {@code Data.MsgType} and an app message's
 * {@code <appmsg><type>}, as named constants (the names of 17, 19, 40, 50 and 56 follow mikoshu/gewechaty's
 * {@code MessageType} and chen-zhanjie/gewe-hub's normalizer, GeWe's docs leave them out) for routes ({@code header(CamelGeweMsgType).isEqualTo(IMAGE)}).
 */
public final class GeweMsgTypes {

    /** TypeName of a message (every MsgType below). */
    public static final String ADD_MSG = "AddMsg";
    /** TypeName of a contact or group whose details changed, or a friend request that was accepted. */
    public static final String MOD_CONTACTS = "ModContacts";
    /** TypeName of a friend deleted or a group left. */
    public static final String DEL_CONTACTS = "DelContacts";
    /** TypeName of the account going offline: the login dropped and must be renewed. */
    public static final String OFFLINE = "Offline";

    /** MsgType: text. */
    public static final int TEXT = 1;
    /** MsgType: image; the content is the XML downloadImage takes. */
    public static final int IMAGE = 3;
    /** MsgType: voice; the content is the XML downloadVoice takes (with the MsgId). */
    public static final int VOICE = 34;
    /** MsgType: friend request; the content's {@code <msg>} attributes describe the requester. */
    public static final int FRIEND_REQUEST = 37;
    /** MsgType: name card. */
    public static final int NAME_CARD = 42;
    /** MsgType: video; the content is the XML downloadVideo takes. */
    public static final int VIDEO = 43;
    /** MsgType: emoji; the content's {@code <emoji md5="...">} is what downloadEmojiMd5 takes. */
    public static final int EMOJI = 47;
    /** MsgType: location. */
    public static final int LOCATION = 48;
    /** MsgType: app message: link, file, mini program, quote, transfer, red packet...; see the APP_ constants. */
    public static final int APP = 49;
    /** MsgType: a voice or video call (VoIP) that ended: hung up, declined or missed. */
    public static final int VOIP_HANGUP = 50;
    /** MsgType: status synchronisation between the account's devices: noise for routes. */
    public static final int STATUS_SYNC = 51;
    /** MsgType: a group voice or video call (started, joined or ended). */
    public static final int GROUP_VOIP = 56;
    /** MsgType: system text (removed from a group, group renamed, new group owner...). */
    public static final int SYSTEM_TEXT = 10000;
    /** MsgType: system XML: revoke, pat, group invitations, announcements...; see sysMsgType. */
    public static final int SYSTEM_XML = 10002;

    /** App message type: a link (also a group invitation, told apart by its title). */
    public static final int APP_LINK = 5;
    /** App message type: a file that finished uploading; downloadFile takes its XML. */
    public static final int APP_FILE = 6;
    /** App message type: real-time location sharing started. */
    public static final int APP_REALTIME_LOCATION = 17;
    /** App message type: a chat record (合并转发的聊天记录), several messages forwarded as one. */
    public static final int APP_CHAT_RECORD = 19;
    /**
     * App message type: a favourite (收藏) forwarded; with {@code <realinnertype>} 19 it is a chat record, see
     * {@code GeweCallback#isChatRecord()}.
     */
    public static final int APP_FAVORITE = 40;
    /** App message type: a mini program. */
    public static final int APP_MINI_PROGRAM = 33;
    /** App message type: a mini program (another form). */
    public static final int APP_MINI_PROGRAM_2 = 36;
    /** App message type: a Channels (视频号) post. */
    public static final int APP_CHANNELS = 51;
    /** App message type: a quote (reply to an earlier message). */
    public static final int APP_QUOTE = 57;
    /** App message type: a file being sent; it cannot be downloaded yet, wait for the APP_FILE message. */
    public static final int APP_FILE_NOTICE = 74;
    /** App message type: a transfer. */
    public static final int APP_TRANSFER = 2000;
    /** App message type: a red packet. */
    public static final int APP_RED_PACKET = 2001;

    /** The GeWe operation that downloads the media of each MsgType; app messages: files only (see APP_FILE). */
    static final Map<Integer, String> DOWNLOAD_OPERATIONS = Map.of(
            IMAGE, "downloadImage",
            VOICE, "downloadVoice",
            VIDEO, "downloadVideo",
            EMOJI, "downloadEmojiMd5",
            APP, "downloadFile");

    private GeweMsgTypes() {
    }
}
