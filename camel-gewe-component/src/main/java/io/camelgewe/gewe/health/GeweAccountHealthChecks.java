package io.camelgewe.gewe.health;

import java.util.Collection;
import java.util.stream.Stream;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRepository;

/**
 * The accounts' readiness checks, one per account the component has called for, as one repository in Camel's health
 * check registry ({@code gewe-accounts}). Camel's registry reads a repository's checks when health is asked for, so
 * each check still shows under its own id ({@code gewe-account-<appId>}).
 * <p>
 * Why not each check registered on its own: the registry looks through every check it has for one of the same id
 * before it adds another, so registering one per account cost time in the number of accounts already there, on the
 * sending thread of each account's first send (and again on stop, removing them). With 10,000 accounts that was
 * about 4 s of CPU on the thread making the first sends, and 1 s at stop; here an account's check is one map entry.
 */
public final class GeweAccountHealthChecks implements HealthCheckRepository {

    /** The repository's id in Camel's registry. */
    public static final String ID = "gewe-accounts";

    private final Collection<? extends HealthCheck> checks;
    private volatile boolean enabled = true;

    /** @param checks the component's live collection of the accounts' checks (read each time health is asked for) */
    public GeweAccountHealthChecks(Collection<? extends HealthCheck> checks) {
        this.checks = checks;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public Stream<HealthCheck> stream() {
        return enabled ? checks.stream().map(HealthCheck.class::cast) : Stream.empty();
    }
}
