package io.camelgewe.examples.routes;

import org.apache.camel.builder.RouteBuilder;

/** Logs the running count ({@code ExampleStatus}) every {@code gewe.examples.statusPeriod} ms when it changed. */
public class StatusRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:gewe-status?period={{gewe.examples.statusPeriod}}&delay={{gewe.examples.statusPeriod}}")
                .routeId("status")
                .bean("exampleStatus", "lineIfChanged")
                .filter(body().isNotNull())
                    .log("${body}");
    }
}
