package io.camelgewe.gewe.model;

/**
 * The request of {@code message/postVoice}: send a voice message (SILK audio) that GeWe downloads from {@code voiceUrl}.
 */
public class PostVoice extends SendRequest {

    /** Creates an empty request. */
    public PostVoice() {
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
