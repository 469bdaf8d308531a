package io.camelgewe.gewe.model;

/**
 * The request of {@code message/postVoice}: send a voice message (SILK audio) that GeWe downloads from {@code voiceUrl}.
 */
public class PostVoice extends GeweRequest {

    /** Creates an empty request. */
    public PostVoice() {
    }

    /** The wxid of the friend, or the group id (NNN@chatroom), the message goes to. */
    public String getToWxid() {
        return text("toWxid");
    }

    /** Sets the field {@code toWxid}: the wxid of the friend, or the group id (NNN@chatroom), the message goes to. */
    public void setToWxid(String toWxid) {
        set("toWxid", toWxid);
    }

    /** The URL of the SILK audio file (starts with #!SILK_V3). */
    public String getVoiceUrl() {
        return text("voiceUrl");
    }

    /** Sets the field {@code voiceUrl}: the URL of the SILK audio file (starts with #!SILK_V3). */
    public void setVoiceUrl(String voiceUrl) {
        set("voiceUrl", voiceUrl);
    }

    /** The voice message's length in milliseconds. */
    public Long getVoiceDuration() {
        return number("voiceDuration");
    }

    /** Sets the field {@code voiceDuration}: the voice message's length in milliseconds. */
    public void setVoiceDuration(Long voiceDuration) {
        set("voiceDuration", voiceDuration);
    }
}
