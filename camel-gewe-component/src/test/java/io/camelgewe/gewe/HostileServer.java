package io.camelgewe.gewe;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A server on 127.0.0.1 that answers the way the simulator never does: bodies larger than any limit, bodies that
 * trickle in, redirects elsewhere, answers that never come. Each path is given its behaviour by the test; every request
 * is recorded (method and path, never headers: the token must not reach a log). It is the JDK's HttpServer, with a
 * thread per exchange so that a slow answer does not hold up the others.
 */
public final class HostileServer implements AutoCloseable {

    /** GeWe's API path, as the simulator and the cloud use it. */
    public static final String API = "/gewe/v2/api";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hostile-server");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, HttpHandler> handlers = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicLong written = new AtomicLong();
    private final AtomicInteger abandoned = new AtomicInteger();

    private HostileServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a server on a free port of 127.0.0.1. */
    public static HostileServer start() throws IOException {
        return new HostileServer();
    }

    /** The server's port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** An absolute URL of this server. */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** The base URL to give the component: GeWe's API on this server. */
    public String baseUrl() {
        return url(API);
    }

    /** Gives a path (an exact match, without the query) its behaviour. */
    public HostileServer on(String path, HttpHandler handler) {
        handlers.put(path, handler);
        return this;
    }

    /** Gives an operation's path under {@link #API} its behaviour, e.g. {@code onOperation("message/postText", ..)}. */
    public HostileServer onOperation(String qualifiedName, HttpHandler handler) {
        return on(API + "/" + qualifiedName, handler);
    }

    /** Every request received so far, as {@code METHOD path}. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** How many requests reached the path. */
    public long count(String path) {
        return requests.stream().filter(r -> r.endsWith(" " + path)).count();
    }

    /** The body bytes this server's streaming answers managed to write before they ended or failed. */
    public long bytesWritten() {
        return written.get();
    }

    /** How many streaming answers ended because the client went away (its socket closed under the write). */
    public int abandoned() {
        return abandoned.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            HttpHandler h = handlers.get(exchange.getRequestURI().getPath());
            if (h == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                h.handle(exchange);
            }
        }
    }

    /** Answers GeWe's envelope around the given data (JSON text). */
    public static HttpHandler envelope(String dataJson) {
        return json("{\"ret\":200,\"msg\":\"操作成功\",\"data\":" + dataJson + "}");
    }

    /** Answers this JSON text, whole, with its length. */
    public static HttpHandler json(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        };
    }

    /**
     * A valid envelope whose {@code data} is a string of {@code size} bytes, generated as it is written: the server
     * never holds it. With {@code declared} the length is announced up front, otherwise the body is chunked.
     */
    public HttpHandler huge(long size, boolean declared) {
        byte[] head = "{\"ret\":200,\"msg\":\"ok\",\"data\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\"}".getBytes(StandardCharsets.US_ASCII);
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, declared ? head.length + size + tail.length : 0);
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            stream(exchange, out -> {
                write(out, head);
                for (long left = size; left > 0; left -= chunk.length) {
                    write(out, left >= chunk.length ? chunk : Arrays.copyOf(chunk, (int) left));
                }
                write(out, tail);
            });
        };
    }

    /**
     * Sends the headers at once, then the body one byte every {@code gap}: never silent for long, never done soon.
     * {@code contentType} is that of the answer (a file, or GeWe's JSON).
     */
    public HttpHandler drip(byte[] body, Duration gap, String contentType) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, body.length);
            stream(exchange, out -> {
                for (byte b : body) {
                    write(out, new byte[] { b });
                    sleep(gap);
                }
            });
        };
    }

    /** Does not answer until the latch opens (or the server closes); then a valid empty envelope. */
    public static HttpHandler hold(CountDownLatch until) {
        return exchange -> {
            try {
                until.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            envelope("null").handle(exchange);
        };
    }

    /** Answers a redirect to the location. */
    public static HttpHandler redirect(String location) {
        return exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(302, -1);
        };
    }

    /** Answers a file with the given name (Content-Disposition) and bytes. */
    public static HttpHandler file(String name, byte[] bytes) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            if (name != null) {
                exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + name + "\"");
            }
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        };
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    private void stream(HttpExchange exchange, Body body) {
        try {
            body.write(exchange.getResponseBody());
            exchange.getResponseBody().flush();
        } catch (IOException gone) {
            abandoned.incrementAndGet();
        }
    }

    private void write(OutputStream out, byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        written.addAndGet(bytes.length);
    }

    private static void sleep(Duration gap) {
        try {
            Thread.sleep(gap.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
