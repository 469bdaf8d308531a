package io.camelgewe.gewe.errors;

import java.util.Locale;

/**
 * Why GeWe refused a call ({@code ret != 200}), in the kinds a route acts on differently. GeWe has no error codes for
 * these: the kind is read from GeWe's own words in {@code msg} and {@code data.msg}.
 */
public enum GeweRejection {

    /** The WeChat account is offline or logged out (发送消息失败-微信已离线): wait for it, or reconnect it. */
    ACCOUNT_OFFLINE,

    /** The token is missing, invalid or expired (X-GEWE-TOKEN 不可用或已过期): fix the configuration. */
    TOKEN_INVALID,

    /** WeChat or GeWe limits the pace or flags risk (频繁, 风控, 限制): slow down, retry much later. */
    RATE_LIMITED,

    /** The request itself is wrong (a parameter, an unknown device): retrying it cannot help. */
    BAD_REQUEST,

    /** Anything else GeWe refused with (下载图片失败...). */
    OTHER;

    /** The kind GeWe's words describe. */
    public static GeweRejection of(String msg, String dataMsg) {
        String text = ((msg == null ? "" : msg) + " " + (dataMsg == null ? "" : dataMsg)).toLowerCase(Locale.ROOT);
        if (text.contains("离线") || text.contains("掉线") || text.contains("未登录") || text.contains("offline")) {
            return ACCOUNT_OFFLINE;
        }
        if (text.contains("token") && (text.contains("不可用") || text.contains("过期") || text.contains("不可为空")
                                       || text.contains("无效") || text.contains("invalid") || text.contains("expired"))) {
            return TOKEN_INVALID;
        }
        if (text.contains("频繁") || text.contains("风控") || text.contains("限制") || text.contains("太快")
                || text.contains("limit")) {
            return RATE_LIMITED;
        }
        if (text.contains("参数") || text.contains("不能为空") || text.contains("不可为空") || text.contains("类型错误")
                || text.contains("格式") || text.contains("设备不存在") || text.contains("param")) {
            return BAD_REQUEST;
        }
        return OTHER;
    }
}
