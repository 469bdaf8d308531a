package io.camelgewe.gewe.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.camelgewe.gewe.catalog.GeweOperation;
import io.camelgewe.gewe.errors.GeweResponseException;
import io.camelgewe.gewe.spi.FetchedFile;
import io.camelgewe.gewe.spi.GeweClient;
import io.camelgewe.gewe.spi.GeweTimeouts;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;

/**
 * The {@link GeweClient} of one base URL and token, over the component's pooled {@link GeweHttpClient}: operations
 * are posted to {@code baseUrl/module/action} with the token in the {@code X-GEWE-TOKEN} header.
 */
public final class HttpGeweClient implements GeweClient {

    /** The header GeWe reads its token from. */
    public static final String TOKEN_HEADER = "X-GEWE-TOKEN";

    private final GeweHttpClient transport;
    private final String base;
    private final URI origin;
    private final Header tokenHeader;
    private final String token;
    private final Map<GeweOperation, Target> targets = new ConcurrentHashMap<>();
    private final Map<GeweTimeouts, RequestConfig> configs = new ConcurrentHashMap<>();

    /**
     * @param  transport                the pooled HTTP client the calls go through (shared, not closed by this client)
     * @param  baseUrl                  GeWe's base URL, http or https
     * @param  token                    the GeWe token
     * @throws IllegalArgumentException when the base URL is not an http(s) URL with a host
     */
    public HttpGeweClient(GeweHttpClient transport, String baseUrl, String token) {
        this.transport = transport;
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
        return transport.post(target.uri, json, tokenHeader, requestConfig(timeouts))
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw GeweHttpClient.failure(operation.qualifiedName(), GeweClient.causeOf(failure),
                                timeouts.connectMillis(), timeouts.responseMillis());
                    }
                    return target.reader.read(response.getCode(), response.getReasonPhrase(), response.getBodyBytes());
                });
    }

    @Override
    public CompletableFuture<FetchedFile> fetch(GeweOperation operation, String fileUrl, String downloadBaseUrl,
                                                Path directory, GeweTimeouts timeouts) {
        URI uri;
        try {
            uri = downloadBase(downloadBaseUrl).resolve(fileUrl.trim());
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new GeweResponseException(operation.qualifiedName(),
                    "GeWe's fileUrl is not a URL", e));
        }
        return transport.fetch(uri, requestConfig(timeouts), directory).handle((file, failure) -> {
            if (failure != null) {
                Throwable cause = GeweClient.causeOf(failure);
                if (cause instanceof HttpException) {
                    throw new GeweResponseException(operation.qualifiedName(), cause.getMessage(), cause);
                }
                throw GeweHttpClient.failure(operation.qualifiedName(), cause, timeouts.connectMillis(),
                        timeouts.responseMillis());
            }
            return file;
        });
    }

    /** What a relative fileUrl is resolved against: the given URL, or the base URL's scheme, host and port. */
    private URI downloadBase(String downloadBaseUrl) {
        if (downloadBaseUrl == null || downloadBaseUrl.isBlank()) {
            return origin;
        }
        return URI.create(downloadBaseUrl.endsWith("/") ? downloadBaseUrl : downloadBaseUrl + "/");
    }

    /**
     * Checks a download base URL as the endpoint is created, so that a typo fails the route at start.
     *
     * @throws IllegalArgumentException naming the problem
     */
    public static void checkDownloadBaseUrl(String downloadBaseUrl) {
        if (downloadBaseUrl == null || downloadBaseUrl.isBlank()) {
            return;
        }
        try {
            new URI(downloadBaseUrl);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("downloadBaseUrl '" + downloadBaseUrl + "' is not a valid URL: "
                                               + e.getReason(), e);
        }
    }

    /** The time limits as HttpClient 5 takes them; an endpoint's are built once. */
    private RequestConfig requestConfig(GeweTimeouts timeouts) {
        return configs.computeIfAbsent(timeouts, t -> RequestConfig.custom()
                .setConnectTimeout(Timeout.ofMilliseconds(t.connectMillis()))
                .setResponseTimeout(Timeout.ofMilliseconds(t.responseMillis()))
                .build());
    }

    private Target target(GeweOperation operation) {
        return new Target(URI.create(base + operation.path()), new GeweReplyReader(operation, token));
    }

    @Override
    public String toString() {
        // never the token
        return "HttpGeweClient[" + base + "]";
    }

    /** Where an operation is posted and how its answer is read, prepared on its first call. */
    private record Target(URI uri, GeweReplyReader reader) {
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
