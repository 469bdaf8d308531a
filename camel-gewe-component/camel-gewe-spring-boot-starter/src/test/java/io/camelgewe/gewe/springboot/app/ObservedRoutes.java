package io.camelgewe.gewe.springboot.app;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** A route of the tests' own: tells which thread the route went on with after GeWe answered. */
@Component
public class ObservedRoutes extends RouteBuilder {

    /** The header the thread's name is put in. */
    public static final String THREAD = "continuedOn";

    @Override
    public void configure() {
        from("direct:observedNotify").to("gewe:postText")
                .process(exchange -> exchange.getMessage().setHeader(THREAD, Thread.currentThread().getName()));
    }
}
