package io.camelgewe.gewe;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

import io.camelgewe.gewe.client.CdnMemory;
import io.camelgewe.gewe.client.GeweHttpClient;
import io.camelgewe.gewe.health.GeweAccountHealthCheck;
import io.camelgewe.gewe.pacing.GewePacer;
import io.camelgewe.gewe.pacing.PacingSettings;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code gewe:} component: drives a personal WeChat account through the GeWe API.
 * <p>
 * Holds the defaults its endpoints share (base URL, token, appId) and the one pooled HTTP client they all send with.
 */
@Component("gewe")
public class GeweComponent extends DefaultComponent implements SSLContextParametersAware {

    private static final Logger LOG = LoggerFactory.getLogger(GeweComponent.class);

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

    @Metadata(label = "pacing", defaultValue = "true",
              description = "Pace every account's sends and downloads across all endpoints and routes of this component "
                            + "the way GeWe asks (one at a time, a gap after each, a ceiling per minute), so bursts do not "
                            + "get the account restricted. Turn it off for benchmarks and tests against the simulator; an "
                            + "endpoint can override it.")
    private boolean pacing = true;

    @Metadata(label = "pacing", defaultValue = "1000", description = "The least time in milliseconds between the end of an account's send and its next send to a person.")
    private long pacingPersonInterval = 1000;

    @Metadata(label = "pacing", defaultValue = "500", description = "Up to this many random milliseconds added to the gap before a send to a person.")
    private long pacingPersonJitter = 500;

    @Metadata(label = "pacing", defaultValue = "3000", description = "The least time in milliseconds between the end of an account's send and its next send to a group.")
    private long pacingGroupInterval = 3000;

    @Metadata(label = "pacing", defaultValue = "2000", description = "Up to this many random milliseconds added to the gap before a send to a group.")
    private long pacingGroupJitter = 2000;

    @Metadata(label = "pacing", defaultValue = "30", description = "At most this many sends of one account start in any 60 seconds (0: no ceiling).")
    private int pacingMaxPerMinute = 30;

    @Metadata(label = "pacing", defaultValue = "3000", description = "The least time in milliseconds between the end of an account's download and its next one.")
    private long pacingDownloadInterval = 3000;

    @Metadata(label = "pacing", defaultValue = "7000", description = "Up to this many random milliseconds added to the gap between downloads.")
    private long pacingDownloadJitter = 7000;

    @Metadata(label = "pacing", defaultValue = "1000", description = "The most exchanges that may wait for one account's sends (and as many for its downloads); one more fails at once with GewePacingException.")
    private int pacingQueueCapacity = 1000;

    @Metadata(label = "health", defaultValue = "true",
              description = "Register a readiness health check per account (appId) the component's producers use: DOWN "
                            + "while GeWe says the account is offline or the token is refused, UP when it is back.")
    private boolean accountHealthCheck = true;

    @Metadata(label = "health", defaultValue = "60000",
              description = "How long, in milliseconds, what the producers heard about an account counts before the "
                            + "health check asks GeWe again (login/checkOnline).")
    private long accountHealthRefresh = 60_000;

    @Metadata(label = "advanced", defaultValue = "false",
              description = "Continue the route on HttpClient's I/O thread when GeWe answers, instead of handing the "
                            + "exchange to the component's worker pool. It saves a thread hop per call, but then no step "
                            + "after a gewe: call may block (a JMS or JDBC send, a file write): a blocked I/O thread "
                            + "holds up every other call to GeWe.")
    private boolean continueOnIoThread;

    @Metadata(label = "advanced",
              description = "The pool exchanges continue on after GeWe answers (unless continueOnIoThread); by default a "
                            + "pool from the CamelContext's default thread pool profile, named GeweWorker. When the pool "
                            + "refuses the task (full, or shut down), the exchange continues on the thread GeWe's answer "
                            + "arrived on.")
    private ExecutorService workerPool;

    private final Object clientLock = new Object();
    private ExecutorService ownWorkerPool;
    private final Map<String, GeweAccountHealthCheck> accountChecks = new java.util.concurrent.ConcurrentHashMap<>();
    private GewePacer pacer;
    private ScheduledExecutorService pacerThread;
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

