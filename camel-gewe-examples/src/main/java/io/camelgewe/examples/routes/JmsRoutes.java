package io.camelgewe.examples.routes;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * JMS to GeWe: a transacted queue consumer sends each message ({@code {"toWxid":"...","content":"..."}}) with
 * {@code gewe:postText}.
 * <p>
 * The transaction: the message is taken from the queue in a JMS transaction that commits when the route ends. What
 * happens on failure depends on what GeWe may have done (see {@code GeweFailures}):
 * <ul>
 * <li>nothing reached GeWe (NOT_SENT): the transaction rolls back and the broker delivers the message again, up to
 * {@code gewe.examples.jms.maxDeliveries} deliveries; then it goes to the dead-letter queue;</li>
 * <li>GeWe refused it (REJECTED), or it is not a valid message: the dead-letter queue, at once;</li>
 * <li>GeWe may have sent it (UNKNOWN): the review queue, never retried automatically.</li>
 * </ul>
 * A message on the dead-letter or review queue carries the error in its properties {@code GeweError},
 * {@code GeweDelivery}, {@code GeweErrorType} and {@code GeweDeliveries}. Its copy there is committed before the
 * consuming transaction commits, so the message is never lost between the two queues. The copy is not part of that
 * transaction: after {@code gewe:} the route goes on on the thread that received GeWe's answer, which the listener's
 * transaction is not bound to. So should the application die between the two commits, the message is on the other
 * queue and also comes back to this one. A message GeWe accepted, or may have (parked for review), is recorded in the
 * ledger ({@code jmsLedger}) before the commit: if the commit is lost and the message comes back, it is not sent
 * again. A dead-lettered message that comes back is tried again (GeWe refused it, so it was not sent).
 * <p>
 * {@code gewe.examples.jms.consumers} (1) sets how many messages are taken from the queue at once, each in its own
 * transaction; against a real GeWe the component's pacing still sends one message at a time per account, in the
 * order they reached the component.
 */
public class JmsRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("jms:queue:{{gewe.examples.jms.queue}}?transacted=true&cacheLevelName=CACHE_CONSUMER"
             + "&concurrentConsumers={{gewe.examples.jms.consumers}}"
             + "&errorHandlerLoggingLevel=DEBUG&errorHandlerLogStackTrace=false")
                .routeId("jms-sends")
                .onException(Exception.class).onWhen(method("geweFailures", "redeliverable"))
                    .handled(false).logExhausted(false)
                    .bean("geweFailures", "rollBack")
                    .log(LoggingLevel.WARN, "JMS ${header.JMSMessageID}: ${header.GeweError}; rolled back, the broker "
                                            + "delivers it again (delivery ${header.GeweDeliveries} of "
                                            + "{{gewe.examples.jms.maxDeliveries}})")
                .end()
                .onException(Exception.class).onWhen(method("geweFailures", "unknown"))
                    .handled(true).useOriginalMessage()
                    .bean("jmsLedger", "record")
                    .bean("geweFailures", "park")
                    .to("jms:queue:{{gewe.examples.jms.review}}")
                    .log(LoggingLevel.WARN, "JMS ${header.JMSMessageID}: GeWe may have sent it (${header.GeweError}); "
                                            + "parked on {{gewe.examples.jms.review}}, not retried")
                .end()
                .onException(Exception.class)
                    .handled(true).useOriginalMessage()
                    .bean("geweFailures", "deadLetter")
                    .to("jms:queue:{{gewe.examples.jms.dlq}}")
                    .log(LoggingLevel.WARN, "JMS ${header.JMSMessageID}: ${header.GeweError}; "
                                            + "dead-lettered on {{gewe.examples.jms.dlq}}")
                .end()
                .choice()
                    .when(method("jmsLedger", "alreadySent"))
                        .log("JMS ${header.JMSMessageID}: GeWe already accepted it, not sent again")
                    .otherwise()
                        .to("gewe:postText")
                        .bean("jmsLedger", "record")
                        .log("JMS ${header.JMSMessageID}: sent: ${bodyAs(String)}")
                .end();
    }
}
