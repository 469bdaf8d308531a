package io.camelgewe.gewe;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import io.camelgewe.gewe.client.GeweClassicHttpClient;
import io.camelgewe.gewe.client.GeweHttpClient;
import io.camelgewe.gewe.client.PoolProbe;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Routes under test talk real HTTP to a {@link HostileServer} standing for GeWe, one per test class; the component is
 * configured with its base URL, a token that carries {@link GeweTestSupport#TOKEN_MARK} (TokenLeakIT looks for it)
 * and an appId, pacing off.
 */
public abstract class HostileServerTestSupport extends CamelTestSupport {

    /** GeWe's answer to a send, with the ids a route reads from it. */
    protected static final String SENT = "{\"toWxid\":\"wxid_a\",\"createTime\":1700000000,\"msgId\":123,"
                                         + "\"newMsgId\":8992614056172361237,\"type\":1}";

    /** The token of these tests. */
    protected static final String TOKEN = "tok-" + GeweTestSupport.TOKEN_MARK + "-hostile";

    protected static HostileServer server;

    @BeforeAll
    static void startHostileServer() throws Exception {
        server = HostileServer.start();
    }

    @AfterAll
    static void stopHostileServer() {
        server.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext ctx = super.createCamelContext();
        GeweComponent gewe = component(server.baseUrl());
        configure(gewe);
        ctx.addComponent("gewe", gewe);
        return ctx;
    }

    /** A component of these tests (token, appId, pacing off) with GeWe at the base URL. */
    protected static GeweComponent component(String baseUrl) {
        GeweComponent gewe = new GeweComponent();
        gewe.setBaseUrl(baseUrl);
        gewe.setToken(TOKEN);
        gewe.setAppId("wx_hostile");
        gewe.setPacing(false);
        return gewe;
    }

    /** Lets a test class change the component before the context starts. */
    protected void configure(GeweComponent gewe) {
    }

    /** The component's pooled HTTP client. */
    protected GeweHttpClient transport() {
        try {
            return context.getComponent("gewe", GeweComponent.class).transport();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The connections leased now from both of the component's pools, the classic one's if it was made. */
    protected int leasedConnections() {
        GeweClassicHttpClient classic = context.getComponent("gewe", GeweComponent.class).classicTransportIfMade();
        return PoolProbe.stats(transport()).getLeased() + (classic == null ? 0 : PoolProbe.stats(classic).getLeased());
    }

    /** Waits, polling, at most 30 seconds until the condition holds. */
    protected static void await(BooleanSupplier condition, String what) {
        GeweTestSupport.await(Duration.ofSeconds(30), condition, what);
    }
}
