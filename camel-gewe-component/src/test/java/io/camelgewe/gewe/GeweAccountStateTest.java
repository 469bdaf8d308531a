package io.camelgewe.gewe;

import java.util.Collection;
import java.util.Map;

import io.camelgewe.gewe.account.AccountSignal;
import io.camelgewe.gewe.account.AccountState;
import io.camelgewe.gewe.account.AccountStatus;
import io.camelgewe.gewe.errors.GeweAccountOfflineException;
import io.camelgewe.gewe.errors.GeweApiException;
import io.camelgewe.gewe.errors.GeweDelivery;
import io.camelgewe.gewe.errors.GeweRejection;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One account state from every signal, over real HTTP against the simulator playing GeWe's offline-but-checkOnline-true
 * account (Devo919/Gewechat #224): the refused send decides, checkOnline does not undo it, sends fail at once until a
 * login goes through, and each change reaches a route.
 */
class GeweAccountStateTest extends GeweTestSupport {

    @Override
    protected void configure(GeweComponent gewe) {
        // the health check asks GeWe on every call, so that a lying checkOnline is asked for sure
        gewe.setAccountHealthRefresh(0);
        gewe.setAccountStateUri("direct:accountState");
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:accountState").to("mock:accountState");
                from("direct:send").to("gewe:postText");
            }
        };
    }

    @AfterEach
    void accountBack() {
        simulator.setCheckOnlineLies(simulator.appId(), false);
        simulator.setOnline(simulator.appId(), true);
    }

    private Exchange postText() {
        return template.send("direct:send", e -> e.getMessage().setBody(Map.of("toWxid", "wxid_a", "content", "hi")));
    }

    private GeweComponent gewe() {
        return context.getComponent("gewe", GeweComponent.class);
    }

    private HealthCheck.Result health() {
        Collection<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(context);
        return results.stream().filter(r -> r.getCheck().getId().equals("gewe-account-" + simulator.appId()))
                .findFirst().orElseThrow();
    }

    @Test
    void aRefusedSendMakesTheAccountOfflineWhateverCheckOnlineSaysUntilALogin() throws Exception {
        if (HealthCheckRegistry.get(context) == null) {
            context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class,
                    new DefaultHealthCheckRegistry());
        }
        String appId = simulator.appId();
        MockEndpoint changes = getMockEndpoint("mock:accountState");
        changes.expectedHeaderValuesReceivedInAnyOrder(GeweConstants.ACCOUNT_STATE, "ONLINE", "OFFLINE", "UNKNOWN",
                "ONLINE");
        changes.expectedMessageCount(4);

        Exchange ok = postText();
        assertNull(ok.getException());
        assertEquals("ONLINE", ok.getMessage().getHeader(GeweConstants.ACCOUNT_STATE));
        assertTrue(gewe().isOnline(appId));

        simulator.setOnline(appId, false);
        simulator.setCheckOnlineLies(appId, true);
        Exchange refused = postText();
        GeweApiException api = assertInstanceOf(GeweApiException.class, refused.getException());
        assertEquals(GeweRejection.ACCOUNT_OFFLINE, api.getRejection());
        assertEquals("OFFLINE", refused.getMessage().getHeader(GeweConstants.ACCOUNT_STATE));
        AccountStatus status = gewe().getAccountState(appId);
        assertEquals(AccountState.OFFLINE, status.state());
        assertEquals(AccountSignal.SEND, status.signal());
        assertTrue(status.reason().contains("微信已离线"), status.reason());

        // GeWe's checkOnline says true, asked by a route and by the health check: neither undoes the refusal
        assertEquals(Boolean.TRUE, template.requestBody("gewe:checkOnline", null, Boolean.class));
        HealthCheck.Result r = health();
        assertEquals(HealthCheck.State.DOWN, r.getState());
        assertTrue(r.getMessage().orElse("").contains("微信已离线"), r.getMessage().orElse(""));
        assertEquals(AccountState.OFFLINE, gewe().getAccountState(appId).state());

        // while known offline, a send fails at once: nothing reaches GeWe, and the exchange fails (nothing is lost)
        int before = simulator.requests("message/postText").size();
        Exchange fast = postText();
        GeweAccountOfflineException offline = assertInstanceOf(GeweAccountOfflineException.class,
                fast.getException());
        assertEquals(GeweDelivery.NOT_SENT, offline.getDelivery());
        assertEquals(appId, offline.getAppId());
        assertEquals(status.sinceMillis(), offline.getSinceMillis());
        String text = offline.getMessage();
        assertTrue(text.contains("offline since " + status.since()), text);
        assertTrue(text.contains("微信已离线"), text);
        assertTrue(text.contains("login/reconnection"), text);
        assertEquals(before, simulator.requests("message/postText").size(), "nothing was sent");
        assertEquals("OFFLINE", fast.getMessage().getHeader(GeweConstants.ACCOUNT_STATE));

        // a login goes through while offline; the next send decides
        simulator.setOnline(appId, true);
        template.requestBody("gewe:reconnection", (Object) null);
        assertEquals(AccountState.UNKNOWN, gewe().getAccountState(appId).state());
        Exchange back = postText();
        assertNull(back.getException());
        assertEquals("ONLINE", back.getMessage().getHeader(GeweConstants.ACCOUNT_STATE));
        assertEquals(HealthCheck.State.UP, health().getState());

        changes.setResultWaitTime(5000);
        changes.assertIsSatisfied();
        for (int i = 0; i < 4; i++) {
            assertEquals(new String[] {"ONLINE", "OFFLINE", "UNKNOWN", "ONLINE"}[i],
                    changes.getReceivedExchanges().get(i).getMessage().getHeader(GeweConstants.ACCOUNT_STATE),
                    "the changes arrive in order");
        }
        Exchange wentOffline = changes.getReceivedExchanges().get(1);
        assertEquals(appId, wentOffline.getMessage().getHeader("CamelGeweAppId"));
        assertEquals("ONLINE", wentOffline.getMessage().getHeader("CamelGeweAccountPreviousState"));
        assertEquals(AccountSignal.SEND, wentOffline.getMessage().getBody(AccountStatus.class).signal());
    }

    @Test
    void checkOnlineFalseAloneIsUndoneByCheckOnlineTrue() {
        String appId = simulator.appId();
        simulator.setOnline(appId, false);
        assertEquals(Boolean.FALSE, template.requestBody("gewe:checkOnline", null, Boolean.class));
        assertEquals(AccountState.OFFLINE, gewe().getAccountState(appId).state());
        assertEquals(AccountSignal.CHECK_ONLINE, gewe().getAccountState(appId).signal());
        simulator.setOnline(appId, true);
        assertEquals(Boolean.TRUE, template.requestBody("gewe:checkOnline", null, Boolean.class));
        assertEquals(AccountState.ONLINE, gewe().getAccountState(appId).state());
    }

    @Test
    void theStateIsReadableInARouteWithTheSimpleLanguage() {
        postText();
        String state = context.resolveLanguage("simple")
                .createExpression("${camelContext.getComponent('gewe').getAccountState('" + simulator.appId()
                                  + "').state}")
                .evaluate(org.apache.camel.support.ExchangeHelper.createCopy(postText(), true), String.class);
        assertEquals("ONLINE", state);
    }

    @Test
    void forgetLetsTheNextCallThrough() {
        String appId = simulator.appId();
        simulator.setOnline(appId, false);
        postText();
        assertInstanceOf(GeweAccountOfflineException.class, postText().getException());
        simulator.setOnline(appId, true);
        gewe().forgetAccountState(appId);
        assertNull(postText().getException());
        assertTrue(gewe().isOnline(appId));
    }
}
