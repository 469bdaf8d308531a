package io.camelgewe.gewe;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import io.camelgewe.gewe.account.AccountStateNotifier;
import io.camelgewe.gewe.account.AccountStatus;
import io.camelgewe.gewe.account.GeweAccounts;
import io.camelgewe.gewe.client.CdnMemory;
import io.camelgewe.gewe.spi.GeweClient;
import io.camelgewe.gewe.client.GeweClassicHttpClient;
import io.camelgewe.gewe.client.GeweHttpClient;
import io.camelgewe.gewe.client.HttpGeweClient;
import io.camelgewe.gewe.health.AccountActivity;
import io.camelgewe.gewe.health.GeweAccountHealthCheck;
import io.camelgewe.gewe.health.GeweAccountHealthChecks;
import io.camelgewe.gewe.pacing.GewePacer;
import io.camelgewe.gewe.pacing.PacingSettings;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.LRUCacheFactory;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code gewe:} component: drives a personal WeChat account through the GeWe API.
 * <p>
 * Holds the configuration its endpoints start from, and what they share: the HTTP connection pool and one
 * {@link GeweClient} per base URL and token, the pacer, the worker pool, the CDN memory and the account health checks.
 * Its {@code healthCheckProducerEnabled} option turns the per-account readiness checks on and off.
 */
@Component("gewe")
public class GeweComponent extends HealthCheckComponent implements SSLContextParametersAware {

    private static final Logger LOG = LoggerFactory.getLogger(GeweComponent.class);

    @Metadata(description = "The options every endpoint starts from (baseUrl, token, appId, timeouts, pacing and the "
                            + "rest); an endpoint's URI overrides them for that endpoint only.")
    private GeweConfiguration configuration = new GeweConfiguration();

    @Metadata(label = "advanced",
              description = "The GeweClient every endpoint calls GeWe through, instead of the component's own HTTP "
                            + "clients (one per baseUrl and token): for tests that answer without a server, or a "
                            + "client of your own.")
    private GeweClient client;

    @Metadata(label = "advanced", defaultValue = "200",
              description = "The most connections the component keeps open to GeWe, shared by all its endpoints. "
                            + "Requests beyond it wait for a free connection. The calls of synchronous=true endpoints "
                            + "go over a classic client with a pool of its own, of the same size.")
    private int maxConnections = 200;

    @Metadata(label = "advanced", defaultValue = "8388608",
              description = "The largest answer accepted from GeWe, in bytes (8 MiB): a larger one is refused as it "
                            + "arrives, with a GeweResponseException, before it can fill the heap. GeWe's answers are "
                            + "JSON of a few KiB; contact, member and Moments lists stay well under a MiB. Fetched "
                            + "downloads are not held in memory and are not bounded by it.")
    private int maxResponseSize = GeweHttpClient.DEFAULT_MAX_RESPONSE_SIZE;

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

    @Metadata(label = "pacing", defaultValue = "1000", javaType = "java.time.Duration", description = "The least time between the end of an account's send and its next send to a person. Milliseconds, or a duration (1s, 2m, PT1S).")
    private long pacingPersonInterval = 1000;

    @Metadata(label = "pacing", defaultValue = "500", javaType = "java.time.Duration", description = "Up to this much random time added to the gap before a send to a person. Milliseconds, or a duration (1s, 2m, PT1S).")
    private long pacingPersonJitter = 500;

    @Metadata(label = "pacing", defaultValue = "3000", javaType = "java.time.Duration", description = "The least time between the end of an account's send and its next send to a group. Milliseconds, or a duration (1s, 2m, PT1S).")
    private long pacingGroupInterval = 3000;

    @Metadata(label = "pacing", defaultValue = "2000", javaType = "java.time.Duration", description = "Up to this much random time added to the gap before a send to a group. Milliseconds, or a duration (1s, 2m, PT1S).")
    private long pacingGroupJitter = 2000;

