package io.camelgewe.examples.support;

import java.util.concurrent.atomic.AtomicLong;

import io.camelgewe.gewe.errors.GeweDelivery;
import io.camelgewe.gewe.errors.GeweException;
import io.camelgewe.gewe.errors.GeweValidationException;
import jakarta.jms.JMSException;
import org.apache.camel.CamelExchangeException;
import org.apache.camel.Exchange;
import org.apache.camel.component.jms.JmsMessage;

/**
 * Decides what happens to a message whose GeWe send failed, from {@link GeweException#getDelivery()}, and attaches
 * the error to it. The example routes of every DSL (Java, Spring XML, YAML) call it by its bean name,
 * {@code geweFailures}.
 * <ul>
 * <li>{@link GeweDelivery#NOT_SENT} (refused connection, connect timeout): nothing reached GeWe, so sending again
 * cannot send twice. A JMS message is rolled back and redelivered by the broker ({@link #redeliverable}) until it has
 * been delivered {@code maxDeliveries} times; a Kafka record is retried in place ({@link #retryable}). Then it is
 * dead-lettered. A request GeWe's rules refuse before any call ({@link GeweValidationException}) is dead-lettered at
 * once: it will never pass.</li>
 * <li>{@link GeweDelivery#REJECTED} (GeWe answered {@code ret != 200}, an HTTP 4xx): not sent, dead-lettered with
 * GeWe's answer.</li>
 * <li>{@link GeweDelivery#UNKNOWN} (connection lost mid-reply, gateway 5xx, reply timeout): GeWe may have sent it; an
 * automatic retry could reach the WeChat user twice, so the message is parked on a review queue ({@link #unknown})
 * for a person to decide.</li>
 * <li>Anything else (a message that is not a message): dead-lettered.</li>
 * </ul>
 * The headers set on a failed message: {@value #ERROR}, {@value #DELIVERY} (NOT_SENT, REJECTED, UNKNOWN, or absent
 * for a failure that is not GeWe's), {@value #ERROR_TYPE} and, for JMS, {@value #DELIVERIES}.
 * <p>
 * It counts what became of every message that was not sent, when its route decides it: {@link #refusedBeforeSending()}
 * (invalid: it never reached GeWe) or {@link #failedAtGewe()} (GeWe refused it, could not be reached, or may have
 * sent it); and, for the same messages, where they went: {@link #deadLettered()} or {@link #parked()}. So
 * {@code deadLettered + parked == refusedBeforeSending + failedAtGewe}. Attempts that were tried again
 * ({@link #retried()}) are not outcomes: the message's outcome comes later.
 */
public class GeweFailures {

    /** Header: the error's message (GeWe's {@code ret} and {@code msg} for a refusal). */
    public static final String ERROR = "GeweError";
    /** Header: {@link GeweDelivery} name of the failure. */
    public static final String DELIVERY = "GeweDelivery";
    /** Header: the simple class name of the exception. */
    public static final String ERROR_TYPE = "GeweErrorType";
    /** Header: how many times the broker had delivered the JMS message. */
    public static final String DELIVERIES = "GeweDeliveries";

    private final int maxDeliveries;
    private final SendCounter counter;
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong rolledBack = new AtomicLong();
    private final AtomicLong retriedInPlace = new AtomicLong();

    /**
     * @param maxDeliveries how many times a JMS message is delivered before a NOT_SENT failure is dead-lettered
     * @param counter       the count of messages taken in, told of a message file refused before any send
     */
    public GeweFailures(int maxDeliveries, SendCounter counter) {
        if (maxDeliveries < 1) {
            throw new IllegalArgumentException("maxDeliveries must be at least 1: " + maxDeliveries);
        }
        this.maxDeliveries = maxDeliveries;
        this.counter = counter;
    }

    // ------------------------------------------------------------------------------------------ decisions

    /** Whether the failure left nothing sent and may pass later: a transport failure before the request left. */
    public boolean retryable(Exchange exchange) {
        GeweException gewe = geweCause(caught(exchange));
        return gewe != null && gewe.getDelivery() == GeweDelivery.NOT_SENT
               && !(gewe instanceof GeweValidationException);
    }

    /** {@link #retryable} and the JMS message has been delivered fewer than {@code maxDeliveries} times. */
    public boolean redeliverable(Exchange exchange) {
        return retryable(exchange) && deliveries(exchange) < maxDeliveries;
    }

    /** Whether GeWe may have sent the message: it must not be retried automatically. */
    public boolean unknown(Exchange exchange) {
        GeweException gewe = geweCause(caught(exchange));
        return gewe != null && gewe.getDelivery() == GeweDelivery.UNKNOWN;
    }

    // ------------------------------------------------------------------------------------------ outcomes

    /** A JMS message goes back to the broker for redelivery: counts it and says so in the log. */
    public void rollBack(Exchange exchange) {
        rolledBack.incrementAndGet();
        describe(exchange);
    }

    /** A failed send is about to be tried again in place (a Camel redelivery): counts it. */
    public void retry(Exchange exchange) {
        retriedInPlace.incrementAndGet();
    }

    /**
     * The message is given up, with its reason kept (on a dead-letter queue or topic, or in the log): attaches the
     * error and counts it.
     */
    public void deadLetter(Exchange exchange) {
        deadLettered.incrementAndGet();
        countFailure(exchange);
        describe(exchange);
    }

