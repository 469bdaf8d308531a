package io.camelgewe.gewe;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelgewe.gewe.catalog.GeweOperation;
import io.camelgewe.gewe.spi.FetchOrigins;
import io.camelgewe.gewe.spi.FetchedFile;
import io.camelgewe.gewe.spi.GeweClient;
import io.camelgewe.gewe.spi.GeweTimeouts;
import io.camelgewe.gewe.errors.GeweApiException;
import io.camelgewe.gewe.errors.GeweDelivery;
import io.camelgewe.gewe.errors.GeweException;
import io.camelgewe.gewe.model.SendResult;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The client seam: a component given a {@link GeweClient} of the user's own calls GeWe through it only, as a user's
 * test would do it to answer without any server; the producer's binding (body, ids as headers, errors) is the same.
 */
class GeweClientSeamTest extends CamelTestSupport {

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    /** What the user's client was asked. */
    private record Call(String operation, Object toWxid, Object content, long responseMillis) {
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext ctx = super.createCamelContext();
        GeweComponent gewe = new GeweComponent();
        gewe.setAppId("wx_app");
        gewe.setPacing(false);
        gewe.setClient(new GeweClient() {
            @Override
            public CompletableFuture<Object> call(GeweOperation operation, Object[] values, GeweTimeouts timeouts) {
                int to = operation.fields().indexOf(operation.field("toWxid"));
                int content = operation.fields().indexOf(operation.field("content"));
                calls.add(new Call(operation.qualifiedName(), values[to], values[content], timeouts.responseMillis()));
                if ("refuse me".equals(values[content])) {
                    return CompletableFuture.failedFuture(new GeweApiException(operation.qualifiedName(), 500,
                            "发送失败", null, null));
                }
                SendResult sent = new SendResult();
                sent.setMsgId(7L);
                sent.setNewMsgId(7000000000000000007L);
                return CompletableFuture.completedFuture(sent);
            }

            @Override
            public CompletableFuture<FetchedFile> fetch(GeweOperation operation, String fileUrl, FetchOrigins origins,
                                                        Path directory, GeweTimeouts timeouts) {
                return CompletableFuture.failedFuture(new UnsupportedOperationException("no files here"));
            }
        });
        ctx.addComponent("gewe", gewe);
        return ctx;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // no token and no reachable baseUrl: the user's client stands for GeWe
                from("direct:send").to("gewe:postText?toWxid=wxid_friend&responseTimeout=1234");
            }
        };
    }

    @Test
    void everyCallGoesThroughTheGivenClientAndIsBoundAsUsual() {
        Exchange out = template.request("direct:send", e -> e.getMessage().setBody("hello"));
        assertNull(out.getException());
        assertEquals(List.of(new Call("message/postText", "wxid_friend", "hello", 1234)), calls);
        assertInstanceOf(SendResult.class, out.getMessage().getBody());
        assertEquals(7L, out.getMessage().getHeader(GeweConstants.MSG_ID));
        assertEquals(7000000000000000007L, out.getMessage().getHeader(GeweConstants.NEW_MSG_ID));
    }

    @Test
    void theClientsRefusalIsTheExchangesException() {
        Exchange out = template.request("direct:send", e -> e.getMessage().setBody("refuse me"));
        GeweException e = assertInstanceOf(GeweApiException.class, out.getException());
        assertEquals(GeweDelivery.REJECTED, e.getDelivery());
    }
}
