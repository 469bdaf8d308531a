package io.camelgewe.gewe.model;

/**
 * The result of a media send that GeWe uploaded to WeChat's CDN: the message's ids and where the media now is.
 * <p>
 * GeWe's advice (the postImage and postVideo pages): to send the same media again, forward it with an XML built from
 * these CDN coordinates instead of sending the URL again; that skips the download and the upload.
 */
public abstract class CdnSendResult extends SendResult {

    private String aesKey;
    private String fileId;
    private Long length;

    /** An XML attribute value, escaped. */
    static String attr(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The AES key of the media on WeChat's CDN. */
    public String getAesKey() {
        return aesKey;
    }

    /** Sets the AES key of the media on WeChat's CDN. */
    public void setAesKey(String aesKey) {
        this.aesKey = aesKey;
    }

    /** The file id of the media on WeChat's CDN. */
    public String getFileId() {
        return fileId;
    }

    /** Sets the file id of the media on WeChat's CDN. */
    public void setFileId(String fileId) {
        this.fileId = fileId;
    }

    /** The media's size in bytes. */
    public Long getLength() {
        return length;
    }

    /** Sets the media's size in bytes. */
    public void setLength(Long length) {
        this.length = length;
    }
}
