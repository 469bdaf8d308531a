package io.camelgewe.examples;

import io.camelgewe.examples.routes.FileRoutes;
import io.camelgewe.examples.scenarios.FileScenarios;
import org.junit.jupiter.api.Test;

/** The Java DSL file route against the simulator and a real drop folder. */
class FileRoutesTest extends ExampleRoutesTestSupport {

    private FileScenarios scenarios;

    @Override
    protected ExampleSettings settings(ExampleSettings embedded) {
        return embedded.withoutJms().withoutKafka().toWxid(FileScenarios.DEFAULT_WXID);
    }

    @Override
    protected void startRoutes() throws Exception {
        startContext(c -> c.addRoutes(new FileRoutes()));
        scenarios = new FileScenarios(infra.simulator(), root.resolve("drop"), "java");
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
