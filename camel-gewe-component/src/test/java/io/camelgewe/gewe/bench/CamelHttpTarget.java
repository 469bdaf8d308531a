package io.camelgewe.gewe.bench;

import java.net.URI;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The baseline a Camel user without camel-gewe would write: {@code from("direct:...").to("http://.../message/postText")}
 * with camel-http (Camel's component on Apache HttpClient 5's classic client), the same JSON bytes and the
 * X-GEWE-TOKEN header. camel-http's producer is synchronous, so each request in flight holds the caller's thread.
 * Its pool is raised to the component's size (camel-http allows 20 connections per route by default), so that
 * concurrency 64 compares clients, not pool sizes.
 */
final class CamelHttpTarget implements Target {

    private final CamelContext context;
    private final ProducerTemplate template;
    private final byte[] json;
    private final String token;

    CamelHttpTarget(URI uri, byte[] json, String token, int maxConnections) throws Exception {
        this.json = json;
        this.token = token;
        context = new DefaultCamelContext();
        HttpComponent http = new HttpComponent();
        http.setMaxTotalConnections(maxConnections);
        http.setConnectionsPerRoute(maxConnections);
        context.addComponent("http", http);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:camelHttp").to("http://" + uri.getAuthority() + uri.getPath());
            }
        });
        context.start();
        template = context.createProducerTemplate();
    }

    @Override
    public String name() {
        return "camel-http";
    }

    @Override
    public boolean blocking() {
        return true;
    }

    @Override
    public void send(Done done) {
        Exchange out = template.send("direct:camelHttp", e -> {
            e.getMessage().setBody(json);
            e.getMessage().setHeader("X-GEWE-TOKEN", token);
            e.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
            e.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
        });
        if (out.getException() != null) {
            done.fail(out.getException());
            return;
        }
        // read the reply as a user's next step would
        byte[] reply = out.getMessage().getBody(byte[].class);
        done.done(reply != null && reply.length > 0);
    }

    @Override
    public void close() throws Exception {
        template.close();
        context.close();
    }
}
