package io.camelgewe.gewe.simulator;

/**
 * A failure the {@link GeweSimulator} can inject into an API reply, one per request.
 * <p>
 * Each constant imitates something GeWe or the network in front of it really does, so a client's error handling can
 * be tested against every shape of failure: a GeWe-side refusal inside a well-formed envelope, a broken gateway, an
 * HTML error page where JSON was expected, a connection that dies mid-request, and a reply that takes far too long.
 * <p>
 * Every fault except {@link #LATENCY_SPIKE} makes the request fail: it is counted in
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
    LATENCY_SPIKE
}
