package io.camelgewe.gewe;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import io.camelgewe.gewe.account.AccountStatus;
import io.camelgewe.gewe.callback.GeweCallbackConsumer;
import io.camelgewe.gewe.errors.GeweDelivery;
import io.camelgewe.gewe.health.AccountActivity;
import io.camelgewe.gewe.health.GeweAccountHealthCheck;
import io.camelgewe.gewe.pacing.GewePacer;
import org.apache.camel.Component;
import org.apache.camel.Route;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code gewe} dev console: for each account the {@code gewe:} components of the CamelContext drive, its state
 * (what the producers and the health check last heard: up, down and why, or not heard from yet) and when GeWe last
 * accepted one of its sends; its pacing queues (sends and downloads: how many wait, when the next slot comes); when
 * its last callback arrived; its failures by delivery class ({@code NOT_SENT}, {@code REJECTED}, {@code UNKNOWN})
 * with the last few of them. Then, for each {@code gewe:callback} consumer, its counters: pushes received, repeats
 * dropped by the deduplication, skipped by the filters, refused, pings, answered on timeout.
 * <p>
 * It reads what the component already knows and never calls GeWe. Operators open it at Camel Main's
 * {@code /q/dev/gewe} (camel-console on the class path, {@code camel.main.devConsoleEnabled} and
 * {@code camel.management.devConsoleEnabled}), or through Camel JBang and Hawtio, which show an application's dev
 * consoles. The token and the callback secret are never shown.
 */
@DevConsole(name = "gewe", displayName = "GeWe",
            description = "GeWe accounts: state, last send, pacing queues, last callback, failures by delivery class")
public class GeweDevConsole extends AbstractDevConsole {

    /** Creates the console; Camel does this when camel-console finds it. */
    public GeweDevConsole() {
        super("camel", "gewe", "GeWe",
              "GeWe accounts: state, last send, pacing queues, last callback, failures by delivery class");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        long now = System.currentTimeMillis();
        Map<String, GeweComponent> components = components();
        components.forEach((name, gewe) -> sb.append(String.format("Component %s: %s, pacing %s%n", name,
                gewe.getConfiguration().getBaseUrl(), gewe.getConfiguration().isPacing() ? "on" : "off")));
        Map<String, Account> accounts = accounts(components);
        if (accounts.isEmpty()) {
            sb.append("No account has made a call or received a callback yet\n");
        }
        accounts.values().forEach(a -> a.text(sb, now));
        for (GeweCallbackConsumer consumer : callbackConsumers()) {
            sb.append(String.format("Callbacks on %s: received %d, repeats dropped %d, skipped %d, refused %d, pings %d, "
                                    + "answered on timeout %d%n", consumer.getPath(), consumer.getReceivedCount(),
                    consumer.getDuplicateCount(), consumer.getSkippedCount(), consumer.getRefusedCount(),
                    consumer.getPingCount(), consumer.getAnsweredOnTimeoutCount()));
        }
        return sb.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        Map<String, GeweComponent> components = components();
        JsonArray cs = new JsonArray();
        components.forEach((name, gewe) -> {
            JsonObject jo = new JsonObject();
            jo.put("name", name);
            jo.put("baseUrl", gewe.getConfiguration().getBaseUrl());
            jo.put("pacing", gewe.getConfiguration().isPacing());
            cs.add(jo);
        });
        root.put("components", cs);
        JsonArray accounts = new JsonArray();
        accounts(components).values().forEach(a -> accounts.add(a.json()));
        root.put("accounts", accounts);
        JsonArray callbacks = new JsonArray();
        for (GeweCallbackConsumer consumer : callbackConsumers()) {
            JsonObject jo = new JsonObject();
            jo.put("path", consumer.getPath());
            jo.put("received", consumer.getReceivedCount());
            jo.put("duplicates", consumer.getDuplicateCount());
            jo.put("skipped", consumer.getSkippedCount());
            jo.put("refused", consumer.getRefusedCount());
            jo.put("pings", consumer.getPingCount());
            jo.put("answeredOnTimeout", consumer.getAnsweredOnTimeoutCount());
            callbacks.add(jo);
        }
        root.put("callbacks", callbacks);
        return root;
    }

