package io.camelgewe.gewe;

import java.util.Collection;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-account readiness check follows what GeWe says of the account. */
class GeweHealthTest extends GeweTestSupport {

    @Override
    protected void configure(GeweComponent gewe) {
        // probe GeWe on every check, so the test sees changes at once
        gewe.setAccountHealthRefresh(0);
    }

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    private HealthCheck.Result account() {
        Collection<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(context);
        return results.stream().filter(r -> r.getCheck().getId().equals("gewe-account-" + simulator.appId()))
                .findFirst().orElse(null);
    }

    @Test
    void theAccountGoesDownWhenOfflineAndUpWhenBack() throws Exception {
        if (HealthCheckRegistry.get(context) == null) {
            context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, new DefaultHealthCheckRegistry());
        }
        context.start();
        Exchange sent = template.send("gewe:postText", e -> e.getMessage().setBody(Map.of("toWxid", "wxid_a",
                "content", "hi")));
        assertEquals(null, sent.getException());
        HealthCheck.Result r = account();
        assertNotNull(r, "a readiness check per account is registered");
        assertEquals(HealthCheck.State.UP, r.getState());
        assertFalse(r.getCheck().isLiveness(), "a WeChat account offline is no reason to restart the application");

        simulator.setOnline(simulator.appId(), false);
        r = account();
        assertEquals(HealthCheck.State.DOWN, r.getState());
        assertTrue(r.getMessage().orElse("").contains("offline"), r.getMessage().orElse(""));

        simulator.setOnline(simulator.appId(), true);
        assertEquals(HealthCheck.State.UP, account().getState());

        String good = simulator.token();
        simulator.setToken("rotated");
        try {
            r = account();
            assertEquals(HealthCheck.State.DOWN, r.getState());
            assertFalse(r.getMessage().orElse("").contains(good));
        } finally {
            simulator.setToken(good);
        }
        assertEquals(HealthCheck.State.UP, account().getState());
    }

    @Test
    void everyAccountHasItsCheckThroughOneRepositoryGoneWithTheComponent() throws Exception {
        if (HealthCheckRegistry.get(context) == null) {
            context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, new DefaultHealthCheckRegistry());
        }
        context.start();
        String second = "wx_health_second";
        simulator.addAccount(second);
        for (String appId : new String[] { simulator.appId(), second }) {
            Exchange sent = template.send("gewe:postText?appId=" + appId, e -> e.getMessage().setBody(Map.of(
                    "toWxid", "wxid_a", "content", "hi")));
            assertEquals(null, sent.getException());
        }
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        // one repository however many accounts: the registry would look through every check to add each one
        assertTrue(registry.getRepository("gewe-accounts").isPresent());
        assertTrue(registry.getCheckIDs().containsAll(java.util.List.of("gewe-account-" + simulator.appId(),
                "gewe-account-" + second)), registry.getCheckIDs().toString());
        // Camel shows only its first check while all are UP, unless told to show all
        registry.setExposureLevel("full");
        assertEquals(2, HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().startsWith("gewe-account-")).count());

        context.getComponent("gewe", GeweComponent.class).stop();
        assertFalse(registry.getRepository("gewe-accounts").isPresent());
        assertTrue(registry.getCheckIDs().stream().noneMatch(id -> id.startsWith("gewe-account-")),
                registry.getCheckIDs().toString());
    }
}
