package io.camelgewe.gewe.errors;

/**
 * GeWe answered, and refused: its envelope's {@code ret} is not 200. Carries GeWe's {@code ret} and {@code msg}
 * (which GeWe sometimes leaves null) and, when present, the WeChat-side {@code data.code} / {@code data.msg}.
 */
public class GeweApiException extends GeweException {

    private static final long serialVersionUID = 1L;

    private final int ret;
    private final String msg;
    private final String dataCode;
    private final String dataMsg;
    private final GeweRejection rejection;

    /**
     * @param operation the operation's qualified name
     * @param ret       GeWe's {@code ret}
     * @param msg       GeWe's {@code msg}, may be null
     * @param dataCode  {@code data.code} (a string in GeWe's answers), may be null
     * @param dataMsg   {@code data.msg}, may be null
     */
    public GeweApiException(String operation, int ret, String msg, String dataCode, String dataMsg) {
        super(operation, GeweDelivery.REJECTED, describe(ret, msg, dataCode, dataMsg), null);
        this.rejection = GeweRejection.of(msg, dataMsg);
        this.ret = ret;
        this.msg = msg;
        this.dataCode = dataCode;
        this.dataMsg = dataMsg;
    }

    private static String describe(int ret, String msg, String dataCode, String dataMsg) {
        StringBuilder sb = new StringBuilder("GeWe refused the request (")
                .append(GeweRejection.of(msg, dataMsg).name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                .append("): ret=").append(ret).append(", msg=")
                .append(msg == null ? "(none)" : msg);
        if (dataCode != null || dataMsg != null) {
            sb.append(", data.code=").append(dataCode).append(", data.msg=").append(dataMsg);
        }
        return sb.toString();
    }

    /** Why GeWe refused, read from its words: offline account, invalid token, rate limit, bad request, other. */
    public GeweRejection getRejection() {
        return rejection;
    }

    /** GeWe's {@code ret} (anything but 200). */
    public int getRet() {
        return ret;
    }

    /** GeWe's {@code msg}; null when GeWe sent none. */
    public String getMsg() {
        return msg;
    }

    /** The WeChat-side {@code data.code} (GeWe sends it as a string, e.g. {@code "-1"}), or null. */
    public String getDataCode() {
        return dataCode;
    }

    /** The WeChat-side {@code data.msg}, or null. */
    public String getDataMsg() {
        return dataMsg;
    }
}
