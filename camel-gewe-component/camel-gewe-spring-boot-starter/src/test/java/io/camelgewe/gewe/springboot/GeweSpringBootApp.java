package io.camelgewe.gewe.springboot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.camelgewe.gewe.GeweComponent;
import io.camelgewe.gewe.springboot.app.GeweApplication;
import org.apache.camel.CamelContext;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * One run of {@link GeweApplication}, as a user starts it: its configuration is one file (a README snippet), its
 * environment variables a property source Spring Boot treats as the process environment (relaxed names such as
 * {@code CAMEL_COMPONENT_GEWE_TOKEN} included), and the tests' own settings (a random port, the actuator endpoints
 * they read) come as defaults the file overrides.
 */
final class GeweSpringBootApp implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final ConfigurableApplicationContext context;

    private GeweSpringBootApp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** What a test sets before the application starts. */
    static final class Settings {
        private final Map<String, Object> environment = new LinkedHashMap<>();
        private final Map<String, Object> defaults = new LinkedHashMap<>();
        private WebApplicationType web = WebApplicationType.SERVLET;
        private Class<?> application = GeweApplication.class;

        /** An environment variable of the application. */
        Settings env(String name, Object value) {
            environment.put(name, value);
            return this;
        }

        /** A setting the configuration file may override. */
        Settings fallback(String name, Object value) {
            defaults.put(name, value);
            return this;
        }

        /**
         * Another application than {@link GeweApplication}, without a web server. Its ExecutorService bean would make
         * Spring Boot leave out the task executor camel-platform-http-starter needs, even with no server.
         */
        Settings bare(Class<?> application) {
            this.application = application;
            web = WebApplicationType.NONE;
            return fallback("spring.task.execution.mode", "force");
        }
    }

    /**
     * Starts the application.
     *
     * @param configuration its configuration file (application.properties or application.yaml)
     */
    static GeweSpringBootApp start(Path configuration, Settings settings) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("server.port", "0");
        defaults.put("server.address", "127.0.0.1");
        defaults.put("spring.main.banner-mode", "off");
        defaults.putAll(settings.defaults);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(settings.application)
                .web(settings.web)
                .properties(defaults)
                .initializers(ctx -> {
                    MutablePropertySources sources = ctx.getEnvironment().getPropertySources();
                    // "-systemEnvironment": the suffix that makes Spring Boot map names as it maps the real environment's
                    SystemEnvironmentPropertySource env = new SystemEnvironmentPropertySource("test-systemEnvironment",
                            settings.environment);
                    if (sources.contains(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME)) {
                        sources.addAfter(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME, env);
                    } else {
                        sources.addFirst(env);
                    }
                })
                .run("--spring.config.location=file:" + configuration.toAbsolutePath());
        return new GeweSpringBootApp(context);
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    CamelContext camel() {
        return context.getBean(CamelContext.class);
    }

    GeweComponent gewe() {
        return camel().getComponent("gewe", GeweComponent.class);
    }

    int port() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    /** GETs a path of the application. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        context.close();
    }
}
