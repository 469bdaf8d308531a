package io.camelgewe.gewe.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;

/**
 * A small-heap JVM (the parent starts it with -Xmx64m) that downloads one large video:
 * {@code DownloadMain component|raw <baseUrl> <token> <appId> <dir> [warm downloads, 3]}.
 * <ul>
 * <li>component: {@code from("direct:video").to("gewe:downloadVideo?fetch=true").to("file:<dir>/inbox")}</li>
 * <li>raw: HttpClient 5 async posts downloadVideo, then GETs the fileUrl into a file as the bytes arrive</li>
 * </ul>
 * Each mode downloads first cold (the first exchange of a fresh JVM loads and compiles the code on its way, a one-off
 * cost), then a few times warm, as every later download of a running application. Prints
 * {@code RESULT coldMs=.. ms=.. warmMs=a/b/c bytes=.. fetchMs=.. restOfRouteMs=.. heapMaxMiB=.. heapPeakMiB=..}: ms is
 * the median warm download (warmMs all of them); for the component, fetchMs is until gewe: is done, the file spooled,
 * and the rest is the file: step writing it and the exchange's completion, both of that median download. Each file
 * is deleted once measured.
 */
public final class DownloadMain {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static final String VIDEO_XML = "<?xml version=\"1.0\"?><msg><videomsg aeskey=\"k\" length=\"1\" /></msg>";

