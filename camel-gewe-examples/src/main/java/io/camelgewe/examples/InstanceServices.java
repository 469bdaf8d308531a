package io.camelgewe.examples;

import java.util.List;

import io.camelgewe.examples.support.SendCounter;
import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.LifecycleStrategySupport;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Joins one instance's services (the Kafka ledger's and the callback ledger's clients) and the running count to the
 * Camel context that uses them, as that context initializes: the context then starts them before its routes and
 * stops them after its routes, before the brokers go.
 * <p>
 * It is a bean of {@link ExampleInfrastructure#beans()} and a Camel {@code LifecycleStrategy}, so it joins whichever
 * way the context was made: {@link ExampleInfrastructure#bindTo} adds it to a context it binds, and a Spring
 * {@code <camelContext>} (or Camel Main) finds it in the registry. Beans in a Spring application context are Spring's
 * singletons: nothing but a Camel context would ever start a Camel service among them.
 */
final class InstanceServices extends LifecycleStrategySupport {

    private final List<Object> services;
    private final SendCounter counter;

    /**
     * @param services the services of this instance's beans, owned by its context
     * @param counter  the send counter, shared by every instance of the application
     */
    InstanceServices(List<Object> services, SendCounter counter) {
        this.services = List.copyOf(services);
        this.counter = counter;
    }

    @Override
    public void onContextInitializing(CamelContext context) {
        try {
            for (Object service : services) {
                if (!context.hasService(service)) {
                    // started now: a route's first exchange may need it (the ledger is read before the first send)
                    context.addService(service, true, true);
                }
            }
        } catch (Exception e) {
            throw RuntimeCamelException.wrapRuntimeCamelException(e);
        }
        if (!context.getManagementStrategy().getEventNotifiers().contains(counter)) {
            context.getManagementStrategy().addEventNotifier(counter);
        }
        // shared by the contexts of this application: started here, stopped with the application
        ServiceHelper.startService(counter);
    }
}
