package io.camelgewe.gewe;

import java.util.Map;

import io.camelgewe.gewe.errors.GeweApiException;
import io.camelgewe.gewe.errors.GeweDelivery;
import io.camelgewe.gewe.errors.GeweException;
import io.camelgewe.gewe.simulator.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The error-handling recipe the README gives, run against the simulator's faults: retry what was not sent, park what
 * may have been sent, dead-letter what GeWe refused.
 */
class GeweRetryRecipeTest extends GeweTestSupport {

    private final java.util.concurrent.atomic.AtomicInteger redeliveries = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    protected org.apache.camel.CamelContext createCamelContext() throws Exception {
        org.apache.camel.CamelContext ctx = super.createCamelContext();
        ctx.getManagementStrategy().addEventNotifier(new org.apache.camel.support.EventNotifierSupport() {
            @Override
            public void notify(org.apache.camel.spi.CamelEvent event) {
                if (event instanceof org.apache.camel.spi.CamelEvent.ExchangeRedeliveryEvent) {
                    redeliveries.incrementAndGet();
                }
            }
        });
        return ctx;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the recipe, as in README.md
                onException(GeweException.class)
                        .onWhen(exchange -> exchange.getException(GeweException.class).getDelivery() == GeweDelivery.NOT_SENT)
                        .maximumRedeliveries(3).redeliveryDelay(50)
                        .handled(true).to("mock:notSent");
                onException(GeweException.class)
                        .onWhen(exchange -> exchange.getException(GeweException.class).getDelivery() == GeweDelivery.UNKNOWN)
                        .handled(true).to("mock:review");
                onException(GeweException.class)
                        .onWhen(exchange -> exchange.getException(GeweException.class).getDelivery() == GeweDelivery.REJECTED)
                        .handled(true).to("mock:dead");

                from("direct:send").to("gewe:postText").to("mock:sent");
                from("direct:offline").to("gewe:postText?baseUrl=http://127.0.0.1:1/gewe/v2/api&connectTimeout=500")
                        .to("mock:sent");
            }
        };
    }

    private static Map<String, Object> text(String content) {
        return Map.of("toWxid", "wxid_a", "content", content);
    }

    @Test
    void eachClassOfFailureTakesItsOwnPath() throws Exception {
        MockEndpoint sent = getMockEndpoint("mock:sent");
        MockEndpoint review = getMockEndpoint("mock:review");
        MockEndpoint dead = getMockEndpoint("mock:dead");
        MockEndpoint notSent = getMockEndpoint("mock:notSent");
        sent.expectedMessageCount(1);
        review.expectedMessageCount(1);
        dead.expectedMessageCount(1);
        notSent.expectedMessageCount(1);

        template.sendBody("direct:send", text("fine"));
        simulator.failNext(Fault.RET_500);
        template.sendBody("direct:send", text("refused"));
        simulator.failNext(Fault.DROP_CONNECTION);
        template.sendBody("direct:send", text("maybe delivered"));
        template.sendBody("direct:offline", text("never left"));

        MockEndpoint.assertIsSatisfied(context);
        assertEquals(1, sent.getReceivedCounter());
        Exchange parked = review.getReceivedExchanges().get(0);
        assertEquals(GeweDelivery.UNKNOWN,
                assertInstanceOf(GeweException.class, parked.getProperty(Exchange.EXCEPTION_CAUGHT)).getDelivery());
        Exchange refused = dead.getReceivedExchanges().get(0);
        assertInstanceOf(GeweApiException.class, refused.getProperty(Exchange.EXCEPTION_CAUGHT));
        assertEquals(3, redeliveries.get(), "what was not sent is retried, three times, before it is given up");
        // the refused and the unknown one were not retried: GeWe saw each exactly once
        assertEquals(3, simulator.totalCount());
    }
}
