package io.camelgewe.examples.support;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSendingEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Counts the messages the application takes in for a {@code gewe:} send ({@code post*}, {@code forward*}) and those
 * GeWe accepted, from Camel's events: no route has to do anything for it.
 * <ul>
 * <li>{@link #accepted()}: a message's first call of a send endpoint. A redelivery of the same message (a JMS
 * message the broker delivers again, a Camel redelivery in place) is the same message, not counted again; a message
 * the ledger recognises as already sent makes no call and is not counted either.</li>
 * <li>{@link #sent()}: calls GeWe accepted: a message is sent once.</li>
 * </ul>
 * What became of the others (refused before sending, failed at GeWe, dead-lettered, parked) is counted where the
 * routes decide it, in {@link GeweFailures}; {@link ExampleStatus} puts the two together.
 */
public class SendCounter extends EventNotifierSupport {

    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();

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
        if (event instanceof ExchangeSendingEvent sending) {
            if (isFirstAttempt(sending.getExchange())) {
                accepted.incrementAndGet();
            }
        } else if (event instanceof ExchangeSentEvent sentEvent && sentEvent.getExchange().getException() == null) {
            sent.incrementAndGet();
        }
    }

    /** Neither a Camel redelivery of the exchange nor a JMS message the broker delivers again. */
    private static boolean isFirstAttempt(Exchange exchange) {
        return exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class) == 0
               && GeweFailures.deliveries(exchange) <= 1;
    }

    /** A message taken in that failed before it could reach a send endpoint (a message file that cannot be read). */
    public void acceptedWithoutCall() {
        accepted.incrementAndGet();
    }

    /** Messages taken in for a send. */
    public long accepted() {
        return accepted.get();
    }

    /** Messages GeWe accepted. */
    public long sent() {
        return sent.get();
    }
}
