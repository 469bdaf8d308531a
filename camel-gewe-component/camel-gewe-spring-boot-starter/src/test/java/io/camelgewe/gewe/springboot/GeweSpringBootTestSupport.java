package io.camelgewe.gewe.springboot;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.camelgewe.gewe.simulator.GeweSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One simulator and one Spring Boot application for all the tests of a class, both stopped after them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
abstract class GeweSpringBootTestSupport {

    @TempDir
    static Path dir;
    GeweSimulator gewe;
    GeweSpringBootApp app;

    /**
     * Starts the class's application against the simulator.
     *
     * @param gewe   the simulator, started
     * @param folder where the application's configuration file may be written
     */
    abstract GeweSpringBootApp start(GeweSimulator gewe, Path folder);

    @BeforeAll
    void startAll() {
        gewe = GeweSimulator.start();
        app = start(gewe, dir);
    }

    @AfterAll
    void stopAll() {
        if (app != null) {
            app.close();
        }
        if (gewe != null) {
            gewe.close();
        }
    }
}
