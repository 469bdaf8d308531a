package io.camelgewe.gewe.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.camelgewe.gewe.simulator.Reply.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process simulator of the GeWe API, for testing clients of GeWe (this component, and users' own Camel routes)
 * without a WeChat account.
 * <p>
 * It listens on {@code 127.0.0.1} and answers every operation of GeWe's catalog at
 * {@code POST {baseUrl}/{module}/{action}} the way GeWe does: the same envelope ({@code ret}, {@code msg},
 * {@code data}), the same checks (token header, required fields, JSON types, device, online state) and the same error
 * messages where GeWe's are known, with {@code data} shaped as the catalog documents it. Sends answer with fresh
 * 19-digit ids, downloads with URLs the simulator serves itself, {@code login/setCallback} pings the registered URL.
 * <pre>{@code
 * try (GeweSimulator gewe = GeweSimulator.start()) {
 *     String uri = "gewe:postText?baseUrl=" + gewe.baseUrl() + "&token=" + gewe.token() + "&appId=" + gewe.appId();
 *     ... run the route ...
 *     assertEquals(1, gewe.sentCount());
 *     assertEquals("wxid_friend", gewe.lastRequest().field("toWxid").asText());
 * }
 * }</pre>
 * For tests of failure handling it injects faults ({@link #failNext}, {@link #setFaultRate}), latency
 * ({@link #setLatency}) and offline accounts ({@link #setOnline}); it records every request ({@link #requests()}) and
 * counts replies ({@link #acceptedCount()}, {@link #sentCount()}, {@link #failedCount()}, {@link #totalCount()}).
 * It also plays what GeWe does that its docs leave out: an offline account whose checkOnline still answers true
 * ({@link #setCheckOnlineLies}), a refusal whose reason is only in {@code data.detail}'s {@code msg_err}
 * ({@link Fault#MSG_ERR}), {@code {"ret":500,"msg":null}} ({@link Fault#NULL_MSG}) and a send answered with
 * {@code msgId} 0 ({@link Fault#ZERO_MSG_ID}).
 * <p>
 * It is built for load as well as for correctness: a few server threads, replies delayed by a scheduler rather than by
 * sleeping threads (a thousand slow requests in flight cost no thread each), per-operation replies prepared in advance,
 * and a bounded, lock-free request log. All methods are thread-safe.
 * <p>
 * <b>TCP_NODELAY.</b> The JDK's HTTP server writes a reply's headers and body in two packets; with Nagle's algorithm
 * on, the body waits for the client's delayed ACK, some 40 ms per request on Linux. The JDK reads its switch,
 * {@code sun.net.httpserver.nodelay}, once, when the first {@code HttpServer} of the JVM is created; loading this class
 * sets it to {@code true} unless it is set already. If another {@code HttpServer} was created before this class was
 * loaded, the switch comes too late: pass {@code -Dsun.net.httpserver.nodelay=true} to the JVM. The simulator logs a
 * warning when it detects the delay.
 */
public final class GeweSimulator implements AutoCloseable {

    /** The port {@link #main} listens on by default: the self-hosted GeWe's port. */
    public static final int DEFAULT_PORT = 2531;
    /** The account every simulator starts with, logged in and online. */
    public static final String DEFAULT_APP_ID = "wx_sim_app";
    /** The size of a downloaded file unless {@link #setDownloadSize} says otherwise. */
    public static final long DEFAULT_DOWNLOAD_SIZE = 4096;
    /** How many requests are kept unless {@link #setRecordingCapacity} says otherwise. */
    public static final int DEFAULT_RECORDING_CAPACITY = 10_000;
    /** The size of a send's media when its URL has no {@code size} parameter, for {@link #setMediaUploadRate}. */
    public static final long DEFAULT_MEDIA_SIZE = 1024 * 1024;
    /** The API's path, as on GeWe's cloud service. */
    public static final String API_PATH = "/gewe/v2/api";

    private static final String NODELAY = "sun.net.httpserver.nodelay";
    private static final String MAX_IDLE = "sun.net.httpserver.maxIdleConnections";
    private static final String PROBE_PATH = "/__gewe_sim_probe";
    private static final Logger LOG = LoggerFactory.getLogger(GeweSimulator.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int SERVER_THREADS = 4;
    private static final int BACKLOG = 1024;
    private static final Map<String, String> MEDIA_FIELDS = Map.of("message/postImage", "imgUrl",
            "message/postVideo", "videoUrl", "message/postVoice", "voiceUrl", "message/postFile", "fileUrl");
    private static final java.util.regex.Pattern SIZE_PARAM = java.util.regex.Pattern.compile("[?&]size=(\\d{1,15})");

    static {
        // must happen before the JDK creates its first HttpServer: see the class comment
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
        // the JDK server closes idle keep-alive connections beyond 200, and a client's next send on one fails: a
        // load test or a thousand sends in flight keep more than that
        if (System.getProperty(MAX_IDLE) == null) {
            System.setProperty(MAX_IDLE, "4096");
        }
    }

    /** Thrown from the handler to make the JDK server close the connection without a response. */
    private static final class DropConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DropConnection() {
            super("GeweSimulator drops this connection (Fault.DROP_CONNECTION)", null, false, false);
        }
    }

    private static final DropConnection DROP = new DropConnection();

    // --- configuration: volatile, read on every request, written rarely
    private volatile String token = UUID.randomUUID().toString();
    private final Map<String, Boolean> accounts = new ConcurrentHashMap<>();
    private final java.util.Set<String> lyingCheckOnline = ConcurrentHashMap.newKeySet();
    private volatile boolean[] imageTypes = {false, true, true, true};
    private volatile long downloadSize = DEFAULT_DOWNLOAD_SIZE;
    private volatile long latencyNanos;
    private volatile long uploadRate;
    private volatile URI callbackUrl;
    private volatile Duration callbackTimeout = Duration.ofSeconds(3);
    private volatile boolean callbackPing = true;
    private volatile boolean recording = true;
    private volatile RequestLog log = new RequestLog(DEFAULT_RECORDING_CAPACITY);

    // --- counters
    private final LongAdder total = new LongAdder();
    private final AtomicLong systemMsgIds = new AtomicLong(1_040_000_000L);
    private final LongAdder accepted = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder failed = new LongAdder();

    private final FaultPlan faults = new FaultPlan();
    private final SimulatedFiles files = new SimulatedFiles();
    private final Replies replies;
    private volatile HttpClient callbackClient;

    // --- lifecycle, guarded by this
    /** Volatile rather than guarded: the handler threads read it for every download URL. */
    private volatile int port;
    private HttpServer server;
    private ExecutorService serverPool;
    private ScheduledThreadPoolExecutor delayer;
    private ExecutorService filePool;
    private boolean probed;

    /** A simulator that will listen on an ephemeral port; call {@link #listen()} to start it. */
    public GeweSimulator() {
        this(0);
    }

    /**
     * A simulator that will listen on this port (0 for an ephemeral one); call {@link #listen()} to start it.
     * Once started it keeps its port: {@link #restart()} and {@link #listen()} after {@link #stop()} reuse it.
     */
    public GeweSimulator(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Not a port: " + port);
        }
        this.port = port;
        accounts.put(DEFAULT_APP_ID, Boolean.TRUE);
        this.replies = new Replies(this, MAPPER);
    }

    /** Starts a simulator on an ephemeral port of 127.0.0.1. */
    public static GeweSimulator start() {
        return new GeweSimulator(0).listen();
    }

    /** Starts a simulator on this port of 127.0.0.1 (0 for an ephemeral one). */
    public static GeweSimulator start(int port) {
        return new GeweSimulator(port).listen();
    }

    /**
     * Runs a simulator until the JVM is stopped: {@code java ... GeweSimulator [port [token]]}, port 2531 by default,
     * 0 for any free port; from a checkout, {@code mvn -B -q -pl camel-gewe-component/camel-gewe-simulator compile
     * exec:java@simulator [-Dexec.args=2532]}. Prints the base URL, the token and the account to configure a client with.
     */
    public static void main(String[] args) throws InterruptedException {
        GeweSimulator sim = new GeweSimulator(args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT);
        if (args.length > 1) {
            sim.setToken(args[1]);
        }
        sim.listen();
        Runtime.getRuntime().addShutdownHook(new Thread(sim::stop, "gewe-sim-shutdown"));
        System.out.println("GeWe simulator listening");
        System.out.println("  baseUrl: " + sim.baseUrl());
        System.out.println("  token:   " + sim.token());
        System.out.println("  appId:   " + sim.appId());
        new CountDownLatch(1).await();
    }

    // ------------------------------------------------------------------------------------------------ lifecycle

    /**
     * Starts listening, on the port given to the constructor or, after a {@link #stop()}, on the port it had.
     *
     * @return this simulator
     * @throws IllegalStateException when it is already listening
     * @throws java.io.UncheckedIOException when the port cannot be bound
     */
    public synchronized GeweSimulator listen() {
        if (server != null) {
            throw new IllegalStateException("The GeWe simulator is already listening on port " + port);
        }
        HttpServer created;
        try {
            created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("The GeWe simulator cannot listen on 127.0.0.1:" + port, e);
        }
        port = created.getAddress().getPort();
        serverPool = Executors.newFixedThreadPool(SERVER_THREADS, threads("gewe-sim-http-" + port + "-"));
        delayer = new ScheduledThreadPoolExecutor(2, threads("gewe-sim-delay-" + port + "-"));
        delayer.setRemoveOnCancelPolicy(true);
        filePool = Executors.newCachedThreadPool(threads("gewe-sim-file-" + port + "-"));
        created.setExecutor(serverPool);
        created.createContext("/", this::handle);
        created.start();
        server = created;
        LOG.debug("GeWe simulator listening at {}", baseUrl());
        if (!probed) {
            probed = true;
            warnIfNagle();
        }
        return this;
    }

    /**
     * Stops listening and closes every connection at once, without answering what is in flight (delayed replies are
     * dropped). The simulator keeps its state (token, accounts, counters, recorded requests) and can listen again.
     */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        // stop(0): no grace period, the JDK closes all connections, idle or busy
        server.stop(0);
        server = null;
        delayer.shutdownNow();
        filePool.shutdownNow();
        serverPool.shutdownNow();
        LOG.debug("GeWe simulator on port {} stopped", port);
    }

    /** Stops (if listening) and listens again on the same port. */
    public synchronized GeweSimulator restart() {
        stop();
        return listen();
    }

    /** Whether the simulator is listening. */
    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** The port it listens on (or will listen on, or last listened on). */
    public int port() {
        return port;
    }

    /** The base URL to configure a GeWe client with: {@code http://127.0.0.1:<port>/gewe/v2/api}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + API_PATH;
    }

    // ------------------------------------------------------------------------------------------------ accounts

    /** The token GeWe accepts in the {@code X-GEWE-TOKEN} header: random unless set. */
    public String token() {
        return token;
    }

    /** Sets the accepted token; requests with any other token fail as GeWe's do. */
    public void setToken(String token) {
        if (token == null || token.isEmpty()) {
            throw new IllegalArgumentException("The token must not be empty");
        }
        this.token = token;
    }

    /** The default account, logged in and online: {@value #DEFAULT_APP_ID}. */
    public String appId() {
        return DEFAULT_APP_ID;
    }

    /** Adds a logged-in, online account (GeWe's "device"); an existing one is set online. */
    public void addAccount(String appId) {
        if (appId == null || appId.isEmpty()) {
            throw new IllegalArgumentException("The appId must not be empty");
        }
        accounts.put(appId, Boolean.TRUE);
    }

    /**
     * Sets an account online or offline. Offline, its sends fail with GeWe's
     * {@code 发送消息失败-微信已离线(-1)} and {@code login/checkOnline} answers {@code false}.
     *
     * @throws IllegalArgumentException for an account the simulator does not have
     */
    public void setOnline(String appId, boolean online) {
        if (accounts.replace(appId, online) == null) {
            throw new IllegalArgumentException("The GeWe simulator has no account " + appId + "; add it first");
        }
    }

    /**
     * Makes {@code login/checkOnline} answer {@code true} for this account even while it is offline
     * ({@link #setOnline} false), as GeWe does (Devo919/Gewechat #224): the account's sends are refused with
     * {@code 发送消息失败-微信已离线(-1)} while checkOnline says all is well. {@link #reset()} turns it off.
     *
     * @throws IllegalArgumentException for an account the simulator does not have
     */
    public void setCheckOnlineLies(String appId, boolean lies) {
        if (!accounts.containsKey(appId)) {
            throw new IllegalArgumentException("The GeWe simulator has no account " + appId + "; add it first");
        }
        if (lies) {
            lyingCheckOnline.add(appId);
        } else {
            lyingCheckOnline.remove(appId);
        }
    }

    /** Whether checkOnline answers true for this account whatever its state ({@link #setCheckOnlineLies}). */
    boolean checkOnlineLies(String appId) {
        return lyingCheckOnline.contains(appId);
    }

    /** Whether the account is online; false for an unknown one. */
    public boolean isOnline(String appId) {
        return Boolean.TRUE.equals(accounts.get(appId));
    }

    /** The account's online flag, or null when there is no such account. */
    Boolean accountOnline(String appId) {
        return accounts.get(appId);
    }

    // ------------------------------------------------------------------------------------------------ media

    /**
     * Which downloadImage {@code type}s succeed (1 HD, 2 normal, 3 thumbnail; all three by default). GeWe does not have
     * every size of every image; asking for a missing one fails with {@code 下载图片失败}.
     */
    public void setImageTypesAvailable(int... types) {
        boolean[] available = new boolean[4];
        for (int t : types) {
            if (t < 1 || t > 3) {
                throw new IllegalArgumentException("downloadImage types are 1, 2 and 3, not " + t);
            }
            available[t] = true;
        }
        imageTypes = available;
    }

    boolean imageTypeAvailable(int type) {
        boolean[] available = imageTypes;
        return type >= 1 && type <= 3 && available[type];
    }

    /**
     * The size of the files behind the download URLs issued from now on. Files are generated while they are sent, so
     * the size may exceed the heap.
     */
    public void setDownloadSize(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("A file size cannot be negative: " + bytes);
        }
        downloadSize = bytes;
    }

    /** A new download URL served by this simulator. */
    String fileUrl(String extension) {
        return "http://127.0.0.1:" + port() + files.issue(downloadSize, extension);
    }

    // ------------------------------------------------------------------------------------------------ callbacks

    /** The callback URL registered through {@code login/setCallback} or {@link #setCallbackUrl}, or null. */
    public URI callbackUrl() {
        return callbackUrl;
    }

    /** Registers a callback URL without a {@code login/setCallback} call (and without its ping). */
    public void setCallbackUrl(URI url) {
        callbackUrl = url;
    }

    /** How long a callback push waits for the receiver: GeWe gives up after 3 seconds, the default. */
    public void setCallbackTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The callback timeout must be positive, got " + timeout);
        }
        callbackTimeout = timeout;
    }

    /**
     * Whether {@code login/setCallback} is followed by GeWe's ping (true, the default). False plays the silent
     * callback users of GeWe report: the registration answers success, and the URL never hears from GeWe.
     */
    public void setCallbackPing(boolean on) {
        callbackPing = on;
    }

    /**
     * Pushes a system message as GeWe does (an AddMsg of MsgType 10002 to the registered callback URL, for the
     * default account), with what GeWe puts in its ids: a NewMsgId that is not an id but the push's time in seconds
     * (10 digits, the same as its CreateTime; two system messages of one second share it), and a MsgId of its own.
     *
     * @param  fromWxid             the contact or group the message is about
     * @param  xml                  the content, e.g. {@code <sysmsg type="revokemsg">...</sysmsg>}
     * @param  pushTime             the push's time; its seconds become NewMsgId and CreateTime
     * @return                      the receiver's HTTP status
     * @throws IllegalStateException when no callback URL is registered
     * @throws IOException           when the receiver cannot be reached or does not answer in time
     * @throws InterruptedException  when interrupted while waiting
     */
    public int pushSystemMessage(String fromWxid, String xml, Instant pushTime) throws IOException, InterruptedException {
        long seconds = pushTime.getEpochSecond();
        var push = MAPPER.createObjectNode().put("TypeName", "AddMsg").put("Appid", appId()).put("Wxid", "wxid_sim");
        var data = push.putObject("Data");
        data.put("MsgId", systemMsgIds.incrementAndGet());
        data.putObject("FromUserName").put("string", fromWxid);
        data.putObject("ToUserName").put("string", "wxid_sim");
        data.put("MsgType", 10002);
        data.putObject("Content").put("string", xml);
        data.put("CreateTime", seconds);
        data.put("NewMsgId", seconds);
        return pushCallback(push.toString());
    }

    /**
     * Pushes a message in the flat, lower-case "v2" shape some GeWe deployments push instead of the documented
     * {@code TypeName}/{@code Data} envelope (as chen-zhanjie/gewe-hub records it): {@code appid}, {@code wxid},
     * {@code msgType} as a name ({@code "TEXT"}, {@code "IMAGE"}, {@code "APP_MSG"}...), {@code msgId}, a 64-bit
     * {@code newMsgId}, {@code createTime} in milliseconds, {@code content}, {@code fromUser} (the real sender, also in
     * groups), {@code fromGroup}, {@code toUser}, {@code isSelf}; for the default account.
     *
     * @param  msgType              the v2 type name, e.g. {@code "TEXT"}
     * @param  fromUser             who sent it
     * @param  fromGroup            the group (NNN@chatroom) it was sent in; null for a private message
     * @param  content              the text, or the message's XML
     * @return                      the receiver's HTTP status
     * @throws IllegalStateException when no callback URL is registered
     * @throws IOException           when the receiver cannot be reached or does not answer in time
     * @throws InterruptedException  when interrupted while waiting
     */
    public int pushFlatMessage(String msgType, String fromUser, String fromGroup, String content)
            throws IOException, InterruptedException {
        var push = MAPPER.createObjectNode().put("appid", appId()).put("wxid", "wxid_sim").put("msgType", msgType);
        push.put("msgId", systemMsgIds.incrementAndGet());
        // as text: the shape's own documentation warns that JavaScript readers round 64-bit ids
        push.put("newMsgId", Long.toString(Ids.newMsgId(ThreadLocalRandom.current())));
        push.put("createTime", System.currentTimeMillis());
        push.put("content", content).put("fromUser", fromUser).put("toUser", "wxid_sim");
        if (fromGroup != null) {
            push.put("fromGroup", fromGroup);
        }
        push.put("isSelf", false);
        return pushCallback(push.toString());
    }

    /**
     * POSTs a raw JSON callback (a message, a contact change...) to the registered callback URL, as GeWe pushes.
     *
     * @return the receiver's HTTP status
     * @throws IllegalStateException when no callback URL is registered
     * @throws IOException           when the receiver cannot be reached or does not answer in time
     * @throws InterruptedException  when interrupted while waiting
     */
    public int pushCallback(String json) throws IOException, InterruptedException {
        URI url = callbackUrl;
        if (url == null) {
            throw new IllegalStateException("No callback URL registered: call login/setCallback or setCallbackUrl");
        }
        return pushCallback(url, json);
    }

    /**
     * POSTs a raw JSON callback to this URL, as GeWe pushes.
     *
     * @return the receiver's HTTP status
     * @throws IOException          when the receiver cannot be reached or does not answer in time
     * @throws InterruptedException when interrupted while waiting
     */
    public int pushCallback(URI url, String json) throws IOException, InterruptedException {
        return callbackClient().send(callbackRequest(url, json), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    void registerCallback(URI url) {
        callbackUrl = url;
    }

    /** GeWe's registration ping, sent after setCallback has been answered; a failure is only logged, as GeWe does. */
    void pingCallback(URI url, String pingToken) {
        if (!callbackPing) {
            // the URL may carry the receiver's secret: not logged
            LOG.debug("GeWe simulator: no registration ping sent (setCallbackPing(false))");
            return;
        }
        String json = MAPPER.createObjectNode().put("testMsg", "回调地址链接成功！").put("token", pingToken).toString();
        callbackClient().sendAsync(callbackRequest(url, json), HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, error) -> {
                    // the URL's query may carry the receiver's secret: only where it points is logged
                    String where = url.getScheme() + "://" + url.getHost() + ":" + url.getPort() + url.getPath();
                    if (error != null) {
                        LOG.warn("GeWe simulator: the callback ping to {} failed: {}", where, error.toString());
                    } else {
                        LOG.debug("GeWe simulator: the callback ping to {} answered {}", where, response.statusCode());
                    }
                });
    }

    private HttpRequest callbackRequest(URI url, String json) {
        return HttpRequest.newBuilder(url).timeout(callbackTimeout)
                .header("Content-Type", "application/json;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
    }

    private HttpClient callbackClient() {
        HttpClient client = callbackClient;
        if (client == null) {
            synchronized (this) {
                if (callbackClient == null) {
                    // HTTP/1.1: the JDK client's default would offer an h2c upgrade, which GeWe never does
                    callbackClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofSeconds(3)).build();
                }
                client = callbackClient;
            }
        }
        return client;
    }

    // ------------------------------------------------------------------------------------------------ recording

    /** The recorded requests, oldest first (the last {@link #setRecordingCapacity capacity} of them). */
    public List<RecordedRequest> requests() {
        return log.snapshot();
    }

    /**
     * The recorded requests for one operation, given as {@code module/action} or as a bare action name (which matches
     * that action in every module that has it, as {@code search} does in three).
     */
    public List<RecordedRequest> requests(String qualifiedOrActionName) {
        List<RecordedRequest> out = new ArrayList<>();
        for (RecordedRequest r : log.snapshot()) {
            if (r.isFor(qualifiedOrActionName)) {
                out.add(r);
            }
        }
        return List.copyOf(out);
    }

    /** The most recent recorded request, or null. */
    public RecordedRequest lastRequest() {
        return log.last();
    }

    /** Forgets the recorded requests (the counters are kept: see {@link #resetCounters()}). */
    public void clearRequests() {
        log.clear();
    }

    /** Turns recording on or off; off, requests are still counted. */
    public void setRecording(boolean on) {
        recording = on;
    }

    /** How many requests are kept ({@value #DEFAULT_RECORDING_CAPACITY} by default); forgets those kept so far. */
    public void setRecordingCapacity(int capacity) {
        log = new RequestLog(capacity);
    }

    // ------------------------------------------------------------------------------------------------ counters

    /** API requests received (any path except downloads of {@code /files/}, any method, answered or not yet). */
    public long totalCount() {
        return total.sum();
    }

    /** API requests answered {@code ret 200}. */
    public long acceptedCount() {
        return accepted.sum();
    }

    /** Sends (postText, postImage, forward...) answered {@code ret 200}; a subset of {@link #acceptedCount()}. */
    public long sentCount() {
        return sent.sum();
    }

    /**
     * API requests answered with anything else: a {@code ret 500} envelope, an HTTP error, an injected fault
     * (LATENCY_SPIKE excepted), a dropped connection. Once every reply is out,
     * {@code acceptedCount() + failedCount() == totalCount()}.
     */
    public long failedCount() {
        return failed.sum();
    }

    /** How many times this fault was injected. */
    public long faultCount(Fault fault) {
        return faults.injected(fault);
    }

    /** Sets every counter, fault counts included, back to zero. */
    public void resetCounters() {
        total.reset();
        accepted.reset();
        sent.reset();
        failed.reset();
        faults.resetCounts();
    }

    // ------------------------------------------------------------------------------------------------ faults

    /** Injects this fault into the next API request. */
    public void failNext(Fault fault) {
        failNext(1, fault);
    }

    /** Injects this fault into the next {@code count} API requests, after any fault already queued. */
    public void failNext(int count, Fault fault) {
        faults.failNext(count, fault);
    }

    /**
     * Injects this fault at random into this share of API requests (0 to 1; the rates of all faults together at most
     * 1). Queued faults ({@link #failNext}) come first. Reproducible with {@link #setSeed}.
     */
    public void setFaultRate(Fault fault, double probability) {
        faults.setRate(fault, probability);
    }

    /** Seeds the random fault draw: the same seed and the same requests give the same faults. */
    public void setSeed(long seed) {
        faults.setSeed(seed);
    }

    /** Cancels queued faults and sets every rate to 0 (latency settings and fault counts are kept). */
    public void clearFaults() {
        faults.clear();
    }

    /**
     * Models GeWe's download-and-upload of the media a send names: postImage, postVideo, postVoice and postFile answer
     * after {@code size / bytesPerSecond}, where size is the media URL's {@code size} query parameter (bytes) or
     * {@link #DEFAULT_MEDIA_SIZE}. Forwards, which reuse WeChat's CDN, upload nothing. 0 (the default) turns it off.
     */
    public void setMediaUploadRate(long bytesPerSecond) {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("bytesPerSecond must not be negative: " + bytesPerSecond);
        }
        uploadRate = bytesPerSecond;
    }

    private long uploadNanos(Replies.Plan plan, JsonNode json) {
        long rate = uploadRate;
        String field = rate <= 0 || json == null ? null : MEDIA_FIELDS.get(plan.op.qualifiedName());
        JsonNode url = field == null ? null : json.get(field);
        if (url == null || !url.isTextual()) {
            return 0;
        }
        long size = DEFAULT_MEDIA_SIZE;
        java.util.regex.Matcher m = SIZE_PARAM.matcher(url.asText());
        if (m.find()) {
            size = Long.parseLong(m.group(1));
        }
        return (long) (size * 1e9 / rate);
    }

    /** Delays every API reply by this much (zero by default); the delay costs no thread. */
    public void setLatency(Duration latency) {
        latencyNanos = FaultPlan.nonNegative(latency, "latency").toNanos();
    }

    /** The extra delay of a {@link Fault#LATENCY_SPIKE} (2 seconds by default). */
    public void setSpikeLatency(Duration spike) {
        faults.setSpike(spike);
    }

    /**
     * Back to a fresh simulator, keeping the port, the token and the accounts: every account online, all image types
     * available, default download size, no latency, no faults, no callback URL, no recorded requests, zero counters.
     */
    public void reset() {
        clearFaults();
        faults.setSpike(Duration.ofSeconds(2));
        latencyNanos = 0;
        uploadRate = 0;
        accounts.replaceAll((k, v) -> Boolean.TRUE);
        lyingCheckOnline.clear();
        imageTypes = new boolean[] {false, true, true, true};
        downloadSize = DEFAULT_DOWNLOAD_SIZE;
        callbackUrl = null;
        recording = true;
        clearRequests();
        resetCounters();
    }

    @Override
    public String toString() {
        return "GeweSimulator[" + baseUrl() + (isRunning() ? "" : ", stopped") + "]";
    }

    // ------------------------------------------------------------------------------------------------ serving

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (path.startsWith(SimulatedFiles.PREFIX)) {
            serveFile(exchange, path);
        } else if (path.equals(PROBE_PATH)) {
            exchange.getRequestBody().readAllBytes();
            write(exchange, replies.notFound);
        } else {
            serveApi(exchange, path);
        }
    }

    private void serveApi(HttpExchange exchange, String path) throws IOException {
        // always drain the body: the JDK server can only reuse the connection once it is read
        byte[] body = exchange.getRequestBody().readAllBytes();
        String method = exchange.getRequestMethod();
        Replies.Plan plan = path.startsWith(API_PATH) ? replies.plan(path.substring(API_PATH.length())) : null;
        JsonNode json = parse(body);
        total.increment();
        if (recording) {
            log.add(new RecordedRequest(method, path, plan == null ? null : plan.op.qualifiedName(),
                    new FirstValueHeaders(exchange.getRequestHeaders()), body, json, Instant.now()));
        }
        if (plan == null) {
            deliver(exchange, replies.notFound, true);
            return;
        }
        if (!"POST".equals(method)) {
            exchange.getResponseHeaders().set("Allow", "POST");
            deliver(exchange, replies.methodNotAllowed, true);
            return;
        }
        Fault fault = faults.next();
        long delay = latencyNanos;
        Reply reply;
        if (fault == Fault.ZERO_MSG_ID) {
            reply = replies.withZeroIds(replies.answer(plan, exchange.getRequestHeaders(), json));
        } else if (fault == null || fault == Fault.LATENCY_SPIKE) {
            reply = replies.answer(plan, exchange.getRequestHeaders(), json);
            if (fault != null) {
                delay += faults.spikeNanos();
            }
            delay += uploadNanos(plan, json);
        } else {
            reply = replies.fault(fault);
        }
        if (delay <= 0) {
            deliver(exchange, reply, true);
            return;
        }
        // the handler returns now; the reply is written later from the scheduler, so a slow request holds no thread
        try {
            delayer.schedule(() -> deliverLater(exchange, reply), delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            exchange.close();
        }
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException notJson) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private void deliverLater(HttpExchange exchange, Reply reply) {
        try {
            deliver(exchange, reply, false);
        } catch (IOException | RuntimeException e) {
            // the client went away or the simulator is stopping: nobody is left to tell
            LOG.debug("GeWe simulator: a delayed reply could not be written: {}", e.toString());
            exchange.close();
        }
    }

    /** Counts and writes a reply; {@code inHandler} tells whether the JDK's handler call is still on the stack. */
    private void deliver(HttpExchange exchange, Reply reply, boolean inHandler) throws IOException {
        switch (reply.outcome()) {
            case SENT:
                sent.increment();
                accepted.increment();
                break;
            case ACCEPTED:
                accepted.increment();
                break;
            default:
                failed.increment();
        }
        if (reply.outcome() == Outcome.DROP) {
            if (inHandler) {
                // the JDK then closes the connection and forgets it, leaving nothing behind
                throw DROP;
            }
            // after the handler returned, closing an exchange before its headers are sent closes the connection
            exchange.close();
            return;
        }
        write(exchange, reply);
        if (reply.afterReply() != null) {
            reply.afterReply().run();
        }
    }

    private static void write(HttpExchange exchange, Reply reply) throws IOException {
        byte[] body = reply.body();
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    private void serveFile(HttpExchange exchange, String path) throws IOException {
        exchange.getRequestBody().readAllBytes();
        if (recording) {
            log.add(new RecordedRequest(exchange.getRequestMethod(), path, null,
                    new FirstValueHeaders(exchange.getRequestHeaders()), new byte[0], null, Instant.now()));
        }
        if (!"GET".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "GET");
            write(exchange, replies.methodNotAllowed);
            return;
        }
        SimulatedFiles.FileRef file = files.resolve(path);
        if (file == null) {
            write(exchange, replies.notFound);
            return;
        }
        try {
            filePool.execute(() -> {
                try {
                    SimulatedFiles.stream(exchange, file);
                } catch (IOException e) {
                    LOG.debug("GeWe simulator: the download of {} ended early: {}", path, e.toString());
                    exchange.close();
                }
            });
        } catch (RejectedExecutionException stopping) {
            exchange.close();
        }
    }

    /**
     * Five requests on one connection take well under a millisecond each with TCP_NODELAY, and some 40 ms each
     * without it: see the class comment. The median request decides, not the total: in a JVM that has just started
     * (a standalone simulator, a test's first one) a single request can take 100 ms or more while classes load, and
     * that is no reason to warn.
     */
    private void warnIfNagle() {
        byte[] request = ("POST " + PROBE_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n\r\n{}")
                .getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            long[] nanos = new long[5];
            for (int i = 0; i < nanos.length; i++) {
                long started = System.nanoTime();
                out.write(request);
                out.flush();
                readProbeReply(in);
                nanos[i] = System.nanoTime() - started;
            }
            Arrays.sort(nanos);
            long medianMillis = nanos[nanos.length / 2] / 1_000_000;
            if (medianMillis >= 20) {
                LOG.warn("GeWe simulator: a request takes {} ms: TCP_NODELAY is off for the JDK HTTP server (an "
                         + "HttpServer was created before GeweSimulator was loaded). Run the JVM with -D{}=true.",
                        medianMillis, NODELAY);
            }
        } catch (IOException e) {
            LOG.debug("GeWe simulator: the TCP_NODELAY probe failed: {}", e.toString());
        }
    }

    private static void readProbeReply(InputStream in) throws IOException {
        // the probe's reply is the fixed 404 body: read to its last byte, the closing brace
        int b;
        boolean inBody = false;
        int newlines = 0;
        while ((b = in.read()) >= 0) {
            if (!inBody) {
                newlines = b == '\n' ? newlines + 1 : b == '\r' ? newlines : 0;
                inBody = newlines == 2;
            } else if (b == '}') {
                return;
            }
        }
        throw new IOException("The probe connection closed early");
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, prefix + count.incrementAndGet());
            // daemon: these pools never hold the JVM up by themselves (the JDK's dispatcher thread, alive only while
            // listening, is what keeps a standalone simulator running)
            t.setDaemon(true);
            return t;
        };
    }
}
