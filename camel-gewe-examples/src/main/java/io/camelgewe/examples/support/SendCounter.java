package io.camelgewe.examples.support;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSendingEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Counts the calls of {@code gewe:} sends ({@code post*}, {@code forward*}), from Camel's events: no route has to do anything for it. {@link #sent()}
 * counts calls GeWe accepted, {@link #failed()} calls that failed (each attempt: a message redelivered three times
 * counts three).
 */
public class SendCounter extends EventNotifierSupport {

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    /** Counts only what it needs: the events of exchanges sent to an endpoint. */
    public SendCounter() {
        setIgnoreCamelContextEvents(true);
        setIgnoreCamelContextInitEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        // the sending event too: Camel emits the sent event of a send only when a notifier took its sending event
        if (event instanceof ExchangeSendingEvent sending) {
            return isSend(sending.getEndpoint().getEndpointUri());
        }
        return event instanceof ExchangeSentEvent sent && isSend(sent.getEndpoint().getEndpointUri());
    }

    /** Whether the endpoint is a GeWe send: {@code gewe:post*} or {@code gewe:forward*} (downloads and queries are
     * not counted). */
    static boolean isSend(String uri) {
        if (!uri.startsWith("gewe:")) {
            return false;
        }
        String op = uri.substring("gewe:".length());
        if (op.startsWith("//")) {
            op = op.substring(2);
        }
        int q = op.indexOf('?');
        if (q >= 0) {
            op = op.substring(0, q);
        }
        op = op.substring(op.lastIndexOf('/') + 1);
        return op.startsWith("post") || op.startsWith("forward");
    }

    @Override
    public void notify(CamelEvent event) {
        if (!(event instanceof ExchangeSentEvent)) {
            return;
        }
        Exchange exchange = ((ExchangeSentEvent) event).getExchange();
        if (exchange.getException() != null) {
            failed.incrementAndGet();
        } else {
            sent.incrementAndGet();
        }
    }

    /** Calls GeWe accepted. */
    public long sent() {
        return sent.get();
    }

    /** Calls that failed, every attempt counted. */
    public long failed() {
        return failed.get();
    }
}
