package io.camelgewe.examples;

import io.camelgewe.examples.ExampleApplication.Flavour;

/** The application with the Java DSL routes ({@code --routes=java}, the default), under Camel Main. */
class JavaFlavourTest extends ExampleFlavourTestSupport {

    @Override
    protected Flavour flavour() {
        return Flavour.JAVA;
    }

    @Override
    protected String routeIdPrefix() {
        return "";
    }
}
