package io.camelgewe.gewe.model;

/**
 * The request of {@code message/postFile}: send a file that GeWe downloads from {@code fileUrl}.
 */
public class PostFile extends SendRequest {

    /** Creates an empty request. */
    public PostFile() {
    }

    /** The URL GeWe downloads the file from. */
    public String getFileUrl() {
        return text("fileUrl");
    }

    /** Sets the field {@code fileUrl}: the URL GeWe downloads the file from. */
    public void setFileUrl(String fileUrl) {
        set("fileUrl", fileUrl);
    }

    /** The file name the recipient sees; taken from the last segment of fileUrl when not given. */
    public String getFileName() {
        return text("fileName");
    }

    /** Sets the field {@code fileName}: the file name the recipient sees; taken from the last segment of fileUrl when not given. */
    public void setFileName(String fileName) {
        set("fileName", fileName);
    }
}
