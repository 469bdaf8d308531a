package io.camelgewe.gewe.springboot;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelgewe.gewe.callback.GeweCallback;
import io.camelgewe.gewe.errors.GeweApiException;
import io.camelgewe.gewe.simulator.GeweSimulator;
import io.camelgewe.gewe.simulator.RecordedRequest;
import io.camelgewe.gewe.springboot.app.ObservedRoutes;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Spring Boot application configured by the README's application.properties alone, against the simulator over
 * HTTP: it sends, receives callbacks on its own server port, shows the account in /actuator/health, resolves the
 * worker pool bean reference and masks the token in the actuator.
 */
@ExtendWith(OutputCaptureExtension.class)
class GeweSpringBootApplicationTest extends GeweSpringBootTestSupport {

    static final String SNIPPET = "# application.properties of a Spring Boot application";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The callback secret, from the environment variable of the option (relaxed binding). */
    private static final String SECRET = "callback-secret-" + System.nanoTime();
    private static final java.util.concurrent.atomic.AtomicLong NEW_MSG_IDS = new java.util.concurrent.atomic.AtomicLong(7773749793478223190L);

    @Override
    GeweSpringBootApp start(GeweSimulator gewe, Path folder) {
        return GeweSpringBootApp.start(Readme.write(Readme.snippet(SNIPPET), folder.resolve("application.properties")),
                new GeweSpringBootApp.Settings()
                        .env("GEWE_BASE_URL", gewe.baseUrl())
                        .env("GEWE_TOKEN", gewe.token())
                        .env("GEWE_APP_ID", gewe.appId())
                        .env("GEWE_TO_WXID", "wxid_friend")
                        // relaxed binding of an environment variable, no line in the file: as a test would turn pacing off
                        .env("CAMEL_COMPONENT_GEWE_PACING", "false")
                        .env("CAMEL_COMPONENT_GEWE_SECRET", SECRET)
                        .fallback("management.endpoints.web.exposure.include", "health,configprops,env")
                        .fallback("management.endpoint.configprops.show-values", "always")
                        .fallback("management.endpoint.env.show-values", "always")
                        .fallback("logging.level.io.camelgewe", "TRACE")
                        .fallback("logging.level.org.apache.camel", "DEBUG"));
    }

    @BeforeEach
    void online() {
        gewe.setOnline(gewe.appId(), true);
    }

    @Test
    void theRoutesSendTextThroughTheSimulatorWithThePropertiesAlone() {
        gewe.clearRequests();
        ProducerTemplate template = app.camel().createProducerTemplate();
        template.requestBody("direct:notify", "Hello from Spring Boot");

        RecordedRequest sent = gewe.lastRequest();
        assertTrue(sent.isFor("message/postText"), sent.toString());
        assertEquals(gewe.token(), sent.header("X-GEWE-TOKEN"));
        assertEquals(gewe.appId(), sent.field("appId").asText());
        assertEquals("wxid_friend", sent.field("toWxid").asText());
        assertEquals("Hello from Spring Boot", sent.field("content").asText());
        assertFalse(app.gewe().getConfiguration().isPacing(), "CAMEL_COMPONENT_GEWE_PACING=false");
    }

    @Test
    void theWorkerPoolIsTheBeanTheReferenceNames() {
        ExecutorService bean = app.context().getBean("weChatSends", ExecutorService.class);
        assertSame(bean, app.gewe().getWorkerPool());

        Exchange done = app.camel().createProducerTemplate().request("direct:observedNotify",
                e -> e.getMessage().setBody("on which thread?"));
        assertTrue(done.getMessage().getHeader(ObservedRoutes.THREAD, String.class).contains("WeChatSends"),
                done.getMessage().getHeader(ObservedRoutes.THREAD, String.class));
    }

    @Test
    void aCallbackPostedToTheApplicationsPortReachesTheRoute(CapturedOutput output) throws Exception {
        String text = "callback through Spring Boot " + System.nanoTime();
        NotifyBuilder routed = new NotifyBuilder(app.camel()).from("gewe:callback")
                .filter(e -> text.equals(e.getIn().getBody(GeweCallback.class).getContent())).whenCompleted(1).create();

        assertEquals(401, gewe.pushCallback(app.uri("/gewe/callback"), push("wxid_sender", text)), "no secret");
        int status = gewe.pushCallback(app.uri("/gewe/callback?secret=" + SECRET), push("wxid_sender", text));

        assertEquals(200, status);
        assertTrue(routed.matches(10, TimeUnit.SECONDS), "the push reached no route");
        assertTrue(output.getAll().contains("wxid_sender wrote: " + text), "the route's log line");
    }