    /** The gewe: components the context has (none is created by looking). */
    private Map<String, GeweComponent> components() {
        Map<String, GeweComponent> out = new TreeMap<>();
        for (String name : getCamelContext().getComponentNames()) {
            Component c = getCamelContext().hasComponent(name);
            if (c instanceof GeweComponent gewe) {
                out.put(name, gewe);
            }
        }
        return out;
    }

    private List<GeweCallbackConsumer> callbackConsumers() {
        return getCamelContext().getRoutes().stream().map(Route::getConsumer)
                .filter(GeweCallbackConsumer.class::isInstance).map(GeweCallbackConsumer.class::cast).toList();
    }

    /** The last callback of each account, whichever consumer received it. */
    private Map<String, Long> lastArrivals() {
        Map<String, Long> out = new TreeMap<>();
        for (GeweCallbackConsumer consumer : callbackConsumers()) {
            consumer.getLastArrivals().forEach((appId, at) -> out.merge(appId, at, Math::max));
        }
        return out;
    }

    /**
     * Every account the context knows of: from a component's calls, health checks and pacing queues (the first
     * component that knows it speaks for it), or from the callbacks it received.
     */
    private Map<String, Account> accounts(Map<String, GeweComponent> components) {
        Map<String, Account> out = new TreeMap<>();
        Map<String, Long> arrivals = lastArrivals();
        components.forEach((name, gewe) -> {
            Map<String, AccountActivity> activity = new TreeMap<>();
            gewe.activities().forEach(a -> activity.put(a.getAppId(), a));
            Map<String, GeweAccountHealthCheck> checks = gewe.accountChecks();
            GewePacer pacer = gewe.pacerIfStarted();
            List<GewePacer.QueueState> queues = pacer == null ? List.of() : pacer.queues();
            TreeSet<String> appIds = new TreeSet<>(activity.keySet());
            appIds.addAll(checks.keySet());
            queues.forEach(q -> appIds.add(q.appId()));
            gewe.getAccounts().all().forEach(s -> appIds.add(s.appId()));
            for (String appId : appIds) {
                out.putIfAbsent(appId, new Account(appId, name, gewe.getAccountState(appId), checks.get(appId),
                        activity.get(appId), queues.stream().filter(q -> q.appId().equals(appId)).toList(),
                        arrivals.get(appId)));
            }
        });
        arrivals.forEach((appId, at) -> out.putIfAbsent(appId, new Account(appId, null, null, null, null, List.of(),
                at)));
        return out;
    }

