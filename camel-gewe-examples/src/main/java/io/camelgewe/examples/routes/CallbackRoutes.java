package io.camelgewe.examples.routes;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgewe.examples.support.CallbackRecords;
import io.camelgewe.gewe.GeweConstants;
import io.camelgewe.gewe.errors.GeweDelivery;
import io.camelgewe.gewe.GeweEndpoint;
import io.camelgewe.gewe.errors.GeweException;
import io.camelgewe.gewe.model.GeweRequest;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * GeWe's callbacks to Kafka, and the media they carry to disk.
 *
 * <h2>{@code callbacks-to-kafka}</h2>
 * {@code from("gewe:callback")} receives every message and event GeWe pushes for the account, on the application's
 * HTTP server (camel-platform-http-main: {@code camel.server.port}), and registers the application's public URL with
 * GeWe at start ({@code gewe.examples.callbacks.registerUrl}). Each callback is published to the topic
 * {@code gewe.examples.callbacks.topic} ({@code gewe.callbacks}): the value is the JSON GeWe pushed, the key its
 * {@code Appid} (one partition per account, so each account's messages stay in order), with the record headers
 * {@code GeweTypeName}, {@code GeweMsgType} and {@code GeweNewMsgId}.
 * <p>
 * <b>Once, across instances.</b> GeWe pushes a message more than once, sometimes hours apart, and to whichever
 * instance the load balancer picks. The consumer drops repeats on {@code Appid + NewMsgId} through
 * {@code callbackLedger}, a {@code KafkaLedgerRepository} on its own topic ({@code gewe.callbacks.seen}) that every
 * instance reads, written only once a callback has been published.
 * <p>
 * <b>The delivery guarantee.</b> GeWe is answered after the Kafka send ({@code answerAfter=COMPLETION}): 200 once the
 * broker acknowledged the record ({@code acks=all}) and the key is in the ledger, 500 when the send failed (the key is
 * released, and GeWe may push again). A push is never acknowledged before it is safe in Kafka, so nothing GeWe
 * delivered is lost; a message is published twice only when an instance dies between the broker's acknowledgement
 * and the ledger write and GeWe then pushes it again, which consumers of the topic can recognise by
 * {@code Appid + NewMsgId}. The consumer answers after at most {@code answerTimeout} (2.5 s) whatever happens,
 * because GeWe gives up after 3 s: a Kafka cluster slower than that gets the push acknowledged while the send is
 * still going on, and should it then fail, the message is lost, which the log says.
 *
 * <h2>{@code callback-media}</h2>
 * A second consumer group of the same topic ({@code gewe.examples.callbacks.mediaGroupId}) downloads the image and
 * the file of every image and file message ({@code gewe:downloadImage} or {@code gewe:downloadFile} with
 * {@code fetch=true}) and writes it to {@code <dropDir>/media} as {@code <appId>_<newMsgId>[_<file title>].<ext>}.
 * It runs apart from the callbacks, so GeWe's 3-second answer never waits for a download, and it reads from Kafka, so
 * a download that did not happen (the application stopped, GeWe was unreachable) happens when it is back; a download
 * done twice writes the same file again. GeWe's download calls are paced per account (3 to 10 s apart, see the
 * component's pacing), so a few records are polled at a time. A download that still fails after retries, or that GeWe
 * refuses, goes to {@code gewe.examples.callbacks.mediaDlq} with the error in the record headers.
 */
public class CallbackRoutes extends RouteBuilder {

    private static final String MEDIA_FAILED = "Media of the callback at " + KafkaRoutes.RECORD + " not downloaded: "
                                               + "${header.GeweError}; the record is on "
                                               + "{{gewe.examples.callbacks.mediaDlq}}";

    @Override
    public void configure() {
        from(callbackEndpoint())
                .routeId("callbacks-to-kafka")
                .bean("callbackRecords", "describe")
                .setHeader(KafkaConstants.KEY, header(GeweConstants.APP_ID))
                // the JSON GeWe pushed, as it came (convertBodyTo(String.class) would give the message's text)
                .convertBodyTo(JsonNode.class)
                .convertBodyTo(String.class)
                // acks from every replica; a send fails within 2 s rather than outlive GeWe's 3-second wait
                .to("kafka:{{gewe.examples.callbacks.topic}}?requestRequiredAcks=all"
                    + "&maxBlockMs=1000&requestTimeoutMs=1500&deliveryTimeoutMs=2000")
                .log("Callback ${header.GeweTypeName} ${header.GeweMsgType} from ${header.CamelGeweFromWxid} "
                     + "(appId ${header.CamelGeweAppId}, newMsgId ${header.GeweNewMsgId}) published to "
                     + "{{gewe.examples.callbacks.topic}}");

        from("kafka:{{gewe.examples.callbacks.topic}}?groupId={{gewe.examples.callbacks.mediaGroupId}}"
             + "&autoOffsetReset=earliest&maxPollRecords=10&pollTimeoutMs=1000")
                .routeId("callback-media")
                // a download reads, it sends nothing: any failure but GeWe's refusal can be tried again
                .onException(Exception.class).onWhen(exchange -> {
                    GeweException e = exchange.getException(GeweException.class);
                    return e != null && e.getDelivery() != GeweDelivery.REJECTED;
                })
                    .maximumRedeliveries(3).redeliveryDelay(1000).logRetryAttempted(true)
                    .retryAttemptedLogLevel(LoggingLevel.WARN).logExhausted(false)
                    .handled(true).useOriginalMessage()
                    .bean("geweFailures", "describe")
                    .to("kafka:{{gewe.examples.callbacks.mediaDlq}}")
                    .log(LoggingLevel.WARN, MEDIA_FAILED)
                .end()
                .onException(Exception.class)
                    .handled(true).useOriginalMessage()
                    .bean("geweFailures", "describe")
                    .to("kafka:{{gewe.examples.callbacks.mediaDlq}}")
                    .log(LoggingLevel.WARN, MEDIA_FAILED)
                .end()
                .bean("callbackRecords", "read")
                // images and files; voice, video and emoji could be saved the same way
                .filter(simple("${body.downloadOperation} in 'downloadImage,downloadFile'"))
                    .bean("callbackRecords", "prepareDownload")
                    .convertBodyTo(GeweRequest.class)
                    .toD("gewe:${header." + CallbackRecords.DOWNLOAD_OPERATION + "}?fetch=true")
                    .setHeader("CamelFileName", method("callbackRecords", "mediaFileName"))
                    // written under a temporary name, then renamed: the media folder only shows whole files
                    .to("file:{{gewe.examples.dropDir}}/media?tempPrefix=.part-")
                    .log("Media ${header." + CallbackRecords.DOWNLOAD_OPERATION + "} of ${header."
                         + CallbackRecords.MEDIA_NAME + "} saved as {{gewe.examples.dropDir}}/media/"
                         + "${header.CamelFileName} (${header.CamelFileLength} bytes)");

        if (getContext().getRegistry().lookupByName("callbackDemo") != null) {
            from("timer:callback-demo?repeatCount=1&delay=500").routeId("callback-demo")
                    .bean("callbackDemo", "run")
                    .log("${body}");
        }
    }

    /**
     * The consumer's endpoint, {@code gewe:callback?idempotentRepository=#callbackLedger&answerAfter=COMPLETION},
     * with the registered URL and the secret when they are set: on its configuration rather than in the URI, where a
     * secret would need escaping and could show.
     */
    private GeweEndpoint callbackEndpoint() {
        GeweEndpoint endpoint = getContext().getEndpoint(
                "gewe:callback?idempotentRepository=#callbackLedger&answerAfter=COMPLETION", GeweEndpoint.class);
        var properties = getContext().getPropertiesComponent();
        properties.resolveProperty("gewe.examples.callbacks.registerUrl").filter(s -> !s.isBlank())
                .ifPresent(url -> endpoint.getConfiguration().setRegisterUrl(url.strip()));
        properties.resolveProperty("gewe.examples.callbacks.secret").filter(s -> !s.isBlank())
                .ifPresent(secret -> endpoint.getConfiguration().setSecret(secret.strip()));
        return endpoint;
    }
}