    @Metadata(label = "pacing", defaultValue = "30", description = "At most this many sends of one account start in any 60 seconds (0: no ceiling).")
    private int pacingMaxPerMinute = 30;

    @Metadata(label = "pacing", defaultValue = "3000", javaType = "java.time.Duration", description = "The least time between the end of an account's download and its next one. Milliseconds, or a duration (1s, 2m, PT1S).")
    private long pacingDownloadInterval = 3000;

    @Metadata(label = "pacing", defaultValue = "7000", javaType = "java.time.Duration", description = "Up to this much random time added to the gap between downloads. Milliseconds, or a duration (1s, 2m, PT1S).")
    private long pacingDownloadJitter = 7000;

    @Metadata(label = "pacing", defaultValue = "1000", description = "The most exchanges that may wait for one account's sends (and as many for its downloads); one more fails at once with GewePacingException.")
    private int pacingQueueCapacity = 1000;

    @Metadata(label = "health", defaultValue = "60000", javaType = "java.time.Duration",
              description = "How long what the producers heard about an account counts before the health check asks "
                            + "GeWe again (login/checkOnline). Milliseconds, or a duration (60s, PT1M).")
    private long accountHealthRefresh = 60_000;

    @Metadata(label = "health",
              description = "An endpoint each change of an account's state (ONLINE, OFFLINE, UNKNOWN) is sent to, e.g. "
                            + "direct:geweAccount: a route from it can alert someone or start a new login. The body is "
                            + "the account's new AccountStatus (appId, state, since, signal, reason); headers "
                            + "CamelGeweAppId, CamelGeweAccountState and CamelGeweAccountPreviousState. The changes are "
                            + "sent one at a time, in order, on a thread of their own. None by default.")
    private String accountStateUri;

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
    /** The accounts' checks as Camel's registry knows them; null until the first is needed (guarded by clientLock). */
    private GeweAccountHealthChecks accountChecksRegistered;
    private final GeweAccounts accounts = new GeweAccounts();
    private AccountStateNotifier accountStateNotifier;
    /** The most accounts whose activity is kept for the dev console; the least recently active go first. */
    static final int MAX_ACCOUNTS = 20_000;
    // appIds come from messages: a route fed many of them must not grow this without bound
    private final Map<String, AccountActivity> activity = LRUCacheFactory.newLRUCache(MAX_ACCOUNTS);
    private GewePacer pacer;
    private ScheduledExecutorService pacerThread;
    private CdnMemory cdnMemory;
    private GeweHttpClient httpClient;
    private GeweHttpClient.Settings transportSettings;
    private GeweClassicHttpClient classicClient;
    private ScheduledExecutorService deadlineThread;
    private final Map<String, GeweClient> clients = new HashMap<>();
    private GeweOptionCheck optionCheck;
    private PropertyConfigurer checkedConfigurer;