    /**
     * The health check of an account, registered with the CamelContext's health registry on first use; null when
     * account health checks are off.
     *
     * @param appId       the account
     * @param checkOnline calls login/checkOnline for it
     */
    GeweAccountHealthCheck accountHealth(String appId, Supplier<CompletableFuture<Object>> checkOnline) {
        if (!accountHealthCheck || appId == null) {
            return null;
        }
        return accountChecks.computeIfAbsent(appId, id -> {
            GeweAccountHealthCheck check = new GeweAccountHealthCheck(id, checkOnline, accountHealthRefresh);
            check.setCamelContext(getCamelContext());
            HealthCheckRegistry registry = HealthCheckRegistry.get(getCamelContext());
            if (registry != null) {
                registry.register(check);
            }
            return check;
        });
    }

    /**
     * Where exchanges continue after GeWe answers: null to continue on the I/O thread, else the user's pool or the
     * component's own, created on first use.
     */
    Executor worker() {
        if (continueOnIoThread) {
            return null;
        }
        if (workerPool != null) {
            return workerPool;
        }
        synchronized (clientLock) {
            if (ownWorkerPool == null) {
                ownWorkerPool = getCamelContext().getExecutorServiceManager().newDefaultThreadPool(this, "GeweWorker");
            }
            return ownWorkerPool;
        }
    }

    /** The pacer every paced endpoint of this component shares; created on first use. */
    GewePacer pacer() {
        synchronized (clientLock) {
            if (pacer == null) {
                PacingSettings settings = new PacingSettings(pacingPersonInterval, pacingPersonJitter,
                        pacingGroupInterval, pacingGroupJitter, pacingMaxPerMinute, pacingDownloadInterval,
                        pacingDownloadJitter, pacingQueueCapacity);
                pacerThread = getCamelContext().getExecutorServiceManager()
                        .newSingleThreadScheduledExecutor(this, "GewePacer");
                pacer = new GewePacer(settings, pacerThread);
                LOG.info("GeWe pacing is on, per account ({}): {}. Set pacing=false on the component or an endpoint "
                         + "to turn it off.", settings.equals(PacingSettings.DEFAULTS) ? "GeWe's guidance"
                                 : "custom settings; GeWe's guidance is " + PacingSettings.DEFAULTS.describe(),
                         settings.describe());
            }
            return pacer;
        }
    }

    @Override
    protected void doStop() throws Exception {
        synchronized (clientLock) {
            if (pacer != null) {
                pacer.stop();
                getCamelContext().getExecutorServiceManager().shutdownNow(pacerThread);
                pacer = null;
                pacerThread = null;
            }
            if (httpClient != null) {
                httpClient.close();
                httpClient = null;
            }
            if (ownWorkerPool != null) {
                getCamelContext().getExecutorServiceManager().shutdown(ownWorkerPool);
                ownWorkerPool = null;
            }
            if (cdnMemory != null && cdnRepository == null) {
                // the default repository is ours; a user's bean is theirs to stop
                org.apache.camel.support.service.ServiceHelper.stopService(cdnMemory.repository());
            }
            cdnMemory = null;
            HealthCheckRegistry registry = HealthCheckRegistry.get(getCamelContext());
            if (registry != null) {
                accountChecks.values().forEach(registry::unregister);
            }
            accountChecks.clear();
        }
        super.doStop();
    }

    /** Whether sends and downloads are paced per account. */
    public boolean isPacing() {
        return pacing;
    }

    /** Sets whether sends and downloads are paced per account. */
    public void setPacing(boolean pacing) {
        this.pacing = pacing;
    }

    /** The least time in milliseconds between the end of an account's send and its next send to a person. */
    public long getPacingPersonInterval() {
        return pacingPersonInterval;
    }

    /** Sets: the least time in milliseconds between the end of an account's send and its next send to a person. */
    public void setPacingPersonInterval(long pacingPersonInterval) {
        this.pacingPersonInterval = pacingPersonInterval;
    }