    /** What the console says about one account. */
    private record Account(String appId, String component, AccountStatus account, GeweAccountHealthCheck check,
                           AccountActivity activity, List<GewePacer.QueueState> queues, Long lastCallback) {

        String state() {
            if (account != null && account.isOffline()) {
                // a refused send outweighs a checkOnline that answered true, as in the health check itself
                return "DOWN";
            }
            Boolean up = check == null ? null : check.getLastHeardUp();
            return up == null ? "UNKNOWN" : up ? "UP" : "DOWN";
        }

        void text(StringBuilder sb, long now) {
            sb.append("Account ").append(appId)
                    .append(component == null ? " (known by its callbacks)" : " (component " + component + ")")
                    .append('\n');
            sb.append("    State: ").append(state());
            if (check == null) {
                sb.append(component == null ? " (no call made)" : " (no health check: healthCheckProducerEnabled is off)");
            } else if (check.getLastHeardMillis() > 0) {
                sb.append(", heard ").append(ago(check.getLastHeardMillis(), now));
                if (check.getLastHeardReason() != null) {
                    sb.append(": ").append(check.getLastHeardReason());
                }
            } else {
                sb.append(" (not heard from yet)");
            }
            sb.append("\n    Account: ");
            if (account == null || account.signal() == null) {
                sb.append("UNKNOWN (nothing heard)");
            } else {
                sb.append(account.state()).append(" since ").append(Instant.ofEpochMilli(account.sinceMillis()))
                        .append(" (").append(account.signal().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                        .append(account.reason() == null ? "" : ": " + account.reason()).append(')');
            }
            sb.append("\n    Last sent: ");
            if (activity == null || activity.getLastSentMillis() == 0) {
                sb.append("never");
            } else {
                sb.append(activity.getLastSentOperation()).append(' ').append(ago(activity.getLastSentMillis(), now));
            }
            sb.append("\n    Pacing: ").append(queues.isEmpty() ? "no paced call yet" : queues.stream()
                    .sorted(java.util.Comparator.comparing(GewePacer.QueueState::downloads))
                    .map(q -> (q.downloads() ? "downloads " : "sends ") + q.waiting() + " waiting, next slot " + slot(q))
                    .collect(java.util.stream.Collectors.joining("; ")));
            sb.append("\n    Last callback: ").append(lastCallback == null ? "none" : ago(lastCallback, now));
            sb.append("\n    Failures:");
            Map<GeweDelivery, Long> failures = activity == null ? Map.of() : activity.getFailures();
            for (GeweDelivery d : GeweDelivery.values()) {
                sb.append(' ').append(d).append(' ').append(failures.getOrDefault(d, 0L));
            }
            sb.append('\n');
            if (activity != null) {
                for (AccountActivity.Failure f : activity.getRecentFailures()) {
                    sb.append("        ").append(Instant.ofEpochMilli(f.atMillis())).append(' ')
                            .append(f.operation()).append(' ').append(f.delivery()).append(": ").append(f.error())
                            .append('\n');
                }
            }
        }

        JsonObject json() {
            JsonObject jo = new JsonObject();
            jo.put("appId", appId);
            if (component != null) {
                jo.put("component", component);
            }
            jo.put("state", state());
            if (check != null && check.getLastHeardMillis() > 0) {
                jo.put("stateHeard", check.getLastHeardMillis());
                if (check.getLastHeardReason() != null) {
                    jo.put("stateReason", check.getLastHeardReason());
                }
            }
            if (account != null) {
                JsonObject state = new JsonObject();
                state.put("state", account.state().name());
                if (account.signal() != null) {
                    state.put("since", account.sinceMillis());
                    state.put("signal", account.signal().name());
                }
                if (account.reason() != null) {
                    state.put("reason", account.reason());
                }
                jo.put("account", state);
            }
            if (activity != null && activity.getLastSentMillis() > 0) {
                jo.put("lastSent", activity.getLastSentMillis());
                jo.put("lastSentOperation", activity.getLastSentOperation());
            }
            JsonObject pacing = new JsonObject();
            for (GewePacer.QueueState q : queues) {
                JsonObject queue = new JsonObject();
                queue.put("waiting", q.waiting());
                queue.put("busy", q.busy());
                if (!q.busy()) {
                    queue.put("nextSlotInMillis", TimeUnit.NANOSECONDS.toMillis(q.nextSlotNanos()));
                }
                pacing.put(q.downloads() ? "downloads" : "sends", queue);
            }
            jo.put("pacing", pacing);
            if (lastCallback != null) {
                jo.put("lastCallback", lastCallback);
            }
            JsonObject failures = new JsonObject();
            Map<GeweDelivery, Long> counts = activity == null ? Map.of() : activity.getFailures();
            for (GeweDelivery d : GeweDelivery.values()) {
                failures.put(d.name(), counts.getOrDefault(d, 0L));
            }
            jo.put("failures", failures);
            JsonArray recent = new JsonArray();
            if (activity != null) {
                for (AccountActivity.Failure f : activity.getRecentFailures()) {
                    JsonObject fo = new JsonObject();
                    fo.put("at", f.atMillis());
                    fo.put("operation", f.operation());
                    fo.put("delivery", f.delivery().name());
                    fo.put("error", f.error());
                    recent.add(fo);
                }
            }
            jo.put("recentFailures", recent);
            return jo;
        }

        private static String slot(GewePacer.QueueState q) {
            if (q.busy()) {
                return "after the running call";
            }
            return q.nextSlotNanos() == 0 ? "now" : "in " + TimeUnit.NANOSECONDS.toMillis(q.nextSlotNanos()) + " ms";
        }

        private static String ago(long at, long now) {
            return Instant.ofEpochMilli(at) + " (" + Math.max(0, (now - at) / 1000) + " s ago)";
        }
    }
}
