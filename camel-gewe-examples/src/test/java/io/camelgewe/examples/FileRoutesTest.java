package io.camelgewe.examples;

import java.nio.file.Path;

import io.camelgewe.examples.routes.FileRoutes;
import io.camelgewe.examples.scenarios.FileScenarios;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java DSL file route against the simulator and a real drop folder. */
class FileRoutesTest {

    @TempDir
    static Path root;
    static ExampleInfrastructure infra;
    static CamelContext context;
    static FileScenarios scenarios;

    @BeforeAll
    static void start() throws Exception {
        infra = ExampleInfrastructure.start(ExampleSettings.embedded(root).withoutJms().withoutKafka()
                .toWxid(FileScenarios.DEFAULT_WXID));
        context = new DefaultCamelContext();
        infra.bindTo(context);
        context.addRoutes(new FileRoutes());
        context.start();
        scenarios = new FileScenarios(infra.simulator(), root.resolve("drop"), "java");
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.stop();
        }
        if (infra != null) {
            infra.close();
        }
    }

    @BeforeEach
    void fresh() {
        infra.simulator().reset();
    }

    @Test
    void jsonAndCsvFilesBecomeSends() throws Exception {
        scenarios.jsonAndCsvFilesBecomeSends();
    }

    @Test
    void aBadFileEndsInErrorWithTheReasonAndTheNextOneStillGoes() throws Exception {
        scenarios.aBadFileEndsInErrorWithTheReasonAndTheNextOneStillGoes();
    }

    @Test
    void aRefusedMessageStopsTheFileAndTheReasonSaysWhatWasSent() throws Exception {
        scenarios.aRefusedMessageStopsTheFileAndTheReasonSaysWhatWasSent();
    }
}
