package io.camelgewe.gewe.client;

import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * The time limits of one endpoint's calls: how long to wait for a connection and for GeWe's answer. Built once per
 * endpoint, so that a call costs no configuration object of its own.
 */
public final class GeweTimeouts {

    private final long connectMillis;
    private final long responseMillis;
    private final RequestConfig requestConfig;

    /**
     * @param connectMillis  how long to wait for a connection, in milliseconds
     * @param responseMillis how long to wait for the answer once the request is sent, in milliseconds
     */
    public GeweTimeouts(long connectMillis, long responseMillis) {
        this.connectMillis = connectMillis;
        this.responseMillis = responseMillis;
        this.requestConfig = RequestConfig.custom()
                .setConnectTimeout(Timeout.ofMilliseconds(connectMillis))
                .setResponseTimeout(Timeout.ofMilliseconds(responseMillis))
                .build();
    }

    /** How long to wait for a connection, in milliseconds. */
    public long connectMillis() {
        return connectMillis;
    }

    /** How long to wait for the answer once the request is sent, in milliseconds. */
    public long responseMillis() {
        return responseMillis;
    }

    /** The same limits as HttpClient 5 takes them. */
    RequestConfig requestConfig() {
        return requestConfig;
    }
}
