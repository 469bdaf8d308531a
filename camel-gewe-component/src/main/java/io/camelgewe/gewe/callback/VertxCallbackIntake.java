package io.camelgewe.gewe.callback;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpEngine;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * Takes the body of a push in on Vert.x's event loop, as it arrives, before platform-http hands the request to a
 * worker thread: a Vert.x Web route on the consumer's path, ahead of platform-http's own, that checks the headers
 * ({@link GeweCallbackHandler#headersAdmit}), reads at most maxBodySize + 1 bytes within readTimeout and passes the
 * request on. The worker thread then finds the body read instead of asking the event loop for it and waiting: one
 * thread hop less per push. A request whose headers do not pass is passed on unread, and refused as before.
 * <p>
 * Loaded only when Vert.x is on the classpath; used only when platform-http runs on Vert.x (camel-platform-http-main,
 * Camel JBang), otherwise the handler reads the body itself.
 */
final class VertxCallbackIntake implements CallbackBody.Prefetch {

    private final Map<Object, VertxCallbackBody.Chunks> read = new ConcurrentHashMap<>();
    private final GeweCallbackHandler handler;
    private final int maxBodySize;
    private final long readTimeout;
    private Route route;

    private VertxCallbackIntake(GeweCallbackHandler handler, int maxBodySize, long readTimeout) {
        this.handler = handler;
        this.maxBodySize = maxBodySize;
        this.readTimeout = readTimeout;
    }

    /**
     * Registers the intake on the path of a platform-http endpoint, before its consumer is started (so that this
     * route comes first); null when the endpoint does not run on Vert.x.
     */
    static VertxCallbackIntake register(CamelContext context, Endpoint http, String path, GeweCallbackHandler handler,
                                        int maxBodySize, long readTimeout) {
        if (!(http instanceof PlatformHttpEndpoint endpoint)
                || !(endpoint.getPlatformHttpEngine() instanceof VertxPlatformHttpEngine engine)) {
            return null;
        }
        // the router platform-http's consumer will use: by the engine's port, or the one of a port chosen at start
        VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(context,
                VertxPlatformHttpRouter.getRouterNameFromPort(engine.getServerPort()));
        if (router == null) {
            router = VertxPlatformHttpRouter.lookup(context, VertxPlatformHttpRouter.PLATFORM_HTTP_ROUTER_NAME_ZERO);
        }
        if (router == null) {
            return null;
        }
        VertxCallbackIntake intake = new VertxCallbackIntake(handler, maxBodySize, readTimeout);
        intake.route = router.route(HttpMethod.POST, path).handler(intake::handle);
        return intake;
    }

    /** Takes the route off the router (the consumer stops). */
    void remove() {
        if (route != null) {
            route.remove();
            route = null;
        }
        read.clear();
    }

    @Override
    public Object take(Object request) {
        return read.remove(request);
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        // platform-http pauses the request it is given, which Vert.x refuses for an HTTP/2 stream read to its end:
        // those (GeWe posts HTTP/1.1) are read by the handler as before
        if (request.version() == HttpVersion.HTTP_2 || !handler.headersAdmit(request.method().name(), request.getHeader(GeweCallbackHandler.SECRET_HEADER),
                request.query(), request.getHeader(HttpHeaders.CONTENT_LENGTH))) {
            ctx.next();
            return;
        }
        Vertx vertx = ctx.vertx();
        VertxCallbackBody.Chunks chunks;
        try {
            chunks = VertxCallbackBody.Chunks.start(request, maxBodySize);
        } catch (OutOfMemoryError e) {
            // a declared size this heap cannot hold (maxBodySize set beyond it): this is the event loop, so the
            // request goes on unread and the handler meets, and refuses, the same error on its own thread
            ctx.next();
            return;
        }
        // a body that does not arrive in time is given up here; the handler answers 408 and closes the connection
        long timer = vertx.setTimer(readTimeout, id -> chunks.done.completeExceptionally(new TimeoutException()));
        chunks.done.whenComplete((body, failure) -> {
            vertx.cancelTimer(timer);
            if (body == null) {
                // too large, too slow or failed: the rest stays unread
                request.pause();
            }
            read.put(request, chunks);
            // should platform-http not call the handler (a suspended route answers 503), nothing stays here
            ctx.addEndHandler(v -> read.remove(request));
            ctx.next();
        });
    }
}
