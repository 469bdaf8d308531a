package io.camelgewe.gewe.bench;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The baseline: the same postText requests (same JSON bytes, same X-GEWE-TOKEN header) sent by Apache HttpClient 5's
 * async client directly, configured as the component configures it (pool size, TCP_NODELAY, keep-alive, no retries,
 * redirects, cookies, auth cache or connection state, the same timeouts). Success is HTTP 200; the reply's bytes are
 * buffered but not parsed.
 */
final class RawAsyncTarget implements Target {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final CloseableHttpAsyncClient client;
    private final URI uri;
    private final byte[] json;
    private final String token;
    private final RequestConfig config;

    RawAsyncTarget(URI uri, byte[] json, String token, int maxConnections) {
        this.uri = uri;
        this.json = json;
        this.token = token;
        PoolingAsyncClientConnectionManager pool = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofSeconds(10))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .build();
        int id = IDS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        client = HttpAsyncClients.custom()
                .setConnectionManager(pool)
                .setIOReactorConfig(IOReactorConfig.custom().setSoKeepAlive(true).setTcpNoDelay(true).build())
                .setThreadFactory(r -> {
                    Thread t = new Thread(r, "raw-http-" + id + "-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                })
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableConnectionState()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
        client.start();
        config = RequestConfig.custom().setConnectTimeout(Timeout.ofSeconds(10))
                .setResponseTimeout(Timeout.ofSeconds(60)).build();
    }

    CloseableHttpAsyncClient client() {
        return client;
    }

    @Override
    public String name() {
        return "raw-async";
    }

    @Override
    public void send(Done done) {
        SimpleHttpRequest request = SimpleRequestBuilder.post(uri)
                .setBody(json, ContentType.APPLICATION_JSON)
                .setHeader("X-GEWE-TOKEN", token)
                .setRequestConfig(config)
                .build();
        client.execute(request, new FutureCallback<SimpleHttpResponse>() {
            @Override
            public void completed(SimpleHttpResponse response) {
                if (response.getCode() == 200 && response.getBodyBytes() != null) {
                    done.done(true);
                } else {
                    done.fail("HTTP " + response.getCode());
                }
            }

            @Override
            public void failed(Exception ex) {
                done.fail(ex);
            }

            @Override
            public void cancelled() {
                done.done(false);
            }
        });
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
