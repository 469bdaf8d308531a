package io.camelgewe.examples.support;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.camelgewe.gewe.GeweConstants;
import io.camelgewe.gewe.callback.GeweCallback;
import io.camelgewe.gewe.callback.GeweCallbackReader;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;

/**
 * What the callback routes ({@code CallbackRoutes}) do with a callback besides routing it, called by its bean name
 * {@code callbackRecords}: the Kafka record headers of a callback published to {@code gewe.callbacks}, the callback
 * back from such a record, and the name its downloaded media is saved under.
 */
public class CallbackRecords {

    /** Record header: GeWe's {@code TypeName} (AddMsg, ModContacts, DelContacts, Offline). */
    public static final String TYPE_NAME = "GeweTypeName";
    /** Record header: the message's {@code MsgType}, as text; absent for events. */
    public static final String MSG_TYPE = "GeweMsgType";
    /** Record header: the message's {@code NewMsgId}, as unsigned decimal text; absent for events. */
    public static final String NEW_MSG_ID = "GeweNewMsgId";
    /** Exchange header of the media route: the download operation of the callback. */
    public static final String DOWNLOAD_OPERATION = "GeweDownloadOperation";
    /** Exchange header of the media route: the name, without extension, the downloaded media is saved under. */
    public static final String MEDIA_NAME = "GeweMediaName";

    /**
     * Sets the record headers of a callback about to be published ({@link #TYPE_NAME}, {@link #MSG_TYPE},
     * {@link #NEW_MSG_ID}), so that a consumer of the topic can pick records without parsing them.
     */
    public void describe(Exchange exchange) throws InvalidPayloadException {
        GeweCallback callback = exchange.getMessage().getMandatoryBody(GeweCallback.class);
        Message m = exchange.getMessage();
        setIfPresent(m, TYPE_NAME, callback.getTypeName());
        setIfPresent(m, MSG_TYPE, callback.getMsgType() == null ? null : callback.getMsgType().toString());
        setIfPresent(m, NEW_MSG_ID, callback.getNewMsgId() == null ? null : Long.toUnsignedString(callback.getNewMsgId()));
    }

    /**
     * The callback a record of {@code gewe.callbacks} carries (the JSON GeWe pushed), read as gewe:callback reads
     * a push.
     *
     * @throws IllegalArgumentException when the record is not a GeWe callback
     */
    public GeweCallback read(String json) {
        GeweCallbackReader.Result result = GeweCallbackReader.read(json.getBytes(StandardCharsets.UTF_8));
        if (result instanceof GeweCallbackReader.Received received) {
            return received.callback();
        }
        throw new IllegalArgumentException("Not a GeWe callback: " + (result instanceof GeweCallbackReader.Refused r
                ? r.reason() : "a registration ping"));
    }

    /**
     * Prepares the download of the callback in the body: sets {@link #DOWNLOAD_OPERATION} and {@link #MEDIA_NAME}
     * ({@code <appId>_<newMsgId>}, and for a file {@code _<its title>}, made safe for a file name).
     */
    public void prepareDownload(Exchange exchange) throws InvalidPayloadException {
        GeweCallback callback = exchange.getMessage().getMandatoryBody(GeweCallback.class);
        Message m = exchange.getMessage();
        m.setHeader(DOWNLOAD_OPERATION, callback.getDownloadOperation());
        m.setHeader(GeweConstants.APP_ID, callback.getAppId());
        String name = safe(callback.getAppId()) + "_"
                      + (callback.getNewMsgId() == null ? "unknown" : Long.toUnsignedString(callback.getNewMsgId()));
        if ("downloadFile".equals(callback.getDownloadOperation()) && callback.getAppMsgTitle() != null) {
            name += "_" + withoutExtension(safe(callback.getAppMsgTitle()));
        }
        m.setHeader(MEDIA_NAME, name);
    }

    /**
     * The name a fetched download is written under: {@link #MEDIA_NAME} and the extension of the fetched file's name
     * ({@code CamelFileName}, from GeWe's fileUrl), or {@code .bin}. Only letters, digits, {@code -} and {@code _}:
     * the names come from WeChat users and GeWe's URLs, and must not climb out of the media folder.
     */
    public String mediaFileName(Exchange exchange) {
        Message m = exchange.getMessage();
        String base = m.getHeader(MEDIA_NAME, "media", String.class);
        String fetched = m.getHeader(Exchange.FILE_NAME, String.class);
        String ext = "bin";
        if (fetched != null && fetched.lastIndexOf('.') >= 0) {
            String e = fetched.substring(fetched.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9]", "");
            if (!e.isEmpty() && e.length() <= 8) {
                ext = e;
            }
        }
        return base + "." + ext;
    }

    private static String withoutExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Letters (any script), digits, {@code -}, {@code _} and inner dots; at most 80 characters. */
    static String safe(String s) {
        if (s == null) {
            return "unknown";
        }
        String out = s.replaceAll("[^\\p{L}\\p{N}._-]", "_").replaceAll("\\.{2,}", "_").replaceAll("^[._]+", "");
        if (out.length() > 80) {
            out = out.substring(0, 80);
        }
        return out.isEmpty() ? "unknown" : out;
    }

    private static void setIfPresent(Message m, String name, String value) {
        if (value != null) {
            m.setHeader(name, value);
        }
    }
}
