package io.camelgewe.examples.routes;

import io.camelgewe.examples.support.GeweFailures;
import io.camelgewe.gewe.GeweConstants;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * Kafka to GeWe: the topic {@code gewe.examples.kafka.topic} carries one record a message, keyed by the appId of the
 * account that sends it, the value {@code {"toWxid":"...","content":"..."}}.
 * <p>
 * Why the key: Kafka puts all records of one key in one partition, and a consumer group gives each partition to one
 * consumer. So the instances (and threads, {@code consumersCount}) of a group share the accounts between them, while
 * each account is driven by one consumer at a time, in order: GeWe's rule of one message at a time per account holds
 * without any coordination.
 * <p>
 * Failures (see {@code GeweFailures}): NOT_SENT is retried in place a few times, then dead-lettered; REJECTED and
 * invalid records go to the dead-letter topic; UNKNOWN goes to the review topic. The original record is forwarded,
 * with its key and the error as record headers ({@code GeweError}, {@code GeweDelivery}, {@code GeweErrorType}). A
 * record GeWe accepted, or may have (parked for review), is recorded in the ledger ({@code kafkaLedger}), which lives
 * in a Kafka topic and so is shared by every instance of the group: after a rebalance or a crash before the offset commit, the instance that gets the
 * partition skips what another one sent.
 * <p>
 * The other direction, GeWe's callbacks to Kafka (and their media to disk), is {@link CallbackRoutes}.
 */
public class KafkaRoutes extends RouteBuilder {

    /** How the log names a record: {@code topic/partition/offset}, as the ledger keys it. */
    static final String RECORD = "${header[kafka.TOPIC]}/${header[kafka.PARTITION]}/${header[kafka.OFFSET]}";

    @Override
    public void configure() {
        from("kafka:{{gewe.examples.kafka.topic}}?groupId={{gewe.examples.kafka.groupId}}"
             + "&consumersCount={{gewe.examples.kafka.consumers}}&autoOffsetReset=earliest&pollTimeoutMs=1000")
                .routeId("kafka-sends")
                .onException(Exception.class).onWhen(method("geweFailures", "retryable"))
                    .maximumRedeliveries(3).redeliveryDelay(500).logRetryAttempted(true)
                    .retryAttemptedLogLevel(LoggingLevel.WARN).logExhausted(false)
                    .onRedelivery(e -> e.getContext().getRegistry()
                            .lookupByNameAndType("geweFailures", GeweFailures.class).retry(e))
                    .handled(true).useOriginalMessage()
                    .bean("geweFailures", "deadLetter")
                    .to("kafka:{{gewe.examples.kafka.dlq}}")
                    .log(LoggingLevel.WARN, "Kafka " + RECORD + ": "
                                            + "${header.GeweError}; dead-lettered on {{gewe.examples.kafka.dlq}}")
                .end()
                .onException(Exception.class).onWhen(method("geweFailures", "unknown"))
                    .handled(true).useOriginalMessage()
                    .bean("kafkaLedger", "record")
                    .bean("geweFailures", "park")
                    .to("kafka:{{gewe.examples.kafka.review}}")
                    .log(LoggingLevel.WARN, "Kafka " + RECORD + ": "
                                            + "GeWe may have sent it (${header.GeweError}); parked on "
                                            + "{{gewe.examples.kafka.review}}")
                .end()
                .onException(Exception.class)
                    .handled(true).useOriginalMessage()
                    .bean("geweFailures", "deadLetter")
                    .to("kafka:{{gewe.examples.kafka.dlq}}")
                    .log(LoggingLevel.WARN, "Kafka " + RECORD + ": "
                                            + "${header.GeweError}; dead-lettered on {{gewe.examples.kafka.dlq}}")
                .end()
                // the record's key is the account that sends it
                .setHeader(GeweConstants.APP_ID, header(KafkaConstants.KEY))
                .choice()
                    .when(method("kafkaLedger", "alreadySent"))
                        .log("Kafka " + RECORD + ": GeWe already accepted it, not sent again")
                    .otherwise()
                        .to("gewe:postText")
                        .bean("kafkaLedger", "record")
                        .log("Kafka " + RECORD + " (appId ${header.CamelGeweAppId}): sent: ${bodyAs(String)}")
                .end();
    }
}
