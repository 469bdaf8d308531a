package io.camelgewe.gewe;

import java.util.LinkedHashMap;
import java.util.Map;

import io.camelgewe.gewe.client.CdnMemory;
import io.camelgewe.gewe.client.GeweHttpClient;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The {@code gewe:} component: drives a personal WeChat account through the GeWe API.
 * <p>
 * Holds the defaults its endpoints share (base URL, token, appId) and the one pooled HTTP client they all send with.
 */
@Component("gewe")
public class GeweComponent extends DefaultComponent implements SSLContextParametersAware {

    @Metadata(label = "common", defaultValue = GeweConfiguration.DEFAULT_BASE_URL,
              description = "The base URL of the GeWe API, for every endpoint that sets none.")
    private String baseUrl = GeweConfiguration.DEFAULT_BASE_URL;

    @Metadata(label = "security", secret = true,
              description = "The GeWe API token (X-GEWE-TOKEN), for every endpoint that sets none. Masked in logs, "
                            + "JMX and exceptions.")
    private String token;

    @Metadata(label = "common", description = "The appId (logged-in device), for every endpoint that sets none.")
    private String appId;

    @Metadata(label = "advanced", defaultValue = "200",
              description = "The most connections the component keeps open to GeWe, shared by all its endpoints. "
                            + "Requests beyond it wait for a free connection.")
    private int maxConnections = 200;

    @Metadata(label = "advanced", defaultValue = "10000",
              description = "The connect timeout in milliseconds of pooled connections; endpoints can override it.")
    private long connectTimeout = 10_000;

    @Metadata(label = "proxy", description = "The host of an HTTP proxy between the component and GeWe.")
    private String proxyHost;

    @Metadata(label = "proxy", description = "The port of the HTTP proxy.")
    private Integer proxyPort;

    @Metadata(label = "proxy", defaultValue = "http", enums = "http,https",
              description = "The scheme of the HTTP proxy.")
    private String proxyScheme = "http";

    @Metadata(label = "security",
              description = "TLS configuration (trust store, key store, protocols) for an https baseUrl.")
    private SSLContextParameters sslContextParameters;

    @Metadata(label = "security", defaultValue = "false",
              description = "Use the CamelContext's global SSLContextParameters when none is set here.")
    private boolean useGlobalSslContextParameters;

    @Metadata(label = "advanced",
              description = "Where endpoints with cdnReuse remember the CDN copies of media they sent, per account. By "
                            + "default a bounded in-memory repository (cdnCapacity entries); give a shared Camel "
                            + "StateRepository (a bean) so that every instance of a cluster reuses the same copies.")
    private StateRepository<String, String> cdnRepository;

    @Metadata(label = "advanced", defaultValue = "10000",
              description = "The entries the default in-memory cdnRepository keeps (least recently used go first).")
    private int cdnCapacity = 10_000;

    private final Object clientLock = new Object();
    private CdnMemory cdnMemory;
    private GeweHttpClient httpClient;

    /** Creates the component; Camel does this when the first {@code gewe:} URI is used. */
    public GeweComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        GeweConfiguration configuration = new GeweConfiguration();
        configuration.setOperation(remaining);
        configuration.setBaseUrl(baseUrl);
        configuration.setToken(token);
        configuration.setAppId(appId);
        configuration.setConnectTimeout(connectTimeout);
        GeweEndpoint endpoint = new GeweEndpoint(uri, this, configuration);
        java.util.Set<String> given = new java.util.HashSet<>(parameters.keySet());
        setProperties(endpoint, parameters);
        // what the typed options did not take are GeWe field names of the operation; the endpoint checks them
        Map<String, Object> fieldOptions = new LinkedHashMap<>(parameters);
        parameters.clear();
        endpoint.resolveOperation(given, fieldOptions);
        return endpoint;
    }

    /** The HTTP client every endpoint of this component sends with; created on first use, closed with the component. */
    GeweHttpClient httpClient() throws Exception {
        synchronized (clientLock) {
            if (httpClient == null) {
                SSLContextParameters ssl = sslContextParameters;
                if (ssl == null && useGlobalSslContextParameters) {
                    ssl = retrieveGlobalSslContextParameters();
                }
                httpClient = new GeweHttpClient(new GeweHttpClient.Settings()
                        .maxConnections(maxConnections)
                        .connectTimeoutMillis(connectTimeout)
                        .proxy(proxyScheme, proxyHost, proxyPort == null ? -1 : proxyPort)
                        .sslContext(ssl == null ? null : ssl.createSSLContext(getCamelContext())));
            }
            return httpClient;
        }
    }

    /** The memory of CDN copies every endpoint with cdnReuse shares. */
    CdnMemory cdnMemory() throws Exception {
        synchronized (clientLock) {
            if (cdnMemory == null) {
                StateRepository<String, String> repo = cdnRepository != null ? cdnRepository
                        : CdnMemory.bounded(cdnCapacity);
                org.apache.camel.support.service.ServiceHelper.startService(repo);
                cdnMemory = new CdnMemory(repo);
            }
            return cdnMemory;
        }
    }

    @Override
    protected void doStop() throws Exception {
        synchronized (clientLock) {
            if (httpClient != null) {
                httpClient.close();
                httpClient = null;
            }
            if (cdnMemory != null && cdnRepository == null) {
                // the default repository is ours; a user's bean is theirs to stop
                org.apache.camel.support.service.ServiceHelper.stopService(cdnMemory.repository());
            }
            cdnMemory = null;
        }
        super.doStop();
    }

    /** The repository of CDN copies. */
    public StateRepository<String, String> getCdnRepository() {
        return cdnRepository;
    }

    /** Sets the repository of CDN copies. */
    public void setCdnRepository(StateRepository<String, String> cdnRepository) {
        this.cdnRepository = cdnRepository;
    }

    /** The size of the default CDN memory. */
    public int getCdnCapacity() {
        return cdnCapacity;
    }

    /** Sets the size of the default CDN memory. */
    public void setCdnCapacity(int cdnCapacity) {
        this.cdnCapacity = cdnCapacity;
    }

    /** The default base URL of the GeWe API. */
    public String getBaseUrl() {
        return baseUrl;
    }

    /** Sets the default base URL of the GeWe API. */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The default token. */
    public String getToken() {
        return token;
    }

    /** Sets the default token. */
    public void setToken(String token) {
        this.token = token;
    }

    /** The default appId. */
    public String getAppId() {
        return appId;
    }

    /** Sets the default appId. */
    public void setAppId(String appId) {
        this.appId = appId;
    }

    /** The connection pool size. */
    public int getMaxConnections() {
        return maxConnections;
    }

    /** Sets the connection pool size. */
    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    /** The default connect timeout in milliseconds. */
    public long getConnectTimeout() {
        return connectTimeout;
    }

    /** Sets the default connect timeout in milliseconds. */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** The proxy host. */
    public String getProxyHost() {
        return proxyHost;
    }

    /** Sets the proxy host. */
    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    /** The proxy port. */
    public Integer getProxyPort() {
        return proxyPort;
    }

    /** Sets the proxy port. */
    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    /** The proxy scheme. */
    public String getProxyScheme() {
        return proxyScheme;
    }

    /** Sets the proxy scheme (http or https). */
    public void setProxyScheme(String proxyScheme) {
        this.proxyScheme = proxyScheme;
    }

    /** The TLS configuration. */
    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /** Sets the TLS configuration. */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }
}
