package io.camelgewe.gewe.model;

/**
 * The request of {@code message/downloadCdn}: download a file from WeChat's CDN by its coordinates.
 */
public class DownloadCdn extends GeweRequest {

    /** Creates an empty request. */
    public DownloadCdn() {
    }

    /** The AES key of the file on WeChat's CDN. */
    public String getAesKey() {
        return text("aesKey");
    }

    /** Sets the field {@code aesKey}: the AES key of the file on WeChat's CDN. */
    public void setAesKey(String aesKey) {
        set("aesKey", aesKey);
    }

    /** The file id on WeChat's CDN. */
    public String getFileId() {
        return text("fileId");
    }

    /** Sets the field {@code fileId}: the file id on WeChat's CDN. */
    public void setFileId(String fileId) {
        set("fileId", fileId);
    }

    /** What to download: 1 HD image, 2 normal image, 3 thumbnail, 4 video, 5 file. */
    public String getType() {
        return text("type");
    }

    /** Sets the field {@code type}: what to download: 1 HD image, 2 normal image, 3 thumbnail, 4 video, 5 file. */
    public void setType(String type) {
        set("type", type);
    }

    /** The file size in bytes, as text. */
    public String getTotalSize() {
        return text("totalSize");
    }

    /** Sets the field {@code totalSize}: the file size in bytes, as text. */
    public void setTotalSize(String totalSize) {
        set("totalSize", totalSize);
    }

    /** For files: the file name extension (doc). */
    public String getSuffix() {
        return text("suffix");
    }

    /** Sets the field {@code suffix}: for files: the file name extension (doc). */
    public void setSuffix(String suffix) {
        set("suffix", suffix);
    }
}