    private DownloadMain() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String baseUrl = args[1];
        String token = args[2];
        String appId = args[3];
        Path dir = Path.of(args[4]);
        int warm = args.length > 5 ? Integer.parseInt(args[5]) : 3;
        Files.createDirectories(dir);
        List<long[]> runs = new ArrayList<>();
        if ("component".equals(mode)) {
            try (Component component = new Component(baseUrl, token, appId, dir)) {
                for (int i = 0; i <= warm; i++) {
                    runs.add(component.download());
                }
            }
        } else {
            try (RawAsyncTarget http = new RawAsyncTarget(URI.create(baseUrl), new byte[0], token, 10)) {
                for (int i = 0; i <= warm; i++) {
                    runs.add(raw(http, baseUrl, token, appId, dir));
                }
            }
        }
        long[] cold = runs.remove(0);
        for (long[] run : runs) {
            if (run[1] != cold[1]) {
                throw new IllegalStateException("the downloads differ in size: " + cold[1] + " and " + run[1]);
            }
        }
        StringBuilder warmMs = new StringBuilder();
        for (long[] run : runs) {
            warmMs.append(warmMs.length() == 0 ? "" : "/").append(run[0]);
        }
        runs.sort(java.util.Comparator.comparingLong(run -> run[0]));
        long[] r = runs.get(runs.size() / 2);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("RESULT coldMs=" + cold[0] + " ms=" + r[0] + " warmMs=" + warmMs + " bytes=" + r[1] + " fetchMs=" + r[2] + " restOfRouteMs=" + r[3]
                           + " heapMaxMiB=" + (Runtime.getRuntime().maxMemory() >> 20) + " heapPeakMiB=" + (peak >> 20));
        System.exit(0);
    }

    /** One Camel application with the route, started once: its downloads are timed from the send to the end. */
    private static final class Component implements AutoCloseable {
        private final DefaultCamelContext ctx = new DefaultCamelContext();
        private final Path inbox;

        Component(String baseUrl, String token, String appId, Path dir) throws Exception {
            inbox = dir.resolve("inbox");
            Path spool = dir.resolve("spool");
            io.camelgewe.gewe.GeweComponent gewe = new io.camelgewe.gewe.GeweComponent();
            gewe.setBaseUrl(baseUrl);
            gewe.setToken(token);
            gewe.setAppId(appId);
            gewe.setPacing(false);
            ctx.addComponent("gewe", gewe);
            ctx.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:video")
                            .to("gewe:downloadVideo?fetch=true&responseTimeout=600000&fetchDirectory=" + spool)
                            .process(e -> e.setProperty("benchFetched", System.nanoTime()))
                            .to("file:" + inbox);
                }
            });
            ctx.start();
        }

        long[] download() throws Exception {
            long t0 = System.nanoTime();
            Exchange out = ctx.createProducerTemplate().send("direct:video", e -> e.getMessage().setBody(VIDEO_XML));
            long t1 = System.nanoTime();
            if (out.getException() != null) {
                throw out.getException();
            }
            long fetched = out.getProperty("benchFetched", Long.class);
            Path file = inbox.resolve(out.getMessage().getHeader(Exchange.FILE_NAME, String.class));
            long size = Files.size(file);
            Files.delete(file);
            return new long[] { (t1 - t0) / 1_000_000, size, (fetched - t0) / 1_000_000, (t1 - fetched) / 1_000_000 };
        }

        @Override
        public void close() throws java.io.IOException {
            ctx.close();
        }
    }

    /** The same download over one raw client, started once, as an application would keep it. */
    private static long[] raw(RawAsyncTarget http, String baseUrl, String token, String appId, Path dir)
            throws Exception {
        long t0 = System.nanoTime();
        byte[] json = MAPPER.writeValueAsBytes(Map.of("appId", appId, "xml", VIDEO_XML));
        SimpleHttpRequest post = SimpleRequestBuilder.post(baseUrl + "/message/downloadVideo")
                .setBody(json, ContentType.APPLICATION_JSON).setHeader("X-GEWE-TOKEN", token).build();
        CompletableFuture<SimpleHttpResponse> answer = new CompletableFuture<>();
        http.client().execute(post, callback(answer));
        JsonNode reply = MAPPER.readTree(answer.get(60, TimeUnit.SECONDS).getBodyBytes());
        if (reply.path("ret").asInt() != 200) {
            throw new IllegalStateException("downloadVideo failed: " + reply);
        }
        URI fileUrl = URI.create(baseUrl).resolve(reply.path("data").path("fileUrl").asText());
        Path file = dir.resolve("raw-download.bin");
        CompletableFuture<Long> fetched = new CompletableFuture<>();
        http.client().execute(SimpleRequestProducer.create(SimpleRequestBuilder.get(fileUrl).build()),
                new ToFile(file), null, callback(fetched));
        long size = fetched.get(600, TimeUnit.SECONDS);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long onDisk = Files.size(file);
        Files.delete(file);
        if (onDisk != size) {
            throw new IllegalStateException("wrote " + size + " bytes but the file has " + onDisk);
        }
        return new long[] { ms, onDisk, ms, 0 };
    }

    private static <T> FutureCallback<T> callback(CompletableFuture<T> future) {
        return new FutureCallback<>() {
            @Override
            public void completed(T result) {
                future.complete(result);
            }

            @Override
            public void failed(Exception ex) {
                future.completeExceptionally(ex);
            }

            @Override
            public void cancelled() {
                future.cancel(false);
            }
        };
    }

    /** Writes the body to a file as it arrives, 64 KiB at a time (as the component's own consumer does). */
    private static final class ToFile extends AbstractBinResponseConsumer<Long> {
        private final Path file;
        private FileChannel channel;
        private long length;

        ToFile(Path file) {
            this.file = file;
        }

        @Override
        protected void start(HttpResponse response, ContentType contentType) throws IOException {
            if (response.getCode() != 200) {
                throw new IOException("HTTP " + response.getCode());
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
        }

        @Override
        protected int capacityIncrement() {
            return 64 * 1024;
        }

        @Override
        protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
            while (src.hasRemaining()) {
                length += channel.write(src);
            }
            if (endOfStream) {
                channel.close();
            }
        }

        @Override
        protected Long buildResult() {
            return length;
        }

        @Override
        public void releaseResources() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // done either way
                }
            }
        }
    }
}
