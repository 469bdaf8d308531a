package io.camelgewe.gewe;

import java.util.List;

import org.apache.camel.Channel;
import org.apache.camel.Endpoint;
import org.apache.camel.EndpointAware;
import org.apache.camel.Exchange;
import org.apache.camel.Navigate;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.spi.UnitOfWork;

/**
 * Tells whether, once a gewe: call succeeds, nothing that could block is left to run for the exchange: then the
 * producer may finish it on HttpClient's I/O thread, saving the hop to the worker pool (a wake-up of another thread,
 * most of the latency the component adds at concurrency 1).
 * <p>
 * That is so when the call is the last step of the route that is running and that route was not called by another
 * route (whose later steps would run next), has no onCompletion, and the exchange carries no {@link
 * org.apache.camel.spi.Synchronization} (a file consumer's commit, a ProducerTemplate's callback, an idempotent
 * consumer's confirm: each may block). What is left is Camel's own bookkeeping and the consumer's callback, which for
 * the consumers that wait (JMS, timer, a synchronous ProducerTemplate) only wakes the waiting thread. A failure always
 * goes to the worker: the error handler may run an onException route or a dead letter channel.
 */
final class RouteEnd {

    private final Endpoint endpoint;
    /**
     * The route last asked about and whether this endpoint is its last step: most producers serve one route, whose
     * steps are fixed once started; a reloaded route is another Route object, and is looked at again.
     */
    private volatile Seen seen;

    private record Seen(Route route, boolean endsHere) {
    }

    RouteEnd(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * Whether this call is the last step of the only route the exchange is in, with no onCompletion: asked as the call
     * starts, on the caller's thread, where the exchange's unit of work was just touched (asked on the I/O thread at
     * the end, reading its route stack was a tenth of what the component adds per call at 64 in flight). None of this
     * changes while the call is out: the exchange stays in this producer until it completes.
     */
    boolean endsWithThisCall(Exchange exchange) {
        UnitOfWork uow = exchange.getUnitOfWork();
        if (uow == null || uow.routeStackLevel() != 1) {
            return false;
        }
        Route route = uow.getRoute();
        return route != null && route.getOnCompletions().isEmpty() && endsHere(route);
    }

    /**
     * Whether nothing waits on the exchange's completion (a file consumer's commit, a ProducerTemplate's callback):
     * asked when the call has succeeded, as a step of the call itself (a fetched file's clean-up) may have added one.
     */
    static boolean nothingWaits(Exchange exchange) {
        UnitOfWork uow = exchange.getUnitOfWork();
        if (uow == null) {
            return false;
        }
        // UnitOfWork has no read-only look at its synchronizations: a filter that takes none of them sees them all
        boolean[] any = new boolean[1];
        uow.handoverSynchronization(exchange, s -> {
            any[0] = true;
            return false;
        });
        return !any[0];
    }

    private boolean endsHere(Route route) {
        Seen last = seen;
        if (last == null || last.route() != route) {
            last = new Seen(route, endsAt(route, endpoint));
            seen = last;
        }
        return last.endsHere();
    }

    /** Whether the route's last top-level step sends to the endpoint (a plain to(), not a toD() or an EIP). */
    static boolean endsAt(Route route, Endpoint endpoint) {
        Navigate<Processor> steps = route.navigate();
        Processor last = null;
        // a route of one step may navigate straight to that step's channel
        for (int depth = 0; steps != null && depth < 3; depth++) {
            List<Processor> next = steps.next();
            if (next == null || next.isEmpty()) {
                return false;
            }
            last = next.get(next.size() - 1);
            if (last instanceof Channel channel) {
                last = channel.getNextProcessor();
                break;
            }
            steps = next.size() == 1 && last instanceof Navigate<?> ? navigate(last) : null;
        }
        return last instanceof EndpointAware send && !(last instanceof Navigate<?> nav && nav.hasNext())
               && send.getEndpoint() == endpoint;
    }

    @SuppressWarnings("unchecked")
    private static Navigate<Processor> navigate(Processor p) {
        return (Navigate<Processor>) p;
    }
}
