package io.camelgewe.examples;

import io.camelgewe.examples.ExampleApplication.Flavour;

/** The application with the JMS and file routes of {@code routes/gewe-routes.yaml} ({@code --routes=yaml}). */
class YamlFlavourTest extends ExampleFlavourTestSupport {

    @Override
    protected Flavour flavour() {
        return Flavour.YAML;
    }

    @Override
    protected String routeIdPrefix() {
        return "yaml-";
    }
}
