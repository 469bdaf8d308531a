package io.camelgewe.gewe.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.camelgewe.gewe.GeweComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;

/**
 * Callback intake: how many of GeWe's pushes per second {@code from("gewe:callback")} accepts, with deduplication on,
 * and how long its answers take, against a bare platform-http route that answers 200 on the same server.
 * <p>
 * Both listen through Camel platform-http on the server camel-platform-http-main runs (the one
 * {@code camel.server.port} configures under Camel Main), here started on a free loopback port in this JVM. N posting
 * clients (HttpClient 5 async, closed loop) POST GeWe callback JSON ({@code AddMsg}, text); every tenth post repeats
 * the previous NewMsgId, so a tenth of the pushes are duplicates the consumer must drop. Afterwards the number of
 * exchanges the route saw must equal the number of distinct messages posted.
 */
final class CallbackIntakeBench {

    static final String CALLBACK_URI = "gewe:callback";
    static final String CALLBACK_PATH = "/gewe/callback";
    static final String BARE_PATH = "/bench/bare";
    static final String APP_ID = "wx_sim_app";

    private CallbackIntakeBench() {
    }

    static void run(GeweBenchmarks.Settings s, Report report, PrintStream progress) throws Exception {
        int port = freePort();
        LongAdder routed = new LongAdder();
        try (CamelContext ctx = new DefaultCamelContext()) {
            MainHttpServer server = new MainHttpServer();
            server.setCamelContext(ctx);
            server.setHost("127.0.0.1");
            server.setPort(port);
            ctx.addService(server, true, true);
            GeweComponent component = new GeweComponent();
            component.setToken(SimulatorProcess.TOKEN);
            component.setAppId(APP_ID);
            ctx.addComponent("gewe", component);
            ctx.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("platform-http:" + BARE_PATH + "?httpMethodRestrict=POST").routeId("bare")
                            .setBody(constant("OK"));
                    from(CALLBACK_URI).routeId("callback").process(e -> routed.increment());
                }
            });
            ctx.start();

            Poster bare = new Poster("bare platform-http", URI.create("http://127.0.0.1:" + port + BARE_PATH), s.callbackClients());
            Poster gewe = new Poster("gewe:callback", URI.create("http://127.0.0.1:" + port + CALLBACK_PATH),
                    s.callbackClients());
            try {
                ClosedLoop loop = new ClosedLoop();
                List<ClosedLoop.Window> bareW = new ArrayList<>();
                List<ClosedLoop.Window> geweW = new ArrayList<>();
                loop.run(bare, s.callbackClients(), s.warmMillis(), s.measureMillis());
                loop.run(gewe, s.callbackClients(), s.warmMillis(), s.measureMillis());
                for (int r = 0; r < s.rounds(); r++) {
                    Poster[] order = r % 2 == 0 ? new Poster[] { gewe, bare } : new Poster[] { bare, gewe };
                    for (Poster p : order) {
                        ClosedLoop.Window w = loop.run(p, s.callbackClients(), s.settleMillis(), s.measureMillis());
                        (p == gewe ? geweW : bareW).add(w);
                        progress.printf(Locale.ROOT, "[bench] callback round %d: %s %.0f pushes/s, p99 %.0f µs, CPU %.1f µs/push%n",
                                r + 1, p.name, w.perSecond(), w.p99Micros(), w.cpuMicrosPerRequest());
                    }
                }
                ClosedLoop.Window b = GeweBenchmarks.medianWindow(bareW);
                String label = String.format(Locale.ROOT, "Callback intake, %d posting clients, 10%% duplicates",
                        s.callbackClients());
                String baseline = String.format(Locale.ROOT, "bare platform-http: %s pushes/s, p99 %s",
                        GeweBenchmarks.num(b.perSecond()), GeweBenchmarks.micros(b.p99Micros()));
                // let the routes finish what was accepted, then check the deduplication
                long expected = gewe.uniqueOk.sum();
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (routed.sum() < expected && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                // a quiet 200 ms more: a duplicate routed by mistake would come after the count was reached, and it
                // must show as routed > expected rather than be missed; there is no event for "nothing more came"
                Thread.sleep(200);
                ClosedLoop.Window g = GeweBenchmarks.medianWindow(geweW);
                long dups = gewe.duplicateOk.sum();
                boolean exact = routed.sum() == expected;
                report.add(label,
                        String.format(Locale.ROOT, "%s pushes/s, p99 %s; routed %s of %s posts (%s duplicates) %s",
                                GeweBenchmarks.num(g.perSecond()), GeweBenchmarks.micros(g.p99Micros()),
                                GeweBenchmarks.num(routed.sum()), GeweBenchmarks.num(expected + dups),
                                GeweBenchmarks.num(dups), exact ? "= distinct" : "!= distinct " + expected),
                        baseline,
                        String.format(Locale.ROOT, "%.0f%% of bare; dedup %s; p99 %s 3 s", 100 * g.perSecond() / b.perSecond(),
                                exact ? "exact" : "WRONG", g.p99Micros() < 3_000_000 ? "within" : "OVER"));
            } finally {
                bare.close();
                gewe.close();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Posts GeWe callback JSON; every tenth post repeats the NewMsgId of the one before. */
    static final class Poster implements Target {
        /** Each poster its own ids: a repeat is always of a message this poster sent. */
        private final AtomicLong seq = new AtomicLong();
        private final long base = 7_100_000_000_000_000_000L
                                  + ThreadLocalRandom.current().nextLong(100_000_000L) * 1_000_000_000L;

        final String name;
        private final URI uri;
        private final CloseableHttpAsyncClient client;
        final LongAdder uniqueOk = new LongAdder();
        final LongAdder duplicateOk = new LongAdder();

        Poster(String name, URI uri, int connections) {
            this.name = name;
            this.uri = uri;
            AtomicInteger n = new AtomicInteger();
            client = HttpAsyncClients.custom()
                    .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                            .setMaxConnTotal(connections).setMaxConnPerRoute(connections).build())
                    .setIOReactorConfig(IOReactorConfig.custom().setTcpNoDelay(true).build())
                    .setThreadFactory(r -> {
                        Thread t = new Thread(r, "bench-poster-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    })
                    .disableAutomaticRetries().disableCookieManagement().disableConnectionState()
                    .build();
            client.start();
        }

        @Override
        public String name() {
            return name;
        }

        static byte[] body(long newMsgId, long msgId) {
            long now = System.currentTimeMillis() / 1000;
            return ("{\"TypeName\":\"AddMsg\",\"Appid\":\"" + APP_ID + "\",\"Wxid\":\"wxid_bench_self\",\"Data\":{"
                    + "\"MsgId\":" + msgId + ",\"FromUserName\":{\"string\":\"wxid_bench_friend\"},"
                    + "\"ToUserName\":{\"string\":\"wxid_bench_self\"},\"MsgType\":1,"
                    + "\"Content\":{\"string\":\"hello from the benchmark " + msgId + "\"},\"Status\":3,"
                    + "\"ImgStatus\":1,\"ImgBuf\":{\"iLen\":0},\"CreateTime\":" + now + ","
                    + "\"MsgSource\":\"<msgsource></msgsource>\",\"PushContent\":\"bench : hello\","
                    + "\"NewMsgId\":" + newMsgId + ",\"MsgSeq\":" + msgId + "}}").getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void send(Done done) {
            long seq = this.seq.incrementAndGet();
            boolean duplicate = seq % 10 == 0;
            long id = duplicate ? seq - 1 : seq;
            SimpleHttpRequest post = SimpleRequestBuilder.post(uri)
                    .setBody(body(base + id, 1_000_000 + id), ContentType.APPLICATION_JSON).build();
            client.execute(post, new FutureCallback<SimpleHttpResponse>() {
                @Override
                public void completed(SimpleHttpResponse response) {
                    boolean ok = response.getCode() >= 200 && response.getCode() < 300;
                    if (ok) {
                        (duplicate ? duplicateOk : uniqueOk).increment();
                    }
                    done.done(ok);
                }

                @Override
                public void failed(Exception ex) {
                    done.done(false);
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
}