    /** Up to this many random milliseconds added to the gap before a send to a person. */
    public long getPacingPersonJitter() {
        return pacingPersonJitter;
    }

    /** Sets: up to this many random milliseconds added to the gap before a send to a person. */
    public void setPacingPersonJitter(long pacingPersonJitter) {
        this.pacingPersonJitter = pacingPersonJitter;
    }

    /** The least time in milliseconds between the end of an account's send and its next send to a group. */
    public long getPacingGroupInterval() {
        return pacingGroupInterval;
    }

    /** Sets: the least time in milliseconds between the end of an account's send and its next send to a group. */
    public void setPacingGroupInterval(long pacingGroupInterval) {
        this.pacingGroupInterval = pacingGroupInterval;
    }

    /** Up to this many random milliseconds added to the gap before a send to a group. */
    public long getPacingGroupJitter() {
        return pacingGroupJitter;
    }

    /** Sets: up to this many random milliseconds added to the gap before a send to a group. */
    public void setPacingGroupJitter(long pacingGroupJitter) {
        this.pacingGroupJitter = pacingGroupJitter;
    }

    /** At most this many sends of one account start in any 60 seconds (0: no ceiling). */
    public int getPacingMaxPerMinute() {
        return pacingMaxPerMinute;
    }

    /** Sets: at most this many sends of one account start in any 60 seconds (0: no ceiling). */
    public void setPacingMaxPerMinute(int pacingMaxPerMinute) {
        this.pacingMaxPerMinute = pacingMaxPerMinute;
    }

    /** The least time in milliseconds between the end of an account's download and its next one. */
    public long getPacingDownloadInterval() {
        return pacingDownloadInterval;
    }

    /** Sets: the least time in milliseconds between the end of an account's download and its next one. */
    public void setPacingDownloadInterval(long pacingDownloadInterval) {
        this.pacingDownloadInterval = pacingDownloadInterval;
    }

    /** Up to this many random milliseconds added to the gap between downloads. */
    public long getPacingDownloadJitter() {
        return pacingDownloadJitter;
    }

    /** Sets: up to this many random milliseconds added to the gap between downloads. */
    public void setPacingDownloadJitter(long pacingDownloadJitter) {
        this.pacingDownloadJitter = pacingDownloadJitter;
    }

    /** The most exchanges that may wait for one account's sends (and as many for its downloads); one more fails at once with GewePacingException. */
    public int getPacingQueueCapacity() {
        return pacingQueueCapacity;
    }

    /** Sets: the most exchanges that may wait for one account's sends (and as many for its downloads); one more fails at once with GewePacingException. */
    public void setPacingQueueCapacity(int pacingQueueCapacity) {
        this.pacingQueueCapacity = pacingQueueCapacity;
    }

    /** Whether exchanges continue on HttpClient's I/O thread. */
    public boolean isContinueOnIoThread() {
        return continueOnIoThread;
    }

    /** Sets whether exchanges continue on HttpClient's I/O thread (only when no later step blocks). */
    public void setContinueOnIoThread(boolean continueOnIoThread) {
        this.continueOnIoThread = continueOnIoThread;
    }

    /** The pool exchanges continue on after GeWe answers. */
    public ExecutorService getWorkerPool() {
        return workerPool;
    }

    /** Sets the pool exchanges continue on after GeWe answers. */
    public void setWorkerPool(ExecutorService workerPool) {
        this.workerPool = workerPool;
    }

    /** Whether a health check per account is registered. */
    public boolean isAccountHealthCheck() {
        return accountHealthCheck;
    }

    /** Sets whether a health check per account is registered. */
    public void setAccountHealthCheck(boolean accountHealthCheck) {
        this.accountHealthCheck = accountHealthCheck;
    }

    /** How long heard account states count, in milliseconds. */
    public long getAccountHealthRefresh() {
        return accountHealthRefresh;
    }

    /** Sets how long heard account states count, in milliseconds. */
    public void setAccountHealthRefresh(long accountHealthRefresh) {
        this.accountHealthRefresh = accountHealthRefresh;
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
