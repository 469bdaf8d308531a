package io.camelgewe.gewe.model;

/**
 * The request of {@code message/postEmoji}: send an emoji by its md5.
 */
public class PostEmoji extends SendRequest {

    /** Creates an empty request. */
    public PostEmoji() {
    }

    /** The md5 of the emoji image (from a received emoji message). */
    public String getEmojiMd5() {
        return text("emojiMd5");
    }

    /** Sets the field {@code emojiMd5}: the md5 of the emoji image (from a received emoji message). */
    public void setEmojiMd5(String emojiMd5) {
        set("emojiMd5", emojiMd5);
    }

    /** The size of the emoji file in bytes. */
    public Long getEmojiSize() {
        return number("emojiSize");
    }

    /** Sets the field {@code emojiSize}: the size of the emoji file in bytes. */
    public void setEmojiSize(Long emojiSize) {
        set("emojiSize", emojiSize);
    }
}
