package io.camelgewe.gewe;

import java.util.Map;

import io.camelgewe.gewe.errors.GeweApiException;
import io.camelgewe.gewe.errors.GeweDelivery;
import io.camelgewe.gewe.errors.GeweException;
import io.camelgewe.gewe.simulator.Fault;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every failure of {@link GeweErrorsTest}, classified the same when the producer waits for GeWe on the caller's
 * thread (synchronous=true) as on the asynchronous path.
 */
class GeweErrorsSynchronousTest extends GeweErrorsTest {

    @Override
    protected void configure(GeweComponent gewe) {
        gewe.getConfiguration().setSynchronous(true);
    }

    @Test
    void theFailureIsOnTheExchangeWhenProcessReturns() throws Exception {
        AsyncProducer producer = context.getEndpoint("gewe:postText").createAsyncProducer();
        ServiceHelper.startService(producer);
        try {
            simulator.failNext(Fault.RET_500);
            Exchange exchange = context.getEndpoint("gewe:postText").createExchange();
            exchange.getMessage().setBody(Map.of("toWxid", "x", "content", "y"));
            boolean sync = producer.process(exchange, doneSync -> {
            });
            assertTrue(sync, "the caller's thread waited for GeWe");
            GeweApiException e = assertInstanceOf(GeweApiException.class, exchange.getException());
            assertEquals(GeweDelivery.REJECTED, ((GeweException) e).getDelivery());
        } finally {
            ServiceHelper.stopService(producer);
        }
    }
}
