package io.camelgewe.gewe;

import java.util.Map;

import io.camelgewe.gewe.account.AccountSignal;
import io.camelgewe.gewe.account.AccountStatus;
import io.camelgewe.gewe.callback.GeweCallbackTestSupport;
import io.camelgewe.gewe.errors.GeweAccountOfflineException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GeWe's Offline push, POSTed over real HTTP to gewe:callback, makes its account OFFLINE: the change starts the
 * route of accountStateUri, and the account's next send fails at once instead of reaching GeWe.
 */
class GeweAccountCallbackTest extends GeweCallbackTestSupport {

    @Override
    protected void configure(GeweComponent gewe) {
        gewe.setAccountStateUri("direct:accountState");
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // only messages are routed: the Offline push still tells the account's state
                from("gewe:callback?typeNames=AddMsg").to("mock:callbacks");
                from("direct:accountState").routeId("alert")
                        .filter(header(GeweConstants.ACCOUNT_STATE).isEqualTo("OFFLINE"))
                        .to("mock:offline");
            }
        };
    }

    @Test
    void anOfflinePushStartsTheStateRouteAndStopsTheAccountsSends() throws Exception {
        String appId = json(fixture("offline")).get("Appid").asText();
        simulator.addAccount(appId);
        MockEndpoint offline = getMockEndpoint("mock:offline");
        offline.expectedMessageCount(1);
        offline.expectedHeaderReceived("CamelGeweAppId", appId);

        assertEquals(200, post(fixture("offline")).statusCode());
        offline.assertIsSatisfied();
        AccountStatus status = offline.getReceivedExchanges().get(0).getMessage().getBody(AccountStatus.class);
        assertEquals(AccountSignal.CALLBACK, status.signal());
        assertEquals("UNKNOWN", offline.getReceivedExchanges().get(0).getMessage()
                .getHeader("CamelGeweAccountPreviousState"));
        getMockEndpoint("mock:callbacks").expectedMessageCount(0);
        getMockEndpoint("mock:callbacks").assertIsSatisfied();

        Exchange sent = template.send("gewe:postText?appId=" + appId, e -> e.getMessage().setBody(Map.of(
                "toWxid", "wxid_a", "content", "hi")));
        GeweAccountOfflineException e = assertInstanceOf(GeweAccountOfflineException.class, sent.getException());
        assertTrue(e.getMessage().contains("GeWe pushed an Offline callback"), e.getMessage());
        assertTrue(simulator.requests("message/postText").isEmpty(), "nothing reached GeWe");
    }
}
