package io.camelgewe.gewe;

import io.camelgewe.gewe.catalog.GeweCatalog;
import org.apache.camel.FailedToStartRouteException;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Endpoint creation: operation names, options checked against the operation, component defaults, the token masked.
 */
class GeweEndpointTest extends CamelTestSupport {

    private static final String TOKEN = "tok-" + GeweTestSupport.TOKEN_MARK;

    @Test
    void unknownOperationIsRefusedNamingItAndListingTheValidOnes() {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("gewe:postImag?token=" + TOKEN));
        String msg = rootMessage(e);
        assertTrue(msg.contains("Unknown GeWe operation 'postImag'"), msg);
        assertTrue(msg.contains("postImage") && msg.contains("downloadImage") && msg.contains("postVideo"), msg);
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
    }

    @Test
    void ambiguousActionIsRefusedWithTheQualifiedChoices() {
        Exception e = assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint("gewe:add"));
        String msg = rootMessage(e);
        assertTrue(msg.contains("label/add") && msg.contains("im/add"), msg);
    }

    @Test
    void operationResolvesByActionAndByModuleSlashAction() {
        GeweEndpoint a = context.getEndpoint("gewe:postImage", GeweEndpoint.class);
        GeweEndpoint b = context.getEndpoint("gewe:message/postImage", GeweEndpoint.class);
        assertEquals("message/postImage", a.getOperation().qualifiedName());
        assertEquals(a.getOperation(), b.getOperation());
        assertEquals("label/add", context.getEndpoint("gewe:label/add", GeweEndpoint.class).getOperation()
                .qualifiedName());
    }

    @Test
    void anOptionTheOperationDoesNotTakeIsRefused() {
        Exception e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("gewe:postImage?videoDuration=10"));
        String msg = rootMessage(e);
        assertTrue(msg.contains("'videoDuration' is not a field of postImage"), msg);
        assertTrue(msg.contains("appId, toWxid, imgUrl"), msg);

        e = assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint("gewe:postImage?colour=red"));
        assertTrue(rootMessage(e).contains("unknown option 'colour'"), rootMessage(e));
    }

    @Test
    void fieldsWithoutATypedOptionAreAcceptedUnderGewesName() {
        GeweEndpoint e = context.getEndpoint("gewe:getChatroomInfo?chatroomId=123@chatroom", GeweEndpoint.class);
        assertEquals("group/getChatroomInfo", e.getOperation().qualifiedName());
    }

    @Test
    void componentDefaultsReachEndpointsAndEndpointsOverrideThem() {
        GeweComponent gewe = context.getComponent("gewe", GeweComponent.class);
        gewe.setBaseUrl("http://gewe.example:2531/v2/api");
        gewe.setAppId("wx_component");
        GeweEndpoint plain = context.getEndpoint("gewe:postVoice", GeweEndpoint.class);
        assertEquals("http://gewe.example:2531/v2/api", plain.getConfiguration().getBaseUrl());
        assertEquals("wx_component", plain.getConfiguration().getAppId());
        GeweEndpoint own = context.getEndpoint("gewe:postVoice?appId=wx_own", GeweEndpoint.class);
        assertEquals("wx_own", own.getConfiguration().getAppId());
        // a component nobody configured sends to GeWe's cloud API
        assertEquals(GeweConfiguration.DEFAULT_BASE_URL, new GeweComponent().getConfiguration().getBaseUrl());
    }

    @Test
    void theTokenIsMaskedInTheEndpointUriAndToString() {
        GeweEndpoint e = context.getEndpoint("gewe:postImage?token=" + TOKEN + "&appId=wx_a", GeweEndpoint.class);
        assertFalse(e.toString().contains(TOKEN), e.toString());
        assertFalse(e.getConfiguration().toString().contains(TOKEN), e.getConfiguration().toString());
        String sanitized = org.apache.camel.util.URISupport.sanitizeUri(e.getEndpointUri());
        assertFalse(sanitized.contains(TOKEN), sanitized);
    }

    @Test
    void aRouteWithoutATokenFailsToStartSayingWhereToSetIt() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:noToken").to("gewe:postImage");
            }
        });
        Exception e = assertThrows(Exception.class, () -> context.start());
        String msg = rootMessage(e);
        assertTrue(msg.contains("needs a GeWe token") && msg.contains("camel.component.gewe.token"), msg);
    }

    @Test
    void anInvalidBaseUrlFailsAtStartNamingIt() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:badBase").to("gewe:postImage?token=" + TOKEN + "&baseUrl=not-a-url");
            }
        });
        Exception e = assertThrows(Exception.class, () -> context.start());
        String msg = rootMessage(e);
        assertTrue(msg.contains("baseUrl 'not-a-url' is not a valid URL"), msg);
        assertFalse(msg.contains(TOKEN));
    }

    @Test
    void everyCatalogOperationResolves() {
        GeweCatalog.get().operations().forEach(op -> assertNotNull(
                context.getEndpoint("gewe:" + op.qualifiedName(), GeweEndpoint.class).getOperation()));
        assertEquals(OfficialPages.count(), GeweCatalog.get().operations().size());
    }

    @Test
    void theEndpointCannotBeConsumedFrom() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("gewe:postImage?token=" + TOKEN).to("log:x");
            }
        });
        Exception e = assertThrows(FailedToStartRouteException.class, () -> context.start());
        assertTrue(rootMessage(e).contains("can only be sent to"), rootMessage(e));
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        StringBuilder sb = new StringBuilder();
        while (t != null) {
            sb.append(t.getMessage()).append(" | ");
            t = t.getCause();
        }
        return sb.toString();
    }

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }
}
