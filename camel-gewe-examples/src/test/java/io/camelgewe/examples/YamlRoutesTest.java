package io.camelgewe.examples;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.impl.DefaultCamelContext;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The JMS and file routes of {@code routes/gewe-routes.yaml}, loaded by Camel's YAML DSL. */
class YamlRoutesTest extends DslRoutesTestSupport {

    private CamelContext camel;

    @Override
    protected void startRoutes() throws Exception {
        camel = new DefaultCamelContext();
        infra.bindTo(camel);
        ExamplesMain.loadYamlRoutes(camel);
        camel.start();
        assertEquals(ServiceStatus.Started, camel.getRouteController().getRouteStatus("yaml-jms-sends"));
        assertEquals(ServiceStatus.Started, camel.getRouteController().getRouteStatus("yaml-file-sends"));
    }

    @Override
    protected void stopRoutes() {
        if (camel != null) {
            camel.stop();
        }
    }

    @Override
    protected String dsl() {
        return "yaml";
    }
}
