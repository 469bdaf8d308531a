package io.camelgewe.examples;

import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.camelgewe.examples.routes.KafkaRoutes;
import io.camelgewe.examples.scenarios.KafkaScenarios;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Java DSL Kafka route against an embedded KRaft node and the simulator. */
class KafkaRoutesTest extends ExampleRoutesTestSupport {

    private KafkaScenarios scenarios;

    @Override
    protected ExampleSettings settings(ExampleSettings embedded) {
        return embedded.withoutJms();
    }

    @Override
    protected void startRoutes() throws Exception {
        startContext(c -> c.addRoutes(new KafkaRoutes()));
        scenarios = new KafkaScenarios(infra.simulator(), infra.kafkaBootstrapServers(), infra.properties());
    }

    @Override
    protected void stopRoutes() {
        if (scenarios != null) {
            scenarios.close();
        }
    }

    @Test
    void recordsKeyedByAppIdAreSentInOrderPerAccount_andAReplayByAnotherInstanceSendsNothingTwice() throws Exception {
        scenarios.recordsKeyedByAppIdAreSentInOrderPerAccount(10);

        // another instance (its own Camel context and its own ledger client on the shared ledger topic) reads the
        // whole topic again, as after an offset reset or a lost commit: it sends none of what GeWe accepted
        CamelContext other = new DefaultCamelContext();
        infra.bindTo(other);
        Properties replay = new Properties();
        replay.putAll(infra.properties());
        replay.setProperty("gewe.examples.kafka.groupId", "replay-" + System.nanoTime());
        other.getPropertiesComponent().setOverrideProperties(replay);
        other.addRoutes(new KafkaRoutes());
        NotifyBuilder replayed = new NotifyBuilder(other).fromRoute("kafka-sends").whenDone(20).create();
        other.start();
        try {
            assertTrue(replayed.matches(30, TimeUnit.SECONDS), "the other instance read the 20 records");
            for (int i = 0; i < 10; i++) {
                for (String c : new String[] { "a " + i, "b " + i }) {
                    assertEquals(1, infra.simulator().requests("postText").stream()
                            .filter(r -> c.equals(r.field("content").asText())).count(), c + " was sent once");
                }
            }
        } finally {
            other.stop();
        }
    }

    @Test
    void aRefusedRecordGoesToTheDeadLetterTopic() {
        scenarios.aRefusedRecordGoesToTheDeadLetterTopic();
    }

    @Test
    void aRecordGeweMayHaveSentIsParkedForReview() {
        scenarios.aRecordGeweMayHaveSentIsParkedForReview();
    }

    @Test
    void aRecordThatCouldNeverBeSentIsRetriedThenDeadLettered() {
        scenarios.aRecordThatCouldNeverBeSentIsRetriedThenDeadLettered();
    }
}
