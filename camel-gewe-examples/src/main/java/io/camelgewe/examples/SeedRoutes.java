package io.camelgewe.examples;

import io.camelgewe.gewe.GeweConstants;
import io.camelgewe.gewe.model.ImageSendResult;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;

/**
 * The first example routes: GeWe's seed operations, driven from a timer and from a drop folder.
 * <ul>
 * <li>{@code demo-media}: once at start, sends an image, a video and a voice message to
 * {@code gewe.examples.demo.toWxid}, from the URLs {@code gewe.examples.demo.*}, and (with
 * {@code gewe.examples.demo.download}) downloads an image. No route at all when no demo recipient is set: against a
 * real GeWe the application sends nothing by itself unless the user names who the demo is for.</li>
 * <li>{@code drop-images}: every {@code *.json} or {@code *.txt} file dropped in the images folder becomes a
 * postImage (JSON with toWxid and imgUrl, or a plain image URL); it ends in {@code .done}, or in {@code .error} with
 * the reason beside it.</li>
 * </ul>
 */
public class SeedRoutes extends RouteBuilder {

    @Override
    public void configure() {
        var properties = getContext().getPropertiesComponent();
        if (properties.resolveProperty("gewe.examples.demo.toWxid").filter(s -> !s.isBlank()).isPresent()) {
            RouteDefinition demo = from("timer:demo?repeatCount=1").routeId("demo-media");
            demo.onException(Exception.class)
                    // a demo: what failed is said, and nothing else is tried
                    .handled(true).logExhausted(false)
                    .bean("geweFailures", "deadLetter")
                    .log(LoggingLevel.WARN, "Demo: ${header.GeweError}; the demo gives up")
                    .end();
            demo.setHeader(GeweConstants.TO_WXID, constant("{{gewe.examples.demo.toWxid}}"))
                    .setBody(constant("{{gewe.examples.demo.imageUrl}}"))
                    .to("gewe:postImage")
                    .process(e -> {
                        ImageSendResult r = e.getMessage().getBody(ImageSendResult.class);
                        e.getMessage().setHeader("cdn", "aesKey=" + r.getAesKey() + " length=" + r.getLength());
                    })
                    .log("postImage sent: newMsgId=${header.CamelGeweNewMsgId}, ${header.cdn}")
                    .setBody(constant("{\"videoUrl\":\"{{gewe.examples.demo.videoUrl}}\","
                                      + "\"thumbUrl\":\"{{gewe.examples.demo.thumbUrl}}\",\"videoDuration\":10}"))
                    .to("gewe:postVideo")
                    .log("postVideo sent: newMsgId=${header.CamelGeweNewMsgId}, data=${bodyAs(String)}")
                    .setBody(constant("{{gewe.examples.demo.voiceUrl}}"))
                    .setHeader(GeweConstants.VOICE_DURATION, constant(2300))
                    .to("gewe:postVoice")
                    .log("postVoice sent: newMsgId=${header.CamelGeweNewMsgId} at ${header.CamelGeweCreateTime}");
            if (properties.resolveProperty("gewe.examples.demo.download").map(Boolean::parseBoolean).orElse(false)) {
                demo.setBody(constant("<?xml version=\"1.0\"?><msg><img aeskey=\"k\" length=\"4061\" /></msg>"))
                        .to("gewe:downloadImage")
                        .log("downloadImage answered: ${bodyAs(String)}");
            }
        }

        from("file:{{gewe.examples.dropDir}}/images?include=.*\\.(json|txt)&move=.done&moveFailed=.error")
                .routeId("drop-images")
                .onException(Exception.class)
                    // not handled: the file consumer then moves the file to .error
                    .handled(false).logExhausted(false)
                    .bean("geweFailures", "fileFailed")
                    .log(LoggingLevel.WARN, "${file:name} moved to .error: ${body}")
                    .to("file:{{gewe.examples.dropDir}}/images/.error?fileName=${file:name}.reason.txt")
                .end()
                .setHeader(GeweConstants.TO_WXID, constant("{{gewe.examples.toWxid}}"))
                .to("gewe:postImage")
                .log("${file:name} sent as postImage: newMsgId=${header.CamelGeweNewMsgId}");
    }
}
