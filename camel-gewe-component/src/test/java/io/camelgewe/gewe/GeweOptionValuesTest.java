package io.camelgewe.gewe;

import io.camelgewe.gewe.errors.GeweDelivery;
import io.camelgewe.gewe.errors.GeweTimeoutException;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runtime agrees with Camel tooling (GeweToolingCatalogTest) on option values: a typed option given text that is
 * not of its type fails the route at start, naming the option, instead of becoming 0; a consumer option on an
 * operation is refused as a producer option on gewe:callback is; durations are read in both forms.
 */
class GeweOptionValuesTest extends GeweTestSupport {

    @ParameterizedTest
    @CsvSource({
            "postText?responseTimeout=abc, responseTimeout must be a duration, abc",
            "postText?connectTimeout=soon, connectTimeout must be a duration, soon",
            "postVideo?videoDuration=ten, videoDuration must be an integer, ten",
            "postVoice?voiceDuration=1.5, voiceDuration must be an integer, 1.5",
            "postEmoji?emojiSize=big, emojiSize must be an integer, big" })
    void textThatIsNotOfTheOptionsTypeFailsTheRouteAtStart(String uri, String problem, String value) throws Exception {
        String msg = RouteStart.failure(context, "gewe:" + uri);
        assertTrue(msg.contains(problem) && msg.contains("not '" + value + "'"), msg);
        assertFalse(msg.contains(simulator.token()), msg);
        assertEquals(0, simulator.totalCount(), "nothing reached GeWe");
    }

    @Test
    void aFieldWithoutATypedOptionIsCheckedAgainstItsCatalogTypeAtStart() throws Exception {
        String msg = RouteStart.failure(context, "gewe:snsDetails?snsId=latest");
        assertTrue(msg.contains("snsId") && msg.contains("latest"), msg);
    }

    @ParameterizedTest
    @CsvSource({ "60000, 60000", "60s, 60000", "1m30s, 90000", "PT2M, 120000", "PT0.25S, 250" })
    void durationsAreMillisecondsOrCamelsDurationText(String given, long millis) {
        GeweEndpoint e = context.getEndpoint("gewe:postText?responseTimeout=" + given + "&connectTimeout=" + given,
                GeweEndpoint.class);
        assertEquals(millis, e.getConfiguration().getResponseTimeout());
        assertEquals(millis, e.getConfiguration().getConnectTimeout());
        GeweEndpoint callback = context.getEndpoint("gewe:callback?path=/d" + millis + "&answerTimeout=" + given,
                GeweEndpoint.class);
        assertEquals(millis, callback.getConfiguration().getAnswerTimeout());
    }

    @ParameterizedTest
    @ValueSource(strings = { "1s", "1000" })
    void aResponseTimeoutWrittenEitherWayIsTheOneHttpClientApplies(String given) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:slow").to("gewe:postText?toWxid=wxid_a&responseTimeout=" + given);
            }
        });
        context.start();
        simulator.setLatency(java.time.Duration.ofSeconds(4));
        try {
            Exchange out = template.send("direct:slow", x -> x.getMessage().setBody("hello"));
            GeweTimeoutException t = assertInstanceOf(GeweTimeoutException.class, out.getException());
            assertEquals(1000, t.getTimeoutMillis());
            assertEquals(GeweDelivery.UNKNOWN, t.getDelivery());
        } finally {
            simulator.setLatency(java.time.Duration.ZERO);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "answerAfter=RECEIPT", "answerTimeout=1000", "msgTypes=1", "skipOwnMessages=false",
                             "registerUrl=http://h/gewe/callback", "poolSize=2" })
    void aConsumerOptionOnAnOperationIsRefused(String option) {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("gewe:postText?" + option));
        String name = option.substring(0, option.indexOf('='));
        assertTrue(GeweEndpointTest.rootMessage(e).contains(name + " is an option of gewe:callback"),
                GeweEndpointTest.rootMessage(e));
    }

    @ParameterizedTest
    @ValueSource(strings = { "fetch=true", "cdnReuse=true", "pacing=false", "typeFallback=true", "toWxid=wxid_a",
                             "fetchDirectory=/tmp" })
    void aProducerOptionOnTheCallbackIsRefused(String option) {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("gewe:callback?" + option));
        String name = option.substring(0, option.indexOf('='));
        assertTrue(GeweEndpointTest.rootMessage(e).contains("does not take the option " + name),
                GeweEndpointTest.rootMessage(e));
    }

    @Test
    void aRawValueIsOneValueWhateverItHoldsAndNoSecretReachesTheMessage() {
        // the callback takes no unknown option: a secret holding & and = must not read as more options
        GeweEndpoint callback = context.getEndpoint("gewe:callback?path=/raw&secret=RAW(s3cr&t=x!)", GeweEndpoint.class);
        assertEquals("s3cr&t=x!", callback.getConfiguration().getSecret());
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("gewe:callback?path=/raw2&secret=RAW(s3cr&t=x!)&poolSize=many"));
        String msg = GeweEndpointTest.rootMessage(e);
        assertTrue(msg.contains("poolSize must be an integer, not 'many'"), msg);
        assertFalse(msg.contains("s3cr") || msg.contains("x!"), msg);
        e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("gewe:postText?token=RAW(" + simulator.token() + "&x=1)&emojiSize=big"));
        assertFalse(GeweEndpointTest.rootMessage(e).contains(simulator.token()), GeweEndpointTest.rootMessage(e));
    }

    @Test
    void theTimeoutsAreTheCallbacksToo() {
        // gewe:callback registers its URL with GeWe (login/setCallback) and waits for that call as long
        GeweEndpoint e = context.getEndpoint("gewe:callback?path=/t&connectTimeout=2s&responseTimeout=5s",
                GeweEndpoint.class);
        assertEquals(2000, e.getConfiguration().getConnectTimeout());
        assertEquals(5000, e.getConfiguration().getResponseTimeout());
    }

    @Override
    public boolean isUseRouteBuilder() {
        // each test adds its routes, and those that fail must fail at context.start()
        return false;
    }
}
