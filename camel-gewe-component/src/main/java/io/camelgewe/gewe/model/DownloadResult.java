package io.camelgewe.gewe.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The result of a download operation: where GeWe put the file. The URL stays valid for 7 days.
 */
public class DownloadResult extends GeweResult {

    private String fileUrl;

    /**
     * The URL of the downloaded file (GeWe keeps it 7 days). downloadEmojiMd5 names it {@code url}: that is read
     * here too, and written back under its own name.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public String getFileUrl() {
        if (fileUrl == null && getOther().get("url") instanceof String) {
            return (String) getOther().get("url");
        }
        return fileUrl;
    }

    /** Sets the URL of the downloaded file. */
    public void setFileUrl(String fileUrl) {
        this.fileUrl = fileUrl;
    }

    @Override
    public String toString() {
        // the URL is signed and grants access to the file: not for logs
        return "DownloadResult[fileUrl=" + (getFileUrl() == null ? "null" : "(set)") + "]";
    }
}