    @Test
    void theAccountsHealthIsInTheActuatorAndFollowsGewe() throws Exception {
        app.camel().createProducerTemplate().requestBody("direct:notify", "health: up");
        JsonNode up = health(200);
        assertEquals("UP", up.at("/components/camelHealth/details/gewe-account-" + gewe.appId()).asText(), up.toString());

        gewe.setOnline(gewe.appId(), false);
        CamelExecutionException offline = assertThrows(CamelExecutionException.class,
                () -> app.camel().createProducerTemplate().requestBody("direct:notify", "health: offline"));
        assertInstanceOf(GeweApiException.class, offline.getCause());
        JsonNode down = health(503);
        assertEquals("DOWN", down.at("/components/camelHealth/details/gewe-account-" + gewe.appId()).asText(),
                down.toString());

        gewe.setOnline(gewe.appId(), true);
        // a refused send keeps the account OFFLINE until it logs in again: sends fail at once until then
        app.camel().createProducerTemplate().requestBody("gewe:reconnection", (Object) null);
        app.camel().createProducerTemplate().requestBody("direct:notify", "health: back");
        assertEquals("UP", health(200).at("/components/camelHealth/details/gewe-account-" + gewe.appId()).asText());
    }

    @Test
    void theTokenAndTheSecretAreMaskedInTheActuatorEvenWithShowValuesAlways() throws Exception {
        HttpResponse<String> configprops = app.get("/actuator/configprops");
        assertEquals(200, configprops.statusCode());
        assertFalse(configprops.body().contains(gewe.token()), "the token in /actuator/configprops");
        assertFalse(configprops.body().contains(SECRET), "the secret in /actuator/configprops");
        JsonNode bean = geweBean(JSON.readTree(configprops.body()));
        assertEquals("******", bean.at("/properties/token").asText(), bean.toString());
        assertEquals("******", bean.at("/properties/secret").asText(), bean.toString());
        // values are shown: the mask is the sanitizer's, not show-values' default
        assertEquals(gewe.appId(), bean.at("/properties/appId").asText(), bean.toString());
        assertEquals("#weChatSends", bean.at("/properties/workerPool").asText(), bean.toString());

        HttpResponse<String> env = app.get("/actuator/env");
        assertEquals(200, env.statusCode());
        assertFalse(env.body().contains(gewe.token()), "the token in /actuator/env");
        assertFalse(env.body().contains(SECRET), "the secret in /actuator/env");
        assertTrue(env.body().contains(gewe.appId()), "values are shown");
    }

    @Test
    void theTokenAndTheSecretAreInNoLogLine(CapturedOutput output) throws Exception {
        app.camel().createProducerTemplate().requestBody("direct:notify", "logged at TRACE");
        gewe.pushCallback(app.uri("/gewe/callback?secret=" + SECRET), push("wxid_sender", "logged at TRACE"));
        assertTrue(output.getAll().contains("postText"), "the capture holds the component's logging");
        assertFalse(output.getAll().contains(gewe.token()), "the token was logged");
        assertFalse(output.getAll().contains(SECRET), "the secret was logged");
    }

    private JsonNode health(int expectedStatus) throws Exception {
        HttpResponse<String> response = app.get("/actuator/health");
        assertEquals(expectedStatus, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static JsonNode geweBean(JsonNode configprops) {
        for (JsonNode context : configprops.path("contexts")) {
            for (JsonNode bean : context.path("beans")) {
                if ("camel.component.gewe".equals(bean.path("prefix").asText())) {
                    return bean;
                }
            }
        }
        throw new AssertionError("no camel.component.gewe bean in /actuator/configprops: " + configprops);
    }

    /** A text message as GeWe pushes it, each with a NewMsgId of its own (GeWe's repeats are dropped). */
    static String push(String from, String text) {
        return """
                {"TypeName":"AddMsg","Appid":"wx_sim_app","Wxid":"wxid_me","Data":{"MsgId":1040356095,"MsgType":1,
                 "FromUserName":{"string":"%s"},"ToUserName":{"string":"wxid_me"},"Content":{"string":"%s"},
                 "CreateTime":1705043418,"NewMsgId":%d}}""".formatted(from, text, NEW_MSG_IDS.incrementAndGet());
    }
}
