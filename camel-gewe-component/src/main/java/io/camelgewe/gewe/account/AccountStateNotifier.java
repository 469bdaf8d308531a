package io.camelgewe.gewe.account;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each change of an account's state to an endpoint ({@code accountStateUri}, e.g. {@code direct:geweAccount}),
 * so that a route can alert someone or start a new login: the body is the new {@link AccountStatus}, with headers
 * {@code CamelGeweAppId}, {@code CamelGeweAccountState} and {@code CamelGeweAccountPreviousState}.
 * <p>
 * The changes go out one at a time, in the order they happened, on a thread of their own: a signal comes from a
 * producer finishing its call or from a callback being answered, and neither may wait for the user's route.
 */
public final class AccountStateNotifier extends ServiceSupport implements GeweAccounts.Listener {

    /** The header of the account on the exchanges sent. */
    public static final String APP_ID = "CamelGeweAppId";
    /** The header of the new state. */
    public static final String STATE = "CamelGeweAccountState";
    /** The header of the state before the change. */
    public static final String PREVIOUS_STATE = "CamelGeweAccountPreviousState";

    private static final Logger LOG = LoggerFactory.getLogger(AccountStateNotifier.class);

    private final CamelContext context;
    private final String uri;
    private final GeweAccounts accounts;
    private ProducerTemplate template;
    private ExecutorService thread;

    /**
     * @param context  the CamelContext
     * @param uri      where the changes go
     * @param accounts whose changes
     */
    public AccountStateNotifier(CamelContext context, String uri, GeweAccounts accounts) {
        this.context = context;
        this.uri = uri;
        this.accounts = accounts;
    }

    @Override
    protected void doStart() throws Exception {
        template = context.createProducerTemplate();
        thread = context.getExecutorServiceManager().newSingleThreadExecutor(this, "GeweAccountState");
        accounts.addListener(this);
    }

    @Override
    protected void doStop() throws Exception {
        accounts.removeListener(this);
        if (thread != null) {
            context.getExecutorServiceManager().shutdownGraceful(thread);
            thread = null;
        }
        if (template != null) {
            template.stop();
            template = null;
        }
    }

    @Override
    public void changed(AccountStatus previous, AccountStatus current) {
        ExecutorService t = thread;
        if (t == null) {
            return;
        }
        try {
            t.execute(() -> send(previous, current));
        } catch (RejectedExecutionException stopping) {
            LOG.info("GeWe account {}; not sent to {}, the component is stopping", current, uri);
        }
    }

    private void send(AccountStatus previous, AccountStatus current) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(current);
        exchange.getMessage().setHeader(APP_ID, current.appId());
        exchange.getMessage().setHeader(STATE, current.state().name());
        exchange.getMessage().setHeader(PREVIOUS_STATE, previous.state().name());
        Exchange done = template.send(uri, exchange);
        if (done.getException() != null) {
            LOG.warn("GeWe account {}; the route at {} failed on it: {}", current, uri,
                    done.getException().toString());
        }
    }
}
