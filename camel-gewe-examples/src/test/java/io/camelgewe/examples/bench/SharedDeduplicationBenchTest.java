package io.camelgewe.examples.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.camelgewe.examples.infra.EmbeddedKafka;
import io.camelgewe.examples.infra.FreePorts;
import io.camelgewe.examples.support.KafkaLedgerRepository;
import io.camelgewe.gewe.GeweComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark row of callback deduplication against a shared repository that survives a restart: two instances of
 * {@code from("gewe:callback")} (two Camel contexts, each with its own platform-http server) share a
 * {@link KafkaLedgerRepository} on an embedded Kafka node (what the examples run), against one instance with the
 * component's default in-memory repository, in the same run, with the same posting clients and the same tenth of
 * repeated pushes.
 * <p>
 * It lives here, not in the component's benchmark harness, because the embedded broker does. Posts alternate between
 * the two instances and a repeat goes to the instance that did not see the first push, one second after it (GeWe's
 * repeats come seconds to hours later); halfway through, the second instance restarts (a new context, nothing in
 * memory) and the repeats after it include messages pushed before it. The test fails unless every distinct message
 * was routed exactly once, across both instances and the restart: the figures themselves are printed, never asserted.
 * <p>
 * {@code -Dbench.mode=full} measures for longer (the row of the README); the default, smoke, runs in the build.
 */
class SharedDeduplicationBenchTest {

    private static final String APP_ID = "wx_bench_app";
    private static final String TOKEN = "bench-token-shared-dedup";
    private static final long REPEAT_AFTER_NANOS = 1_000_000_000L;

    @TempDir
    static Path work;

    @Test
    void twoInstancesSharingAKafkaRepositoryDropEveryRepeatAcrossARestart() throws Exception {
        boolean full = "full".equals(System.getProperty("bench.mode"));
        int clients = full ? 64 : 8;
        long phaseMillis = full ? 20_000 : 2_500;
        String started = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        Phase memory;
        // the component's default repository class, large enough that no key is forgotten before its repeat comes
        try (Instance one = Instance.start(FreePorts.next(),
                MemoryIdempotentRepository.memoryIdempotentRepository(1_000_000))) {
            Poster poster = new Poster(List.of(one.url()), clients);
            poster.run(phaseMillis / 2);
            poster.await();
            memory = poster.run(phaseMillis);
            poster.await();
            awaitRouted(poster.unique, one.routed);
            assertEquals(poster.unique.sum(), one.routed.sum(), "in memory: each distinct message routed once");
            poster.close();
        }

        Phase shared;
        Phase afterRestart;
        long routed;
        long distinct;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(work)) {
            String topic = "gewe.bench.callbacks.seen";
            EmbeddedKafka.createTopics(kafka.bootstrapServers(), 1, topic);
            int[] ports = FreePorts.distinct(2);
            int portA = ports[0];
            int portB = ports[1];
            LongAdder routedB = new LongAdder();
            try (Instance a = Instance.start(portA, new KafkaLedgerRepository(topic, kafka.bootstrapServers(), 1_000_000, true))) {
                Instance b = Instance.start(portB, new KafkaLedgerRepository(topic, kafka.bootstrapServers(), 1_000_000, true));
                Poster poster = new Poster(List.of(a.url(), b.url()), clients);
                try {
                    poster.run(phaseMillis / 2);
                    poster.await();
                    shared = poster.run(phaseMillis);
                    poster.await();
                    routedB.add(b.routed.sum());
                } finally {
                    b.close();
                }
                // the second instance restarts: its ledger reads the topic from its beginning before its route runs
                b = Instance.start(portB, new KafkaLedgerRepository(topic, kafka.bootstrapServers(), 1_000_000, true));
                try {
                    afterRestart = poster.run(phaseMillis);
                    poster.await();
                    awaitRouted(poster.unique, a.routed, routedB, b.routed);
                    routedB.add(b.routed.sum());
                } finally {
                    b.close();
                }
                routed = a.routed.sum() + routedB.sum();
                distinct = poster.unique.sum();
                poster.close();
            }
        }
        assertTrue(shared.repeats > 0 && afterRestart.repeats > 0, "repeats were posted");
        assertEquals(distinct, routed, "shared Kafka repository: each distinct message routed once, across both "
                                       + "instances and the restart");

