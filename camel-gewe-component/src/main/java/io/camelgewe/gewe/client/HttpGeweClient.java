package io.camelgewe.gewe.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.camelgewe.gewe.catalog.GeweOperation;
import io.camelgewe.gewe.errors.GeweDelivery;
import io.camelgewe.gewe.errors.GeweResponseException;
import io.camelgewe.gewe.spi.FetchOrigins;
import io.camelgewe.gewe.spi.FetchedFile;
import io.camelgewe.gewe.spi.GeweClient;
import io.camelgewe.gewe.spi.GeweTimeouts;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;

/**
 * The {@link GeweClient} of one base URL and token, over the component's pooled {@link GeweHttpClient}: operations
 * are posted to {@code baseUrl/module/action} with the token in the {@code X-GEWE-TOKEN} header. Calls made on a
 * caller's thread that waits for them ({@link #callOnCallersThread}) go through the component's
 * {@link GeweClassicHttpClient} instead, with the same request, the same reading of the answer and the same failures.
 */
public final class HttpGeweClient implements GeweClient {

    /** The header GeWe reads its token from. */
    public static final String TOKEN_HEADER = "X-GEWE-TOKEN";

    private final GeweHttpClient transport;
    private final Supplier<GeweClassicHttpClient> classic;
    // asked for once: the component makes it under its lock
    private volatile GeweClassicHttpClient classicClient;
    private final String base;
    private final URI origin;
    private final Header tokenHeader;
    private final String token;
    private final Map<GeweOperation, Target> targets = new ConcurrentHashMap<>();
    private final Map<GeweTimeouts, RequestConfig> configs = new ConcurrentHashMap<>();
    private final Map<FetchOrigins, DownloadPolicy> policies = new ConcurrentHashMap<>();
    /** The limits last asked about and their config: an endpoint passes the same GeweTimeouts to every call. */
    private volatile TimedConfig lastConfig;

    /**
     * @param  transport                the pooled HTTP client the calls go through (shared, not closed by this client)
     * @param  baseUrl                  GeWe's base URL, http or https
     * @param  token                    the GeWe token
     * @throws IllegalArgumentException when the base URL is not an http(s) URL with a host
     */
    public HttpGeweClient(GeweHttpClient transport, String baseUrl, String token) {
        this(transport, null, baseUrl, token);
    }

    /**
     * @param  transport                the pooled HTTP client the calls go through (shared, not closed by this client)
     * @param  classic                  the pooled classic client of the calls made on the caller's thread, asked for
     *                                  on the first of them (so that it is only made when some endpoint needs it);
     *                                  null to make those calls through {@code transport} too
     * @param  baseUrl                  GeWe's base URL, http or https
     * @param  token                    the GeWe token
     * @throws IllegalArgumentException when the base URL is not an http(s) URL with a host
     */
    public HttpGeweClient(GeweHttpClient transport, Supplier<GeweClassicHttpClient> classic, String baseUrl,
                          String token) {
        this.transport = transport;
        this.classic = classic;
        this.base = checkedBase(baseUrl);
        URI api = URI.create(base);
        try {
            this.origin = new URI(api.getScheme(), null, api.getHost(), api.getPort(), "/", null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("baseUrl '" + base + "' is not a valid URL: " + e.getReason(), e);
        }
        this.token = token;
        this.tokenHeader = new SecretHeader(TOKEN_HEADER, token);
    }

    /** The base URL without trailing slashes, checked to be an http(s) URL with a host. */
    private static String checkedBase(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("baseUrl is empty");
        }
        String base = baseUrl.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        try {
            URI uri = new URI(base + "/x");
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new URISyntaxException(base, "an http or https URL with a host is needed");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("baseUrl '" + base + "' is not a valid URL: " + e.getReason(), e);
        }
        return base;
    }

    @Override
    public CompletableFuture<Object> call(GeweOperation operation, Object[] values, GeweTimeouts timeouts) {
        Target target = targets.computeIfAbsent(operation, this::target);
        byte[] json = GeweRequestBuilder.write(operation, values);
        return transport.post(operation.qualifiedName(), target.post, json, tokenHeader, requestConfig(timeouts), timeouts,
                target::read);
    }

