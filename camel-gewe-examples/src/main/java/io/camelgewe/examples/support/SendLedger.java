package io.camelgewe.examples.support;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The record of the messages GeWe accepted, or may have accepted (those parked for review), so that a message
 * delivered again is not sent again.
 * <p>
 * A transacted JMS consumer commits after the route; a Kafka consumer commits its offsets after the records are
 * processed. Between GeWe's acceptance and that commit the application can die, or the broker can lose the commit;
 * the message then comes back. The routes check {@link #alreadySent} before the send and call {@link #record} right
 * after GeWe accepted it, before anything else that could fail, so a message that comes back is skipped. A message
 * whose fate is unknown (GeWe may have sent it) is recorded too, as it is parked: no automatic path sends it again.
 * <p>
 * The key of a message: the header {@value #SEND_ID} when the producer sets one (the best key: it survives a
 * producer that sends the same thing twice), else the JMS message id, else the Kafka record's topic, partition and
 * offset. What remembers the keys is an {@link IdempotentRepository}: a file in one instance, a Kafka topic
 * ({@link KafkaLedgerRepository}) across the instances of a consumer group.
 */
public class SendLedger {

    /** Header: the producer's own id of a message, the preferred key. */
    public static final String SEND_ID = "GeweSendId";

    private final IdempotentRepository repository;
    private final Lifecycle lifecycle = new Lifecycle();

    /** @param repository where the keys of accepted sends are kept */
    public SendLedger(IdempotentRepository repository) {
        this.repository = repository;
    }

    /** Whether GeWe already accepted this message. */
    public boolean alreadySent(Exchange exchange) {
        String key = key(exchange);
        return key != null && repository.contains(key);
    }

    /** GeWe accepted this message: remembers it. */
    public void record(Exchange exchange) {
        String key = key(exchange);
        if (key != null) {
            repository.add(key);
            repository.confirm(key);
        }
    }

    /** The key of a message, or null when it has none (then it is never skipped). */
    public String key(Exchange exchange) {
        var in = exchange.getIn();
        String id = in.getHeader(SEND_ID, String.class);
        if (id != null && !id.isBlank()) {
            return "id:" + id;
        }
        String jms = in.getHeader("JMSMessageID", String.class);
        if (jms != null) {
            return "jms:" + jms;
        }
        Object topic = in.getHeader(KafkaConstants.TOPIC);
        Object partition = in.getHeader(KafkaConstants.PARTITION);
        Object offset = in.getHeader(KafkaConstants.OFFSET);
        if (topic != null && partition != null && offset != null) {
            return "kafka:" + topic + "/" + partition + "/" + offset;
        }
        return null;
    }

    /** The repository the keys are kept in. */
    public IdempotentRepository getRepository() {
        return repository;
    }

    /**
     * The service that starts and stops the repository: add it to the Camel context (or start it yourself when the
     * repository needs no context). The ledger itself is a plain bean, so that a route's {@code bean} step, which
     * stops the Camel services it calls, does not stop the repository while the route shuts down.
     */
    public Lifecycle lifecycle() {
        return lifecycle;
    }

    /** Starts and stops the repository. */
    public final class Lifecycle extends ServiceSupport implements CamelContextAware {

        private CamelContext camelContext;

        @Override
        public void setCamelContext(CamelContext camelContext) {
            this.camelContext = camelContext;
        }

        @Override
        public CamelContext getCamelContext() {
            return camelContext;
        }

        @Override
        protected void doStart() throws Exception {
            if (repository instanceof CamelContextAware aware && aware.getCamelContext() == null) {
                aware.setCamelContext(camelContext);
            }
            ServiceHelper.startService(repository);
        }

        @Override
        protected void doStop() throws Exception {
            ServiceHelper.stopService(repository);
        }
    }
}
