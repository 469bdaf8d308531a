package io.camelgewe.examples.routes;

import io.camelgewe.gewe.GeweConstants;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Files to GeWe: every {@code *.json} or {@code *.csv} message file dropped in {@code <dropDir>/messages} becomes
 * {@code gewe:postText} sends (see {@code MessageFiles} for the formats), one message at a time, in file order.
 * <p>
 * A file whose messages were all sent moves to {@code messages/.done}. A file that failed moves to
 * {@code messages/.error}, with {@code <name>.reason.txt} beside it: which message failed, how many were sent before
 * it, GeWe's error and whether GeWe may have sent the failed one. The whole file is read and checked before the first
 * send, so a malformed file sends nothing. A failed file never holds up the next one.
 */
public class FileRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("file:{{gewe.examples.dropDir}}/messages?include=.*\\.(json|csv)&move=.done&moveFailed=.error"
             + "&readLock=changed&readLockCheckInterval=250&readLockMinAge=250")
                .routeId("file-sends")
                .onException(Exception.class)
                    // not handled: the file consumer then moves the file to .error
                    .handled(false).logExhausted(false)
                    .bean("geweFailures", "fileFailed")
                    .log(LoggingLevel.WARN, "${file:name} moved to .error: ${body}")
                    .to("file:{{gewe.examples.dropDir}}/messages/.error?fileName=${file:name}.reason.txt")
                .end()
                .setHeader(GeweConstants.TO_WXID, constant("{{gewe.examples.toWxid}}"))
                .split(method("messageFiles", "messages")).stopOnException()
                    .to("gewe:postText")
                .end()
                .log("${file:name}: sent, moved to .done");
    }
}
