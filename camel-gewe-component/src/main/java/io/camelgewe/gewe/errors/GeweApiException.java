package io.camelgewe.gewe.errors;

/**
 * GeWe answered, and refused: its envelope's {@code ret} is not 200. Carries GeWe's {@code ret} and {@code msg}
 * (which GeWe sometimes leaves null) and, when present, the WeChat-side {@code data.code} / {@code data.msg}, and the
 * reason GeWe sometimes gives only in {@code data.detail} (a JSON string whose {@code msg_err} says why, e.g.
 * {@code 图片格式错误}).
 */
public class GeweApiException extends GeweException {

    private static final long serialVersionUID = 1L;

    private final int ret;
    private final String msg;
    private final String dataCode;
    private final String dataMsg;
    private final String detail;
    private final GeweRejection rejection;

    /**
     * @param operation the operation's qualified name
     * @param ret       GeWe's {@code ret}
     * @param msg       GeWe's {@code msg}, may be null
     * @param dataCode  {@code data.code} (a string in GeWe's answers), may be null
     * @param dataMsg   {@code data.msg}, may be null
     */
    public GeweApiException(String operation, int ret, String msg, String dataCode, String dataMsg) {
        this(operation, ret, msg, dataCode, dataMsg, null);
    }

    /**
     * @param operation the operation's qualified name
     * @param ret       GeWe's {@code ret}
     * @param msg       GeWe's {@code msg}, may be null
     * @param dataCode  {@code data.code} (a string in GeWe's answers), may be null
     * @param dataMsg   {@code data.msg}, may be null
     * @param detail    the reason read from {@code data.detail} ({@code msg_err}, or the detail text), already bounded;
     *                  may be null
     */
    public GeweApiException(String operation, int ret, String msg, String dataCode, String dataMsg, String detail) {
        super(operation, GeweDelivery.REJECTED, describe(ret, msg, dataCode, dataMsg, detail), null);
        this.rejection = GeweRejection.of(msg, join(dataMsg, detail));
        this.ret = ret;
        this.msg = msg;
        this.dataCode = dataCode;
        this.dataMsg = dataMsg;
        this.detail = detail;
    }

    private static String join(String dataMsg, String detail) {
        return detail == null ? dataMsg : dataMsg == null ? detail : dataMsg + " " + detail;
    }

    private static String describe(int ret, String msg, String dataCode, String dataMsg, String detail) {
        StringBuilder sb = new StringBuilder("GeWe refused the request (")
                .append(GeweRejection.of(msg, join(dataMsg, detail)).name().toLowerCase(java.util.Locale.ROOT)
                        .replace('_', ' '))
                .append("): ret=").append(ret).append(", msg=")
                .append(msg == null ? "(none)" : msg);
        // only what GeWe sent: an absent code or msg is left out rather than printed as "null"
        if (dataCode != null) {
            sb.append(", data.code=").append(dataCode);
        }
        if (dataMsg != null) {
            sb.append(", data.msg=").append(dataMsg);
        }
        if (detail != null) {
            sb.append(", reason=").append(detail);
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

    /**
     * The reason GeWe gave in {@code data.detail}: the {@code msg_err} of the JSON it holds ({@code 图片格式错误}), or
     * the detail's own text when it is not such JSON; at most a few hundred characters. Null when GeWe sent none.
     */
    public String getDetail() {
        return detail;
    }

    /** Why GeWe refused, in its most specific words: {@link #getDetail()}, else {@code data.msg}, else {@code msg}. */
    public String getReason() {
        return detail != null ? detail : dataMsg != null ? dataMsg : msg;
    }
}
