package io.camelgewe.gewe.callback;

import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * gewe:callback's health, part of Camel's consumer health check of its route: DOWN while GeWe's registration ping
 * is missing (GeWe could not reach registerUrl) or an account that expects callbacks is silent for silenceTimeout.
 * Neither is the route's fault, but both mean messages are not arriving, which is what a readiness probe must say.
 */
final class GeweCallbackHealthCheck extends AbstractHealthCheck {

    private final String path;
    private final BooleanSupplier pingMissing;
    private final Supplier<String> silentAccounts;

    GeweCallbackHealthCheck(String path, BooleanSupplier pingMissing, Supplier<String> silentAccounts) {
        super("gewe", "gewe-callback" + path);
        this.path = path;
        this.pingMissing = pingMissing;
        this.silentAccounts = silentAccounts;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        boolean missing = pingMissing.getAsBoolean();
        String silent = silentAccounts.get();
        builder.detail("path", path).detail("pingMissing", missing).detail("silentAccounts", silent);
        if (missing) {
            builder.down().message("GeWe could not reach the registered callback URL: its ping did not arrive");
        } else if (!silent.isEmpty()) {
            builder.down().message("No callback from account(s) " + silent + " for silenceTimeout");
        } else {
            builder.up();
        }
    }
}
