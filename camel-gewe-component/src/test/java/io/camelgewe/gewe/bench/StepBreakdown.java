package io.camelgewe.gewe.bench;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import io.camelgewe.gewe.catalog.GeweCatalog;
import io.camelgewe.gewe.catalog.GeweOperation;
import io.camelgewe.gewe.client.GeweJson;
import io.camelgewe.gewe.client.GeweReplyReader;
import io.camelgewe.gewe.client.GeweRequestBuilder;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.core5.http.ContentType;

/**
 * Where a postText's microseconds go outside the network: each step of the component's path run alone on one thread,
 * measured with that thread's CPU time and allocated bytes (com.sun.management.ThreadMXBean), no I/O, no sampling.
 * Beside them, the same work done the cheapest way (the floor) and the raw client's own request building.
 */
final class StepBreakdown {

    /** One step: CPU ns and bytes per operation. */
    record Step(String name, double nanos, double bytes) {
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private StepBreakdown() {
    }

    /**
     * @param reply      a postText reply as the simulator sends it
     * @param iterations per measured repetition (5 repetitions, median kept, after as many warm-up iterations)
     */
    static List<Step> run(String appId, String token, URI uri, byte[] reply, int iterations) throws Exception {
        List<Step> steps = new ArrayList<>();
        GeweOperation op = GeweCatalog.get().find("message/postText");
        GeweRequestBuilder builder = new GeweRequestBuilder(op, Map.of("appId", appId));
        GeweReplyReader reader = new GeweReplyReader(op, token);
        org.apache.camel.AsyncCallback[] pending = new org.apache.camel.AsyncCallback[1];
        try (CamelContext ctx = new DefaultCamelContext()) {
            ctx.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:noop").routeId("noop").process(e -> {
                    });
                    from("direct:async").routeId("async").process(new org.apache.camel.AsyncProcessor() {
                        @Override
                        public boolean process(Exchange e, org.apache.camel.AsyncCallback callback) {
                            pending[0] = callback;
                            return false;
                        }

                        @Override
                        public java.util.concurrent.CompletableFuture<Exchange> processAsync(Exchange e) {
                            throw new UnsupportedOperationException();
                        }

                        @Override
                        public void process(Exchange e) {
                            throw new UnsupportedOperationException();
                        }
                    });
                }
            });
            ctx.start();
            Endpoint direct = ctx.getEndpoint("direct:noop");
            AsyncProducer producer = direct.createAsyncProducer();
            ServiceHelper.startService(producer);
            Endpoint async = ctx.getEndpoint("direct:async");
            AsyncProducer asyncProducer = async.createAsyncProducer();
            ServiceHelper.startService(asyncProducer);
            Exchange exchange = new DefaultExchange(ctx);
            exchange.getMessage().setBody(ComponentTarget.BODY);
            byte[] json = GeweRequestBuilder.write(builder.operation(), builder.resolve(exchange));

            steps.add(measure("camel: exchange through a route (direct, one no-op processor)", iterations, () -> {
                Exchange e = direct.createExchange();
                e.getMessage().setBody(ComponentTarget.BODY);
                producer.process(e, doneSync -> {
                });
                return e;
            }));
            steps.add(measure("camel: the same, the processor completing later (async callback)", iterations, () -> {
                Exchange e = async.createExchange();
                e.getMessage().setBody(ComponentTarget.BODY);
                asyncProducer.process(e, doneSync -> {
                });
                // as the HTTP client's I/O thread does when GeWe answers (here on the same thread)
                pending[0].done(false);
                return e;
            }));
            steps.add(measure("gewe: request fields from the exchange (resolve)", iterations,
                    () -> builder.resolve(exchange)));
            Object[] values = builder.resolve(exchange);
            steps.add(measure("gewe: request JSON (write)", iterations, () -> GeweRequestBuilder.write(builder.operation(), values)));
            steps.add(measure("gewe: read the reply (envelope, ret, SendResult)", iterations,
                    () -> reader.read(200, "OK", reply)));
            steps.add(measure("camel: result on the message (body + 3 headers)", iterations, () -> {
                Message m = exchange.getMessage();
                m.setBody(values);
                m.setHeader("CamelGeweMsgId", 1L);
                m.setHeader("CamelGeweNewMsgId", 2L);
                m.setHeader("CamelGeweCreateTime", 3L);
                return m;
            }));
            steps.add(measure("both: HttpClient 5 request object (SimpleRequestBuilder)", iterations,
                    () -> SimpleRequestBuilder.post(uri).setBody(json, ContentType.APPLICATION_JSON)
                            .setHeader("X-GEWE-TOKEN", token).build()));
            steps.add(measure("floor: the same JSON by a JsonGenerator writing Strings", iterations,
                    () -> floorWrite(values, op)));
            ServiceHelper.stopService(producer, asyncProducer);
        }
        return steps;
    }

    /** The request JSON with writeString per field: what write() costs without the ObjectMapper's serializer lookup. */
    private static byte[] floorWrite(Object[] values, GeweOperation op) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator gen = GeweJson.mapper().getFactory().createGenerator(out)) {
            gen.writeStartObject();
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    gen.writeStringField(op.fields().get(i).name(), values[i].toString());
                }
            }
            gen.writeEndObject();
        }
        return out.toByteArray();
    }

    interface Body {
        Object call() throws Exception;
    }

    private static Step measure(String name, int iterations, Body body) throws Exception {
        Object sink = null;
        for (int i = 0; i < iterations; i++) {
            sink = body.call();
        }
        long id = Thread.currentThread().getId();
        List<Double> ns = new ArrayList<>();
        List<Double> bytes = new ArrayList<>();
        for (int rep = 0; rep < 5; rep++) {
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long a0 = THREADS.getThreadAllocatedBytes(id);
            for (int i = 0; i < iterations; i++) {
                sink = body.call();
            }
            long cpu1 = THREADS.getCurrentThreadCpuTime();
            long a1 = THREADS.getThreadAllocatedBytes(id);
            ns.add((cpu1 - cpu0) / (double) iterations);
            bytes.add((a1 - a0) / (double) iterations);
        }
        if (sink == null) {
            throw new IllegalStateException(name + " returned null");
        }
        return new Step(name, GeweBenchmarks.median(ns), GeweBenchmarks.median(bytes));
    }

    static String describe(List<Step> steps) {
        StringBuilder sb = new StringBuilder();
        for (Step s : steps) {
            sb.append(String.format(Locale.ROOT, "  %8.2f µs %8.0f B  %s%n", s.nanos() / 1000, s.bytes(), s.name()));
        }
        return sb.toString();
    }
}
