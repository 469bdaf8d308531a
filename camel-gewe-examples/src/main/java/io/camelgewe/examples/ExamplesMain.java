package io.camelgewe.examples;

import io.camelgewe.gewe.GeweComponent;
import io.camelgewe.gewe.simulator.GeweSimulator;
import org.apache.camel.main.Main;

/**
 * The examples application: Camel Main with the example routes, against an embedded GeWe simulator unless
 * {@code GEWE_BASE_URL} points it at a real GeWe.
 * <p>
 * Environment: {@code GEWE_BASE_URL}, {@code GEWE_TOKEN}, {@code GEWE_APP_ID} (real GeWe), {@code GEWE_TO_WXID} (who
 * the demo messages go to), {@code GEWE_DROP_DIR} (the folder watched for message files).
 */
public final class ExamplesMain {

    private ExamplesMain() {
    }

    /**
     * Starts the application; it runs until stopped (Ctrl+C), or for {@code camel.main.durationMaxSeconds}.
     *
     * @param args Camel Main arguments
     */
    public static void main(String[] args) throws Exception {
        GeweSimulator simulator = null;
        String baseUrl = System.getenv("GEWE_BASE_URL");
        String token = System.getenv("GEWE_TOKEN");
        String appId = System.getenv("GEWE_APP_ID");
        if (baseUrl == null || baseUrl.isBlank()) {
            simulator = GeweSimulator.start();
            baseUrl = simulator.baseUrl();
            token = simulator.token();
            appId = simulator.appId();
            System.out.println("GeWe simulator running at " + baseUrl + " (set GEWE_BASE_URL, GEWE_TOKEN and "
                               + "GEWE_APP_ID to use a real GeWe)");
        }
        GeweComponent gewe = new GeweComponent();
        gewe.setBaseUrl(baseUrl);
        gewe.setToken(token);
        gewe.setAppId(appId);

        Main main = new Main();
        main.bind("gewe", gewe);
        main.configure().addRoutesBuilder(new SeedRoutes());
        GeweSimulator started = simulator;
        try {
            main.run(args);
        } finally {
            if (started != null) {
                started.close();
            }
        }
    }
}
