package io.camelgewe.examples;

import io.camelgewe.examples.ExampleApplication.Flavour;

/**
 * The application with the JMS and file routes of the {@code <camelContext>} of {@code spring/camel-gewe-routes.xml},
 * in a Spring application context ({@code --routes=spring-xml}).
 */
class SpringXmlFlavourTest extends ExampleFlavourTestSupport {

    @Override
    protected Flavour flavour() {
        return Flavour.SPRING_XML;
    }

    @Override
    protected String routeIdPrefix() {
        return "xml-";
    }
}