        String row = String.format(Locale.ROOT,
                "| Callback intake, %d posting clients, 10%% duplicates, deduplication shared through Kafka by two "
                + "instances | %s pushes/s, p99 %s; after one instance restarted: %s pushes/s, p99 %s; routed %,d of "
                + "%,d distinct, %,d repeats dropped (across instances and the restart) | one instance, in memory: %s "
                + "pushes/s, p99 %s | %.0f%% of in memory; dedup exact |",
                clients, num(shared.perSecond()), micros(shared.p99Micros), num(afterRestart.perSecond()),
                micros(afterRestart.p99Micros), routed, distinct, shared.repeats + afterRestart.repeats,
                num(memory.perSecond()), micros(memory.p99Micros), 100 * shared.perSecond() / memory.perSecond());
        String text = row + "\n\nMode " + (full ? "full" : "smoke") + "; " + started + "; load average "
                      + String.format(Locale.ROOT, "%.2f", load) + " at start; "
                      + Runtime.getRuntime().availableProcessors() + " cores\n";
        System.out.println(text);
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        Files.writeString(out.resolve("shared-dedup-" + (full ? "full" : "smoke") + ".md"), text);
    }

    /**
     * Waits until every distinct message was routed, then a quiet 200 ms more: a repeat the shared repository missed
     * is routed after the count is reached, and must be there when the exact-deduplication assertion counts.
     */
    private static void awaitRouted(LongAdder expected, LongAdder... routed) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (Arrays.stream(routed).mapToLong(LongAdder::sum).sum() < expected.sum() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(200);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String micros(double v) {
        return String.format(Locale.ROOT, "%,.0f µs", v);
    }

    /** One instance: a Camel context with its own platform-http server and {@code gewe:callback}. */
    private record Instance(CamelContext ctx, int port, LongAdder routed, IdempotentRepository repository)
            implements AutoCloseable {

        static Instance start(int port, IdempotentRepository repository) throws Exception {
            LongAdder routed = new LongAdder();
            CamelContext ctx = new DefaultCamelContext();
            MainHttpServer server = new MainHttpServer();
            server.setCamelContext(ctx);
            server.setHost("127.0.0.1");
            server.setPort(port);
            ctx.addService(server, true, true);
            GeweComponent gewe = new GeweComponent();
            gewe.setToken(TOKEN);
            gewe.setAppId(APP_ID);
            ctx.addComponent("gewe", gewe);
            ctx.getRegistry().bind("seen", repository);
            ctx.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("gewe:callback?idempotentRepository=#seen").process(e -> routed.increment());
                }
            });
            ctx.start();
            return new Instance(ctx, port, routed, repository);
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + port + "/gewe/callback");
        }

        @Override
        public void close() throws Exception {
            ctx.close();
            // the consumer leaves a repository it was given to its owner
            repository.stop();
        }
    }

    /** What one measured phase gave. */
    private record Phase(long posts, long repeats, long nanos, double p99Micros) {
        double perSecond() {
            return posts * 1e9 / nanos;
        }
    }

    /**
     * Closed-loop posting clients: each posts GeWe callback JSON and, once answered, the next. Posts alternate between
     * the URLs; every tenth post repeats a message posted at least a second earlier, to another URL than its first.
     */
    private static final class Poster {
        private final List<URI> urls;
        private final int clients;
        private final CloseableHttpAsyncClient http;
        private final AtomicLong seq = new AtomicLong();
        private final long base = 7_200_000_000_000_000_000L + System.nanoTime() % 1_000_000_000L * 1_000L;
        /** Messages posted, in order: (nanoTime, id, url index), the oldest first. */
        private final ConcurrentLinkedQueue<long[]> posted = new ConcurrentLinkedQueue<>();
        final LongAdder unique = new LongAdder();
        private volatile boolean running;
        private CountDownLatch stopped;
        private final LongAdder posts = new LongAdder();
        private final LongAdder repeats = new LongAdder();
        private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();

        Poster(List<URI> urls, int clients) {
            this.urls = urls;
            this.clients = clients;
            // HttpClient 5's async client, as the component's own callback benchmark posts
            http = HttpAsyncClients.custom()
                    .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                            .setMaxConnTotal(clients * urls.size()).setMaxConnPerRoute(clients).build())
                    .setIOReactorConfig(IOReactorConfig.custom().setTcpNoDelay(true).build())
                    .disableAutomaticRetries().disableCookieManagement().disableConnectionState()
                    .build();
            http.start();
        }

        void close() {
            http.close(CloseMode.GRACEFUL);
        }

        /** Posts for this long, then lets the posts in flight finish (see {@link #await()}). */
        Phase run(long millis) throws InterruptedException {
            posts.reset();
            repeats.reset();
            latencies.clear();
            running = true;
            stopped = new CountDownLatch(clients);
            long t0 = System.nanoTime();
            for (int i = 0; i < clients; i++) {
                next();
            }
            Thread.sleep(millis);
            running = false;
            long nanos = System.nanoTime() - t0;
            List<Long> sorted = new ArrayList<>(latencies);
            sorted.sort(null);
            double p99 = sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, sorted.size() * 0.99)) / 1e3;
            return new Phase(posts.sum(), repeats.sum(), nanos, p99);
        }

        void await() throws InterruptedException {
            if (!stopped.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("posts still unanswered after 30 s");
            }
        }

        private void next() {
            if (!running) {
                stopped.countDown();
                return;
            }
            long s = seq.incrementAndGet();
            long id;
            int url;
            boolean repeat = false;
            long[] old = s % 10 == 0 ? posted.peek() : null;
            if (old != null && System.nanoTime() - old[0] >= REPEAT_AFTER_NANOS && posted.remove(old)) {
                id = old[1];
                url = (int) ((old[2] + 1) % urls.size());
                repeat = true;
            } else {
                id = base + s;
                url = (int) (s % urls.size());
            }
            boolean isRepeat = repeat;
            long t0 = System.nanoTime();
            int u = url;
            http.execute(SimpleRequestBuilder.post(urls.get(url)).setBody(body(id), ContentType.APPLICATION_JSON).build(),
                    new FutureCallback<SimpleHttpResponse>() {
                        @Override
                        public void completed(SimpleHttpResponse response) {
                            if (response.getCode() == 200) {
                                latencies.add(System.nanoTime() - t0);
                                posts.increment();
                                if (isRepeat) {
                                    repeats.increment();
                                } else {
                                    unique.increment();
                                    posted.add(new long[] { System.nanoTime(), id, u });
                                }
                            }
                            next();
                        }

                        @Override
                        public void failed(Exception ex) {
                            next();
                        }

                        @Override
                        public void cancelled() {
                            next();
                        }
                    });
        }

        private static byte[] body(long newMsgId) {
            long now = System.currentTimeMillis() / 1000;
            return ("{\"TypeName\":\"AddMsg\",\"Appid\":\"" + APP_ID + "\",\"Wxid\":\"wxid_bench_self\",\"Data\":{"
                    + "\"MsgId\":" + (newMsgId % 1_000_000_000L) + ",\"FromUserName\":{\"string\":\"wxid_bench_friend\"},"
                    + "\"ToUserName\":{\"string\":\"wxid_bench_self\"},\"MsgType\":1,"
                    + "\"Content\":{\"string\":\"hello from the benchmark\"},\"CreateTime\":" + now + ","
                    + "\"NewMsgId\":" + newMsgId + "}}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
