package io.camelgewe.gewe.callback;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;

import io.camelgewe.gewe.GeweComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The last arrivals survive a restart through a FileStateRepository: a push received by one CamelContext, that
 * context stopped, a new one over the same file knows when the account was last heard from, and counts its silence
 * from then, not from its own start.
 */
class GeweCallbackArrivalRestartTest extends GeweCallbackTestSupport {

    private static final File STATE = new File("target/arrival-restart/arrivals.dat");

    @Override
    protected CamelContext createCamelContext() throws Exception {
        STATE.getParentFile().mkdirs();
        Files.deleteIfExists(STATE.toPath());
        CamelContext ctx = super.createCamelContext();
        ctx.getRegistry().bind("arrivals", FileStateRepository.fileStateRepository(STATE));
        return ctx;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gewe:callback?arrivalRepository=#arrivals").routeId("callbacks").to("mock:callbacks");
            }
        };
    }

    @Test
    void theLastArrivalIsReadBackAfterARestart() throws Exception {
        GeweCallbackConsumer first = (GeweCallbackConsumer) context.getRoute("callbacks").getConsumer();
        simulator.setCallbackUrl(URI.create("http://localhost:" + port + "/gewe/callback"));
        assertEquals(200, simulator.pushCallback(fixture("text")));
        Long heard = first.getLastArrivals().get("wx_example_app_id");
        assertNotNull(heard);
        context.stop();
        assertTrue(Files.readString(STATE.toPath()).contains("wx_example_app_id"), "kept in the file at stop");

        int port2 = AvailablePortFinder.getNextAvailable();
        try (CamelContext restarted = new DefaultCamelContext()) {
            VertxPlatformHttpServerConfiguration conf = new VertxPlatformHttpServerConfiguration();
            conf.setBindPort(port2);
            restarted.addService(new VertxPlatformHttpServer(conf));
            GeweComponent gewe = new GeweComponent();
            gewe.setBaseUrl(simulator.baseUrl());
            gewe.setToken(simulator.token());
            gewe.setPacing(false);
            restarted.addComponent("gewe", gewe);
            restarted.getRegistry().bind("arrivals", FileStateRepository.fileStateRepository(STATE));
            restarted.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("gewe:callback?arrivalRepository=#arrivals&silenceTimeout=200").routeId("callbacks")
                            .to("log:restarted?level=OFF");
                }
            });
            restarted.start();
            GeweCallbackConsumer second = (GeweCallbackConsumer) restarted.getRoute("callbacks").getConsumer();
            assertEquals(heard, second.getLastArrivals().get("wx_example_app_id"), "read back from the file");
            // never heard from in this context: only the kept arrival makes it an account that expects callbacks
            await(Duration.ofSeconds(10), () -> second.getSilentAccounts().contains("wx_example_app_id"),
                    "silence counted from before the restart");
        }
    }
}
