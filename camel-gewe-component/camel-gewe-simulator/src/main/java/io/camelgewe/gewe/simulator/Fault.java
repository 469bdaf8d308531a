package io.camelgewe.gewe.simulator;

/**
 * A failure the {@link GeweSimulator} can inject into an API reply, one per request.
 * <p>
 * Each constant imitates something GeWe or the network in front of it really does, so a client's error handling can
 * be tested against every shape of failure: a GeWe-side refusal inside a well-formed envelope, a broken gateway, an
 * HTML error page where JSON was expected, a connection that dies mid-request, and a reply that takes far too long.
 * <p>
 * Every fault except {@link #LATENCY_SPIKE} and {@link #ZERO_MSG_ID} makes the request fail: it is counted in
 * {@link GeweSimulator#failedCount()}, never in {@link GeweSimulator#acceptedCount()} or
 * {@link GeweSimulator#sentCount()}.
 */
public enum Fault {

    /**
     * HTTP 200 with GeWe's failure envelope {@code {"ret":500,"msg":null,"data":{"code":"-1","msg":"模拟错误"}}}:
     * GeWe refused the call (a WeChat-side error with a null {@code msg}, as GeWe sometimes answers).
     */
    RET_500,

    /** HTTP 500 with a short plain-text body: GeWe's server crashed on the request. */
    HTTP_500,

    /** HTTP 502 with nginx's HTML error page: the gateway in front of GeWe lost its upstream. */
    HTTP_502,

    /** HTTP 200 with an HTML page instead of JSON: a captive portal or a misrouted proxy answered. */
    NOT_JSON,

    /**
     * The TCP connection is closed without any HTTP response: no status line, no headers. A client sees an end of
     * stream or a reset, never a status code.
     */
    DROP_CONNECTION,

    /**
     * The normal reply, but only after the spike latency ({@link GeweSimulator#setSpikeLatency}) on top of the base
     * latency: GeWe had a slow moment. The request still succeeds and counts as accepted.
     */
    LATENCY_SPIKE,

    /**
     * HTTP 200, {@code ret 500}, and the reason only in {@code data.detail}, a JSON string whose {@code msg_err} says
     * why: {@code {"ret":500,"msg":"发送图片失败","data":{"detail":"{\"msg_err\":\"图片格式错误\"}"}}} (bad image
     * format; the shape other GeWe clients' tests record).
     */
    MSG_ERR,

    /** HTTP 200 with {@code {"ret":500,"msg":null}} and nothing else: a refusal that says nothing (setCallback does it). */
    NULL_MSG,

    /**
     * The normal reply of a send, but with {@code msgId} and {@code newMsgId} 0: GeWe sent the message (it counts as
     * sent) and gave ids that cannot revoke it. On operations that return no ids it is the normal reply.
     */
    ZERO_MSG_ID
}
