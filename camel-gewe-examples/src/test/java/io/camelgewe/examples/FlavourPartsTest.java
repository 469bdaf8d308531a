package io.camelgewe.examples;

import java.nio.file.Path;
import java.util.Properties;

import io.camelgewe.examples.ExampleApplication.Flavour;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A flavour whose route file needs a part left out (JMS) is refused before anything starts, saying what to change. */
class FlavourPartsTest {

    @TempDir
    Path root;

    @ParameterizedTest
    @EnumSource(value = Flavour.class, names = { "YAML", "SPRING_XML" })
    void theYamlAndXmlFlavoursNeedJms(Flavour flavour) {
        try (ExampleInfrastructure infra = ExampleInfrastructure.start(ExampleSettings.embedded(root).withoutJms()
                .withoutKafka())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ExampleApplication.start(infra, flavour, new Properties()));
            assertEquals("--routes=" + flavour.argument() + " needs JMS: its route file holds the JMS route. Unset "
                         + "GEWE_EXAMPLES_JMS=false, or use --routes=java", e.getMessage());
        }
    }
}
