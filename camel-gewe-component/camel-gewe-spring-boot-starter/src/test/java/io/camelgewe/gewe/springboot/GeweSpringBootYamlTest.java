package io.camelgewe.gewe.springboot;

import java.nio.file.Path;
import java.util.Map;

import io.camelgewe.gewe.simulator.GeweSimulator;
import io.camelgewe.gewe.simulator.RecordedRequest;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's application.yaml, camelCase keys and quoted bean references, with the token from the environment
 * variable CAMEL_COMPONENT_GEWE_TOKEN alone (relaxed binding, no line in the file).
 */
class GeweSpringBootYamlTest extends GeweSpringBootTestSupport {

    static final String SNIPPET = "# application.yaml of a Spring Boot application (the token from CAMEL_COMPONENT_GEWE_TOKEN)";

    @Override
    GeweSpringBootApp start(GeweSimulator gewe, Path folder) {
        return GeweSpringBootApp.start(Readme.write(Readme.snippet(SNIPPET), folder.resolve("application.yaml")),
                new GeweSpringBootApp.Settings()
                        .env("GEWE_BASE_URL", gewe.baseUrl())
                        .env("GEWE_APP_ID", gewe.appId())
                        .env("CAMEL_COMPONENT_GEWE_TOKEN", gewe.token())
                        .env("CAMEL_COMPONENT_GEWE_PACING", "false"));
    }

    @Test
    void theTokenComesFromTheEnvironmentVariableAndTheSendReachesTheSimulator() {
        gewe.clearRequests();
        app.camel().createProducerTemplate().requestBody("gewe:postText?toWxid=wxid_yaml", "from application.yaml");

        RecordedRequest sent = gewe.lastRequest();
        assertEquals(gewe.token(), sent.header("X-GEWE-TOKEN"));
        assertEquals(gewe.appId(), sent.field("appId").asText());
        assertEquals("wxid_yaml", sent.field("toWxid").asText());
        assertEquals(gewe.baseUrl(), app.gewe().getConfiguration().getBaseUrl());
    }

    @Test
    void theQuotedBeanReferencesResolve() {
        assertSame(app.context().getBean("geweCdnCopies", StateRepository.class), app.gewe().getCdnRepository());
        assertSame(app.context().getBean("geweTls", SSLContextParameters.class), app.gewe().getSslContextParameters());
    }

    @Test
    void mediaSentAgainIsForwardedFromTheCdnCopyTheRepositoryBeanRemembers() {
        ProducerTemplate template = app.camel().createProducerTemplate();
        Map<String, Object> image = Map.of("toWxid", "wxid_yaml", "imgUrl", "http://media.example/spring-boot.png");
        template.requestBody("gewe:postImage?cdnReuse=true", image);
        gewe.clearRequests();

        template.requestBody("gewe:postImage?cdnReuse=true", image);

        assertTrue(gewe.lastRequest().isFor("message/forwardImage"), gewe.lastRequest().toString());
    }
}
