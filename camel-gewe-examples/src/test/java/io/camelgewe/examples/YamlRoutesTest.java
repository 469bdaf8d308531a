package io.camelgewe.examples;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The JMS and file routes of {@code routes/gewe-routes.yaml}, loaded by Camel's YAML DSL. */
class YamlRoutesTest extends DslRoutesTestSupport {

    @Override
    protected void startDslRoutes() throws Exception {
        CamelContext camel = startContext(ExamplesMain::loadYamlRoutes);
        assertEquals(ServiceStatus.Started, camel.getRouteController().getRouteStatus("yaml-jms-sends"));
        assertEquals(ServiceStatus.Started, camel.getRouteController().getRouteStatus("yaml-file-sends"));
    }

    @Override
    protected String dsl() {
        return "yaml";
    }
}
