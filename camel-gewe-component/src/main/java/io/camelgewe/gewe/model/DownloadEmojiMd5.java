package io.camelgewe.gewe.model;

/**
 * The request of {@code message/downloadEmojiMd5}: download an emoji by its md5.
 */
public class DownloadEmojiMd5 extends GeweRequest {

    /** Creates an empty request. */
    public DownloadEmojiMd5() {
    }

    /** The md5 of the emoji image (from a received emoji message). */
    public String getEmojiMd5() {
        return text("emojiMd5");
    }

    /** Sets the field {@code emojiMd5}: the md5 of the emoji image (from a received emoji message). */
    public void setEmojiMd5(String emojiMd5) {
        set("emojiMd5", emojiMd5);
    }
}
