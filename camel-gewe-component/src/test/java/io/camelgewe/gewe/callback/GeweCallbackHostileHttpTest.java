package io.camelgewe.gewe.callback;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile pushes over real HTTP into a running consumer, generated with jqwik's generators: every one is answered
 * 4xx, nothing is routed, and the consumer still takes a real push afterwards. A failure lists the bodies that got
 * another answer.
 */
class GeweCallbackHostileHttpTest extends GeweCallbackTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gewe:callback?maxBodySize=65536").to("mock:routed");
            }
        };
    }

    private static Arbitrary<byte[]> hostileBodies() {
        // stripped, so that every cut really truncates the JSON (not just the fixture's final newline)
        String valid = fixture("text").strip();
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(2000);
        Arbitrary<byte[]> truncated = Arbitraries.integers().between(0, valid.length() - 1)
                .map(n -> valid.substring(0, n).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> nested = Arbitraries.integers().between(100, 20_000)
                .map(n -> ("[".repeat(n)).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> huge = Arbitraries.integers().between(70_000, 300_000)
                .map(n -> ("{\"TypeName\":\"" + "x".repeat(n) + "\"}").getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> wrongShape = Arbitraries.of("[]", "1", "\"AddMsg\"", "null", "{}", "{\"TypeName\":\"AddMsg\"}",
                "{\"TypeName\":\"AddMsg\",\"Data\":[]}", "{\"TypeName\":\"AddMsg\",\"Data\":\"x\"}",
                "{\"TypeName\":5,\"Data\":{}}").map(s -> s.getBytes(StandardCharsets.UTF_8));
        // XML only counts where a message carries XML (an image's content, any message's source): a text message
        // that reads "<!DOCTYPE" is just text
        String image = fixture("image");
        String xxeContent = image.replace("<?xml version=\\\"1.0\\\"?>",
                "<!DOCTYPE m [<!ENTITY x SYSTEM \\\"file:///etc/passwd\\\">]>");
        String bombSource = valid.replace("<msgsource>",
                "<!DOCTYPE m [<!ENTITY a \\\"aaaa\\\"><!ENTITY b \\\"&a;&a;&a;&a;\\\">]><msgsource>&b;");
        if (xxeContent.equals(image) || bombSource.equals(valid)) {
            throw new IllegalStateException("the fixtures changed: the hostile variants are not hostile any more");
        }
        Arbitrary<byte[]> xxe = Arbitraries.of(xxeContent, bombSource).map(s -> s.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, random), net.jqwik.api.Tuple.of(3, truncated), net.jqwik.api.Tuple.of(1, nested),
                net.jqwik.api.Tuple.of(1, huge), net.jqwik.api.Tuple.of(2, wrongShape), net.jqwik.api.Tuple.of(1, xxe));
    }

    @Test
    void hostilePushesAreAnswered4xxRouteNothingAndTheConsumerStaysUp() throws Exception {
        MockEndpoint routed = getMockEndpoint("mock:routed");
        List<String> wrong = new ArrayList<>();
        int n = 0;
        for (byte[] body : (Iterable<byte[]>) hostileBodies().sampleStream().limit(300)::iterator) {
            n++;
            HttpResponse<String> answer;
            try {
                answer = post("/gewe/callback", body);
            } catch (java.io.UncheckedIOException reset) {
                // a body over maxBodySize is refused (413) from its declared length, before it is read, and the
                // connection closed: a client still writing may see the close before the answer; nothing was routed
                if (body.length > 65536) {
                    continue;
                }
                throw reset;
            }
            if (answer.statusCode() < 400 || answer.statusCode() > 499) {
                String text = new String(body, StandardCharsets.UTF_8);
                wrong.add(answer.statusCode() + " for " + (text.length() > 200 ? text.substring(0, 200) + "..." : text)
                        .replace("\n", "\\n") + " (" + body.length + " bytes)");
            }
        }
        assertEquals(300, n);
        assertTrue(wrong.isEmpty(), "answers other than 4xx:\n" + String.join("\n", wrong));
        assertEquals(0, routed.getReceivedCounter(), "nothing hostile was routed");

        routed.expectedMessageCount(1);
        assertEquals(200, post(fixture("text")).statusCode(), "the consumer still takes a real push");
        routed.assertIsSatisfied();
    }
}
