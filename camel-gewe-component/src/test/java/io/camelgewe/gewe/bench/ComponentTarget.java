package io.camelgewe.gewe.bench;

import java.util.Map;
import java.util.function.Consumer;

import io.camelgewe.gewe.GeweComponent;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.service.ServiceHelper;

/**
 * postText through a route, {@code from("direct:postText").to("gewe:postText")}, driven the way a consumer drives a
 * route: an exchange per request handed to the route's async producer, the callback telling when it is done. The body
 * is a Map of GeWe's fields ({@code toWxid}, {@code content}); appId comes from the component.
 */
final class ComponentTarget implements Target {

    static final Map<String, Object> BODY = Map.of("toWxid", "wxid_bench_friend", "content",
            "hello from the camel-gewe benchmark");

    private final CamelContext context;
    private final Endpoint endpoint;
    private final AsyncProducer producer;
    private final Object body;
    private String name = "component";
    private boolean blocking;

    /**
     * @param baseUrl        where GeWe is
     * @param token          its token
     * @param appId          the component's default account
     * @param maxConnections the component's pool
     * @param configure      further component settings (pacing off unless it turns it on)
     * @param uri            the gewe: endpoint the route sends to
     * @param body           the body of every exchange
     */
    ComponentTarget(String baseUrl, String token, String appId, int maxConnections, Consumer<GeweComponent> configure,
                    String uri, Object body) throws Exception {
        this.body = body;
        context = new DefaultCamelContext();
        GeweComponent gewe = new GeweComponent();
        gewe.setBaseUrl(baseUrl);
        gewe.setToken(token);
        gewe.setAppId(appId);
        gewe.setMaxConnections(maxConnections);
        gewe.setPacing(false);
        configure.accept(gewe);
        context.addComponent("gewe", gewe);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:bench").routeId("bench").to(uri);
            }
        });
        context.start();
        endpoint = context.getEndpoint("direct:bench");
        producer = endpoint.createAsyncProducer();
        ServiceHelper.startService(producer);
    }

    /** postText with the benchmark's body, pacing off. */
    static ComponentTarget postText(String baseUrl, String token, String appId, int maxConnections) throws Exception {
        return new ComponentTarget(baseUrl, token, appId, maxConnections, g -> {
        }, "gewe:postText", BODY);
    }

    /** postText with the benchmark's body, pacing off, the route continuing on HttpClient's I/O thread. */
    static ComponentTarget postTextOnIoThread(String baseUrl, String token, String appId, int maxConnections)
            throws Exception {
        ComponentTarget t = new ComponentTarget(baseUrl, token, appId, maxConnections,
                g -> g.setContinueOnIoThread(true), "gewe:postText", BODY);
        t.name = "component (continueOnIoThread)";
        return t;
    }

    /** postText with the benchmark's body, pacing off, synchronous=true: the caller's thread waits for GeWe. */
    static ComponentTarget postTextSynchronous(String baseUrl, String token, String appId, int maxConnections)
            throws Exception {
        ComponentTarget t = new ComponentTarget(baseUrl, token, appId, maxConnections, g -> {
        }, "gewe:postText?synchronous=true", BODY);
        t.name = "component (synchronous)";
        t.blocking = true;
        return t;
    }

    CamelContext context() {
        return context;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean blocking() {
        return blocking;
    }

    @Override
    public void send(Done done) {
        send(body, done);
    }

    /** Sends one exchange with this body. */
    void send(Object exchangeBody, Done done) {
        Exchange exchange = endpoint.createExchange();
        exchange.getMessage().setBody(exchangeBody);
        producer.process(exchange, doneSync -> {
            if (exchange.getException() == null) {
                done.done(true);
            } else {
                done.fail(exchange.getException());
            }
        });
    }

    /** Sends one exchange and returns it once done (for the slow, few-request benchmarks). */
    Exchange request(Object exchangeBody, Map<String, Object> headers) throws InterruptedException {
        Exchange exchange = endpoint.createExchange();
        exchange.getMessage().setBody(exchangeBody);
        headers.forEach(exchange.getMessage()::setHeader);
        java.util.concurrent.CountDownLatch latch = new java.util.concurrent.CountDownLatch(1);
        producer.process(exchange, doneSync -> latch.countDown());
        latch.await();
        return exchange;
    }

    @Override
    public void close() throws Exception {
        ServiceHelper.stopService(producer);
        context.close();
    }
}