    /** Creates the component; Camel does this when the first {@code gewe:} URI is used. */
    public GeweComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        GeweConfiguration configuration = (this.configuration == null ? new GeweConfiguration() : this.configuration)
                .copy();
        configuration.setOperation(remaining);
        GeweEndpoint endpoint = new GeweEndpoint(uri, this, configuration);
        java.util.Set<String> given = new java.util.HashSet<>(parameters.keySet());
        optionCheck().check(remaining, parameters, endpoint.isCallback());
        setProperties(endpoint, parameters);
        // what the typed options did not take are GeWe field names of the operation; the endpoint checks them
        Map<String, Object> fieldOptions = new LinkedHashMap<>(parameters);
        parameters.clear();
        endpoint.resolveOperation(given, fieldOptions);
        return endpoint;
    }

    /**
     * The generated configurer of this component's options, checking each one given as text before it is set: a
     * number or a duration that is not one ({@code camel.component.gewe.response-timeout=abc}) fails the start with
     * the option's name, where Camel's conversion would have made it 0.
     */
    @Override
    public PropertyConfigurer getComponentPropertyConfigurer() {
        PropertyConfigurer generated = super.getComponentPropertyConfigurer();
        if (!(generated instanceof PropertyConfigurerGetter)) {
            return generated;
        }
        synchronized (clientLock) {
            if (checkedConfigurer == null) {
                checkedConfigurer = new GeweOptionCheck.CheckedConfigurer(generated, this::optionCheck);
            }
            return checkedConfigurer;
        }
    }

    /**
     * Checks a component option given as text, as this component's configurer does before it sets one; for a runtime
     * that binds {@code camel.component.gewe.*} with a fallback of its own, which would hide why a value was refused
     * (Camel Spring Boot retries it as a bean reference, and reports that no bean has that name).
     *
     * @param name the option ({@code responseTimeout} or {@code response-timeout})
     * @param text the value as text; a bean reference ({@code #name}) passes
     * @throws IllegalArgumentException naming the option and what it must be (and the value, unless it is a secret)
     */
    public void checkOptionText(String name, String text) {
        optionCheck().componentOption(name, text);
    }

    /** What checks the options of every endpoint's URI as Camel tooling does; created on first use. */
    private GeweOptionCheck optionCheck() {
        synchronized (clientLock) {
            if (optionCheck == null) {
                optionCheck = new GeweOptionCheck(getCamelContext());
            }
            return optionCheck;
        }
    }

    /**
     * The client an endpoint calls GeWe through: the one set on the component, else the component's own for the
     * endpoint's base URL and token, created on first use and closed with the component.
     *
     * @throws IllegalArgumentException when the endpoint has no token, a token that is a property placeholder the
     *                                  runtime left unresolved, or a base URL that is not a URL
     */
    GeweClient client(GeweConfiguration cfg) throws Exception {
        if (client != null) {
            return client;
        }
        String token = cfg.getToken();
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("gewe:" + cfg.getOperation() + " needs a GeWe token: set it on the "
                                               + "component (camel.component.gewe.token) or as the endpoint's token option");
        }
        String unresolved = GeweTokenCheck.unresolvedPlaceholder(token);
        if (unresolved != null) {
            throw new IllegalArgumentException("gewe:" + cfg.getOperation() + ": the GeWe token " + unresolved
                                               + ", not a token: " + GeweTokenCheck.HOW);
        }
        GeweHttpClient transport = transport();
        String key = cfg.getBaseUrl() + '\n' + token;
        synchronized (clientLock) {
            GeweClient known = clients.get(key);
            if (known == null) {
                try {
                    known = new HttpGeweClient(transport, this::classicTransport, cfg.getBaseUrl(), token);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("gewe:" + cfg.getOperation() + ": " + e.getMessage(), e);
                }
                clients.put(key, known);
            }
            return known;
        }
    }

    /** The pooled HTTP client every client of this component sends with; created on first use. */
    GeweHttpClient transport() throws Exception {
        synchronized (clientLock) {
            if (httpClient == null) {
                SSLContextParameters ssl = sslContextParameters;
                if (ssl == null && useGlobalSslContextParameters) {
                    ssl = retrieveGlobalSslContextParameters();
                }
                // one thread, and no queue limit: every call in flight has its deadline waiting here
                ThreadPoolProfile deadlines = new ThreadPoolProfile("GeweDeadlines");
                deadlines.setPoolSize(1);
                deadlines.setMaxPoolSize(1);
                deadlines.setMaxQueueSize(-1);
                deadlineThread = getCamelContext().getExecutorServiceManager().newScheduledThreadPool(this,
                        "GeweDeadlines", deadlines);
                transportSettings = new GeweHttpClient.Settings()
                        .maxConnections(maxConnections)
                        .maxResponseSize(maxResponseSize)
                        .deadlines(deadlineThread)
                        .connectTimeoutMillis(configuration.getConnectTimeout())
                        .proxy(proxyScheme, proxyHost, proxyPort == null ? -1 : proxyPort)
                        .sslContext(ssl == null ? null : ssl.createSSLContext(getCamelContext()));
                httpClient = new GeweHttpClient(transportSettings);
            }
            return httpClient;
        }
    }

    /**
     * The pooled classic (blocking) HTTP client of the calls made on the caller's thread (synchronous=true), with the
     * settings of {@link #transport()}; created on the first such call, so a component without synchronous endpoints
     * never has one.
     *
     * @throws java.util.concurrent.CancellationException when the component has stopped
     */
    GeweClassicHttpClient classicTransport() {
        synchronized (clientLock) {
            if (classicClient == null) {
                if (transportSettings == null || httpClient == null) {
                    throw new java.util.concurrent.CancellationException("the HTTP client is closed");
                }
                classicClient = new GeweClassicHttpClient(transportSettings);
            }
            return classicClient;
        }
    }

    /** The classic HTTP client if some call made it, else null; for tests of when it is made. */
    GeweClassicHttpClient classicTransportIfMade() {
        synchronized (clientLock) {
            return classicClient;
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
     * producer health checks are off (healthCheckProducerEnabled).
     *
     * @param client the client the check asks GeWe with (login/checkOnline)
     * @param appId  the account
     */
    GeweAccountHealthCheck accountHealth(GeweClient client, String appId) {
        if (!isHealthCheckProducerEnabled() || appId == null) {
            return null;
        }
        GeweAccountHealthCheck known = accountChecks.get(appId);
        if (known != null) {
            return known;
        }
        registerAccountChecks();
        return accountChecks.computeIfAbsent(appId, id -> {
            GeweAccountHealthCheck check = new GeweAccountHealthCheck(id, client, accounts, accountHealthRefresh);
            check.setCamelContext(getCamelContext());
            return check;
        });
    }

    /** Puts the accounts' checks in Camel's registry, as one repository, the first time one is needed. */
    private void registerAccountChecks() {
        synchronized (clientLock) {
            if (accountChecksRegistered == null) {
                HealthCheckRegistry registry = HealthCheckRegistry.get(getCamelContext());
                if (registry != null) {
                    accountChecksRegistered = new GeweAccountHealthChecks(accountChecks.values());
                    registry.register(accountChecksRegistered);
                }
            }
        }
    }

    /**
     * The state of the accounts this component has heard of (online, offline, unknown), from the outcome of their
     * calls, GeWe's Offline callbacks and checkOnline. Add a listener to act on a change, or read it with
     * {@link #getAccountState(String)}.
     */
    public GeweAccounts getAccounts() {
        return accounts;
    }

    /**
     * An account's state as the component knows it: UNKNOWN for one never heard of. Readable in a route with the
     * simple language, e.g. {@code ${camelContext.getComponent('gewe').getAccountState('wx_1').state}}.
     */
    public AccountStatus getAccountState(String appId) {
        return accounts.status(appId);
    }

    /** Whether the account is known to be online (a send went through, checkOnline said so, no refusal since). */
    public boolean isOnline(String appId) {
        return accounts.isOnline(appId);
    }

    /**
     * Forgets what is known of an account, OFFLINE included, so that its next call goes to GeWe: for an account logged
     * in again outside this application. A login through a gewe: endpoint does this by itself.
     */
    public void forgetAccountState(String appId) {
        accounts.forget(appId);
    }

    /** What the calls for an account came to, for the dev console; kept from the first call for it on. */
    AccountActivity activity(String appId) {
        synchronized (activity) {
            return activity.computeIfAbsent(appId, AccountActivity::new);
        }
    }

    /** The accounts' activity, as it is now. */
    java.util.List<AccountActivity> activities() {
        synchronized (activity) {
            return java.util.List.copyOf(activity.values());
        }
    }

    /** The accounts' health checks, by appId (none when producer health checks are off). */
    Map<String, GeweAccountHealthCheck> accountChecks() {
        return Map.copyOf(accountChecks);
    }

    /** The pacer, or null when no paced endpoint has started. */
    GewePacer pacerIfStarted() {
        synchronized (clientLock) {
            return pacer;
        }
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
                // one timer at most per account queue: Camel's default profile would bound the timers to its
                // maxQueueSize (1000) and refuse the rest, stranding those accounts' sends; accounts bound them here
                org.apache.camel.spi.ThreadPoolProfile timers = new org.apache.camel.spi.ThreadPoolProfile("GewePacer");
                timers.setPoolSize(1);
                timers.setMaxPoolSize(0);
                pacerThread = getCamelContext().getExecutorServiceManager()
                        .newScheduledThreadPool(this, "GewePacer", timers);
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
    protected void doStart() throws Exception {
        super.doStart();
        if (accountStateUri != null && !accountStateUri.isBlank()) {
            accountStateNotifier = new AccountStateNotifier(getCamelContext(), accountStateUri, accounts);
            org.apache.camel.support.service.ServiceHelper.startService(accountStateNotifier);
        }
    }

    @Override
    protected void doStop() throws Exception {
        org.apache.camel.support.service.ServiceHelper.stopService(accountStateNotifier);
        accountStateNotifier = null;
        synchronized (clientLock) {
            if (pacer != null) {
                pacer.stop();
                getCamelContext().getExecutorServiceManager().shutdownNow(pacerThread);
                pacer = null;
                pacerThread = null;
            }
            clients.values().forEach(GeweClient::close);
            clients.clear();
            if (classicClient != null) {
                classicClient.close();
                classicClient = null;
            }
            if (httpClient != null) {
                httpClient.close();
                httpClient = null;
                transportSettings = null;
                getCamelContext().getExecutorServiceManager().shutdownNow(deadlineThread);
                deadlineThread = null;
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
            if (registry != null && accountChecksRegistered != null) {
                registry.unregister(accountChecksRegistered);
            }
            accountChecksRegistered = null;
            accountChecks.clear();
        }
        super.doStop();
    }

    /** The configuration every endpoint starts from. */
    public GeweConfiguration getConfiguration() {
        return configuration;
    }

    /** Sets the configuration every endpoint starts from. */
    public void setConfiguration(GeweConfiguration configuration) {
        this.configuration = configuration;
    }

    /** The client set on the component, or null when it makes its own. */
    public GeweClient getClient() {
        return client;
    }

    /** Sets the client every endpoint calls GeWe through. */
    public void setClient(GeweClient client) {
        this.client = client;
    }

    /** Shortcut for {@code getConfiguration().setBaseUrl(baseUrl)}: the base URL of the GeWe API. */
    public void setBaseUrl(String baseUrl) {
        configuration.setBaseUrl(baseUrl);
    }

    /** Shortcut for {@code getConfiguration().setToken(token)}: the GeWe API token. */
    public void setToken(String token) {
        configuration.setToken(token);
    }

    /** Shortcut for {@code getConfiguration().setAppId(appId)}: the appId requests are made for. */
    public void setAppId(String appId) {
        configuration.setAppId(appId);
    }

    /** Shortcut for {@code getConfiguration().setPacing(pacing)}: whether sends and downloads are paced. */
    public void setPacing(boolean pacing) {
        configuration.setPacing(pacing);
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

    /** The endpoint each change of an account's state is sent to; null when none. */
    public String getAccountStateUri() {
        return accountStateUri;
    }

    /** Sets the endpoint each change of an account's state is sent to. */
    public void setAccountStateUri(String accountStateUri) {
        this.accountStateUri = accountStateUri;
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

    /** The connection pool size. */
    public int getMaxConnections() {
        return maxConnections;
    }

    /** Sets the connection pool size. */
    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    /** The largest answer accepted from GeWe, in bytes. */
    public int getMaxResponseSize() {
        return maxResponseSize;
    }

    /** Sets the largest answer accepted from GeWe, in bytes. */
    public void setMaxResponseSize(int maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
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
