package io.camelgewe.gewe.bench;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * For reference: the same requests through Apache HttpClient 5's classic (blocking) client, one thread per request in
 * flight, same pool size and TCP_NODELAY.
 */
final class ClassicTarget implements Target {

    private final CloseableHttpClient client;
    private final URI uri;
    private final byte[] json;
    private final String token;

    ClassicTarget(URI uri, byte[] json, String token, int maxConnections) {
        this.uri = uri;
        this.json = json;
        this.token = token;
        client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(maxConnections)
                        .setMaxConnPerRoute(maxConnections)
                        .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).setSoKeepAlive(true).build())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(10))
                                .setSocketTimeout(Timeout.ofSeconds(60))
                                .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                                .build())
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableConnectionState()
                .evictIdleConnections(TimeValue.of(30, TimeUnit.SECONDS))
                .build();
    }

    @Override
    public String name() {
        return "classic";
    }

    @Override
    public boolean blocking() {
        return true;
    }

    @Override
    public void send(Done done) {
        HttpPost post = new HttpPost(uri);
        post.setHeader("X-GEWE-TOKEN", token);
        post.setEntity(new ByteArrayEntity(json, ContentType.APPLICATION_JSON));
        boolean ok;
        try {
            ok = client.execute(post, response -> {
                byte[] body = response.getEntity() == null ? null : EntityUtils.toByteArray(response.getEntity());
                return response.getCode() == 200 && body != null;
            });
        } catch (IOException e) {
            ok = false;
        }
        done.done(ok);
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
