package io.camelgewe.gewe;

import org.apache.camel.spi.Metadata;

/**
 * The Camel headers of the {@code gewe:} component.
 * <p>
 * Any request field can come from a header named {@code CamelGewe} + the field name with its first letter in upper
 * case ({@code toWxid} from {@code CamelGeweToWxid}); the common ones are listed here. A field in the body wins over
 * its header, a header over the endpoint option.
 */
public final class GeweConstants {

    @Metadata(label = "common", description = "Producer: the appId (logged-in device) of the request; overrides the "
                                              + "endpoint's appId. gewe:callback: the Appid the callback is for.",
              javaType = "String")
    public static final String APP_ID = "CamelGeweAppId";

    @Metadata(label = "producer", description = "The wxid of the friend, or the group id (NNN@chatroom), a message goes to.",
              javaType = "String")
    public static final String TO_WXID = "CamelGeweToWxid";

    @Metadata(label = "producer", description = "postImage: the URL GeWe downloads the image from.", javaType = "String")
    public static final String IMG_URL = "CamelGeweImgUrl";

    @Metadata(label = "producer", description = "postVideo: the URL GeWe downloads the video from.", javaType = "String")
    public static final String VIDEO_URL = "CamelGeweVideoUrl";

    @Metadata(label = "producer", description = "postVideo, postLink, sendFinderMsg: the URL of the thumbnail image.",
              javaType = "String")
    public static final String THUMB_URL = "CamelGeweThumbUrl";

    @Metadata(label = "producer", description = "postVideo: the video's length in seconds.", javaType = "Integer")
    public static final String VIDEO_DURATION = "CamelGeweVideoDuration";

    @Metadata(label = "producer", description = "postVoice: the URL of the SILK audio file.", javaType = "String")
    public static final String VOICE_URL = "CamelGeweVoiceUrl";

    @Metadata(label = "producer", description = "postVoice: the voice message's length in milliseconds.",
              javaType = "Integer")
    public static final String VOICE_DURATION = "CamelGeweVoiceDuration";

    @Metadata(label = "producer", description = "download and forward operations: the XML of the message.",
              javaType = "String")
    public static final String XML = "CamelGeweXml";

    @Metadata(label = "producer", description = "downloadImage, downloadCdn: for downloadImage 1 HD, 2 normal "
                                                + "(default), 3 thumbnail; for downloadCdn 1 to 3 an image, 4 a video, "
                                                + "5 a file.",
              javaType = "Integer")
    public static final String TYPE = "CamelGeweType";

    @Metadata(label = "common", description = "Set after a send: the message id GeWe returned (also read by "
                                              + "revokeMsg and downloadVoice as their msgId field). gewe:callback: the "
                                              + "received message's MsgId.",
              javaType = "Long")
    public static final String MSG_ID = "CamelGeweMsgId";

    @Metadata(label = "common", description = "Set after a send: the 64-bit message id GeWe returned, exact (also "
                                              + "read by revokeMsg as its newMsgId field). gewe:callback: the received "
                                              + "message's NewMsgId, exact.",
              javaType = "Long")
    public static final String NEW_MSG_ID = "CamelGeweNewMsgId";

    @Metadata(label = "producer", description = "Set after a send: when the message was sent, in seconds since the "
                                                + "epoch; absent when GeWe gives none (also read by revokeMsg).",
              javaType = "Long")
    public static final String CREATE_TIME = "CamelGeweCreateTime";

    @Metadata(label = "producer", description = "Set by postImage/postVideo with cdnReuse: true when the media was sent "
                                                + "as a forward of its WeChat CDN copy, false when it was uploaded.",
              javaType = "Boolean")
    public static final String CDN_REUSED = "CamelGeweCdnReused";

    @Metadata(label = "producer", description = "Set by downloadImage with typeFallback when GeWe delivered another "
                                                + "image type than the one asked for: 1 HD, 2 normal, 3 thumbnail.",
              javaType = "Integer")
    public static final String IMAGE_TYPE = "CamelGeweImageType";

    @Metadata(label = "producer", description = "Set by download operations with fetch: the fileUrl GeWe answered with "
                                                + "(valid 7 days); the body is the file itself.",
              javaType = "String")
    public static final String FILE_URL = "CamelGeweFileUrl";

    @Metadata(label = "common", description = "Set after every call, succeeded or failed: the state of the call's "
                                              + "account as the component knows it then: ONLINE, OFFLINE or UNKNOWN. "
                                              + "On the exchanges of accountStateUri: the account's new state.",
              javaType = "String")
    public static final String ACCOUNT_STATE = "CamelGeweAccountState";

    @Metadata(label = "consumer", description = "gewe:callback: the callback's TypeName: AddMsg (a message), "
                                                + "ModContacts, DelContacts, Offline.",
              javaType = "String")
    public static final String TYPE_NAME = "CamelGeweTypeName";

    @Metadata(label = "consumer", description = "gewe:callback: the message's MsgType (1 text, 3 image, 34 voice, "
                                                + "43 video, 47 emoji, 49 app message, 10000/10002 system...); absent "
                                                + "for events.",
              javaType = "Integer")
    public static final String MSG_TYPE = "CamelGeweMsgType";

    @Metadata(label = "consumer", description = "gewe:callback: FromUserName: the sender, or the chatroom for others' "
                                                + "group messages.",
              javaType = "String")
    public static final String FROM_WXID = "CamelGeweFromWxid";

    @Metadata(label = "consumer", description = "gewe:callback: who wrote the message, also in groups (from the "
                                                + "content's wxid prefix); absent for group system messages and events.",
              javaType = "String")
    public static final String SENDER_WXID = "CamelGeweSenderWxid";

    @Metadata(label = "consumer", description = "gewe:callback: the group (NNN@chatroom) of a group message or event; "
                                                + "absent outside groups.",
              javaType = "String")
    public static final String CHATROOM_ID = "CamelGeweChatroomId";

    @Metadata(label = "consumer", description = "gewe:callback, on what goes to deadLetterUri: why the push was "
                                                + "refused (never quoting it).",
              javaType = "String")
    public static final String REFUSED_REASON = "CamelGeweRefusedReason";

    @Metadata(label = "consumer", description = "gewe:callback, on what goes to deadLetterUri: the HTTP status GeWe "
                                                + "was answered (400).",
              javaType = "Integer")
    public static final String REFUSED_STATUS = "CamelGeweRefusedStatus";

    @Metadata(label = "consumer", description = "gewe:callback, on what goes to deadLetterUri: the HTTP path the push "
                                                + "was posted to.",
              javaType = "String")
    public static final String CALLBACK_PATH = "CamelGeweCallbackPath";

    private GeweConstants() {
    }
}