    /** Blocks this thread on the classic client: the future returned is complete. */
    @Override
    public CompletableFuture<Object> callOnCallersThread(GeweOperation operation, Object[] values,
                                                         GeweTimeouts timeouts) {
        if (classic == null) {
            return call(operation, values, timeouts);
        }
        Target target = targets.computeIfAbsent(operation, this::target);
        // a request that cannot be written throws here, as with call()
        byte[] json = GeweRequestBuilder.write(operation, values);
        try {
            GeweClassicHttpClient http;
            try {
                http = classicClient();
            } catch (java.util.concurrent.CancellationException stopped) {
                throw TransportFailures.translate(operation.qualifiedName(), stopped, false, false, timeouts);
            }
            BoundedReplyConsumer.Reply reply = http.post(operation.qualifiedName(), target.post.uri(), json,
                    tokenHeader, requestConfig(timeouts), timeouts);
            return CompletableFuture.completedFuture(target.read(reply));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private GeweClassicHttpClient classicClient() {
        GeweClassicHttpClient c = classicClient;
        if (c == null) {
            c = classic.get();
            classicClient = c;
        }
        return c;
    }

    /** The one place files are fetched: GeWe's fileUrl is checked against the endpoint's origins first. */
    @Override
    public CompletableFuture<FetchedFile> fetch(GeweOperation operation, String fileUrl, FetchOrigins origins,
                                                Path directory, GeweTimeouts timeouts) {
        URI uri;
        try {
            uri = policies.computeIfAbsent(origins, o -> DownloadPolicy.of(origin, o)).check(fileUrl);
        } catch (DownloadPolicy.Refused e) {
            return CompletableFuture.failedFuture(new GeweResponseException(operation.qualifiedName(),
                    GeweDelivery.NOT_SENT, e.getMessage(), null));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return transport.fetch(operation.qualifiedName(), uri, requestConfig(timeouts), timeouts, directory);
    }

    /**
     * Checks an endpoint's downloadBaseUrl and downloadHosts as the endpoint is created, so that a typo fails the
     * route at start.
     *
     * @throws IllegalArgumentException naming the option and the problem
     */
    public static void checkFetchOrigins(FetchOrigins origins) {
        DownloadPolicy.check(origins);
    }

    /** The time limits as HttpClient 5 takes them; an endpoint's are built once. */
    private RequestConfig requestConfig(GeweTimeouts timeouts) {
        TimedConfig last = lastConfig;
        if (last != null && last.timeouts() == timeouts) {
            // by identity: hashing the record for the map costs more, on every call, than the rest of this lookup
            return last.config();
        }
        RequestConfig config = configs.computeIfAbsent(timeouts, t -> RequestConfig.custom()
                .setConnectTimeout(Timeout.ofMilliseconds(t.connectMillis()))
                .setResponseTimeout(Timeout.ofMilliseconds(t.responseMillis()))
                .build());
        lastConfig = new TimedConfig(timeouts, config);
        return config;
    }

    private Target target(GeweOperation operation) {
        return new Target(new GeweHttpClient.PostTarget(URI.create(base + operation.path())),
                new GeweReplyReader(operation, token));
    }

    @Override
    public String toString() {
        // never the token
        return "HttpGeweClient[" + base + "]";
    }

    private record TimedConfig(GeweTimeouts timeouts, RequestConfig config) {
    }

    /** Where an operation is posted and how its answer is read, prepared on its first call. */
    private record Target(GeweHttpClient.PostTarget post, GeweReplyReader reader) {
        /** The operation's result from GeWe's answer, by either transport. */
        Object read(BoundedReplyConsumer.Reply reply) {
            return reader.read(reply.status(), reply.reason(), reply.body());
        }
    }

    /** The token header, which never shows its value in logs (HttpClient's header log prints toString()). */
    private static final class SecretHeader extends BasicHeader {
        private static final long serialVersionUID = 1L;

        SecretHeader(String name, String value) {
            super(name, value);
        }

        @Override
        public String toString() {
            return getName() + ": ******";
        }
    }
}
