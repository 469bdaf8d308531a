package io.camelgewe.gewe.model;

/**
 * The request of {@code message/postFile}: send a file that GeWe downloads from {@code fileUrl}.
 */
public class PostFile extends GeweRequest {

    /** Creates an empty request. */
    public PostFile() {
    }

    /** The wxid of the friend, or the group id (NNN@chatroom), the message goes to. */
    public String getToWxid() {
        return text("toWxid");
    }

    /** Sets the field {@code toWxid}: the wxid of the friend, or the group id (NNN@chatroom), the message goes to. */
    public void setToWxid(String toWxid) {
        set("toWxid", toWxid);
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
