package io.camelgewe.examples;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.springframework.context.support.GenericApplicationContext;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The JMS and file routes of {@code spring/camel-gewe-routes.xml}, started as a Spring application context with a
 * {@code <camelContext>} (camel-spring-xml), as {@code ExamplesMain --routes=spring-xml} starts them.
 */
class SpringXmlRoutesTest extends DslRoutesTestSupport {

    private GenericApplicationContext spring;

    @Override
    protected void startDslRoutes() {
        spring = ExamplesMain.springContext(infra);
        CamelContext camel = spring.getBean(CamelContext.class);
        assertEquals(ServiceStatus.Started, camel.getRouteController().getRouteStatus("xml-jms-sends"));
        assertEquals(ServiceStatus.Started, camel.getRouteController().getRouteStatus("xml-file-sends"));
    }

    @Override
    protected void stopRoutes() {
        if (spring != null) {
            spring.close();
        }
    }

    @Override
    protected String dsl() {
        return "xml";
    }
}