    /** The message goes to the review queue or topic (GeWe may have sent it): attaches the error and counts it. */
    public void park(Exchange exchange) {
        parked.incrementAndGet();
        countFailure(exchange);
        describe(exchange);
    }

    /**
     * A dropped file failed: counts it and sets the body to the reason written beside it in the error folder (which
     * message of the file failed, which were sent before it, and whether GeWe may have sent the failed one).
     */
    public void fileFailed(Exchange exchange) {
        if (geweCause(caught(exchange)) == null) {
            // the file could not be read: none of its messages reached a send, the file counts as one message
            counter.acceptedWithoutCall();
        }
        deadLetter(exchange);
        exchange.getMessage().setBody(reason(exchange));
    }

    /** Refused before sending (invalid, or not a message at all), or failed at GeWe (or on the way to it). */
    private void countFailure(Exchange exchange) {
        GeweException gewe = geweCause(caught(exchange));
        if (gewe == null || gewe instanceof GeweValidationException) {
            refused.incrementAndGet();
        } else {
            failed.incrementAndGet();
        }
    }

    /** Attaches the error headers to the message. */
    public void describe(Exchange exchange) {
        Throwable failure = caught(exchange);
        GeweException gewe = geweCause(failure);
        Throwable shown = gewe != null ? gewe : rootOf(failure);
        var message = exchange.getMessage();
        message.setHeader(ERROR, shown == null ? "unknown failure" : String.valueOf(shown.getMessage()));
        message.setHeader(ERROR_TYPE, shown == null ? "" : shown.getClass().getSimpleName());
        if (gewe != null) {
            message.setHeader(DELIVERY, gewe.getDelivery().name());
        } else {
            message.removeHeader(DELIVERY);
        }
        int deliveries = deliveries(exchange);
        if (deliveries > 0) {
            message.setHeader(DELIVERIES, deliveries);
        }
    }

    /** The text of the reason file of a failed drop file. */
    public String reason(Exchange exchange) {
        Throwable failure = caught(exchange);
        StringBuilder sb = new StringBuilder();
        // the route's error handler sees the failed message of a split itself, and it knows its place in the file
        Exchange failed = exchange;
        if (failed.getProperty(Exchange.SPLIT_INDEX) == null && failure instanceof CamelExchangeException cee
            && cee.getExchange() != null) {
            failed = cee.getExchange();
        }
        if (failed.getProperty(Exchange.SPLIT_INDEX) != null) {
            int index = failed.getProperty(Exchange.SPLIT_INDEX, Integer.class);
            Integer size = failed.getProperty(Exchange.SPLIT_SIZE, Integer.class);
            sb.append("message ").append(index + 1);
            if (size != null) {
                sb.append(" of ").append(size);
            }
            sb.append(" failed; ");
            sb.append(index == 0 ? "none was sent before it" : "the " + index + " before it were sent");
            sb.append(", none after it was tried.\n");
        }
        GeweException gewe = geweCause(failure);
        Throwable shown = gewe != null ? gewe : rootOf(failure);
        sb.append(shown == null ? "unknown failure" : shown.getClass().getSimpleName() + ": " + shown.getMessage());
        sb.append('\n');
        if (gewe != null) {
            sb.append("delivery: ").append(gewe.getDelivery()).append(switch (gewe.getDelivery()) {
                case NOT_SENT -> " (GeWe got nothing: fix the cause and drop the file again)";
                case REJECTED -> " (GeWe refused it: nothing was sent)";
                case UNKNOWN -> " (GeWe may have sent it: check the chat before dropping the file again)";
            }).append('\n');
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------ counters

    /** Messages given up because they were invalid: they never reached GeWe. */
    public long refusedBeforeSending() {
        return refused.get();
    }

    /** Messages given up or parked after GeWe refused them, could not be reached, or may have sent them. */
    public long failedAtGewe() {
        return failed.get();
    }

    /** Messages dead-lettered (and drop files moved to the error folder) so far. */
    public long deadLettered() {
        return deadLettered.get();
    }

    /** Messages parked for review so far. */
    public long parked() {
        return parked.get();
    }

    /** JMS deliveries rolled back for redelivery so far. */
    public long rolledBack() {
        return rolledBack.get();
    }

    /** Failed sends tried again: JMS deliveries rolled back, and redeliveries in place. */
    public long retried() {
        return rolledBack.get() + retriedInPlace.get();
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** How many times the broker delivered this JMS message (JMSXDeliveryCount, 1 the first time); 0 if not JMS. */
    public static int deliveries(Exchange exchange) {
        if (exchange.getIn() instanceof JmsMessage jms && jms.getJmsMessage() != null) {
            try {
                return jms.getJmsMessage().getIntProperty("JMSXDeliveryCount");
            } catch (JMSException | NumberFormatException e) {
                return 1;
            }
        }
        Integer header = exchange.getIn().getHeader("JMSXDeliveryCount", Integer.class);
        return header == null ? 0 : header;
    }

    private static Throwable caught(Exchange exchange) {
        Throwable t = exchange.getException();
        return t != null ? t : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }

    private static GeweException geweCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof GeweException g) {
                return g;
            }
        }
        return null;
    }

    private static Throwable rootOf(Throwable t) {
        Throwable c = t;
        while (c != null && c.getCause() != null && c.getCause() != c) {
            if (c instanceof CamelExchangeException) {
                c = c.getCause();
            } else {
                break;
            }
        }
        return c;
    }
}
