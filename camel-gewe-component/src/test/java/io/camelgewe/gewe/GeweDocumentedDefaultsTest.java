package io.camelgewe.gewe;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every default gewe.json documents (what Camel tooling, IDEs and the generated docs show) is the value a component
 * or endpoint nobody configured really has.
 */
class GeweDocumentedDefaultsTest extends CamelTestSupport {

    @Test
    void componentDefaultsAreTheRealOnes() throws Exception {
        GeweComponent component = new GeweComponent();
        List<String> wrong = compare(section("componentProperties"), new GeweComponentConfigurer(), component);
        assertEquals(List.of(), wrong);
    }

    @Test
    void endpointDefaultsAreTheRealOnes() throws Exception {
        for (String uri : new String[] { "gewe:postText", "gewe:callback" }) {
            GeweEndpoint endpoint = context.getEndpoint(uri, GeweEndpoint.class);
            List<String> wrong = compare(section("properties"), new GeweEndpointConfigurer(), endpoint);
            assertEquals(List.of(), wrong, uri);
        }
    }

    @Test
    void pacingIsOnUnlessTurnedOff() throws Exception {
        assertEquals("true", section("properties").get("pacing").get("defaultValue").asText());
        assertEquals("true", section("componentProperties").get("pacing").get("defaultValue").asText());
        assertTrue(context.getEndpoint("gewe:postText", GeweEndpoint.class).getConfiguration().isPacing());
    }

    private static List<String> compare(JsonNode options, PropertyConfigurerGetter getter, Object target) {
        List<String> wrong = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<String, JsonNode> o : (Iterable<Map.Entry<String, JsonNode>>) options::fields) {
            JsonNode documented = o.getValue().get("defaultValue");
            if (documented == null) {
                continue;
            }
            compared++;
            Object real = getter.getOptionValue(target, o.getKey(), false);
            String shown = real instanceof Enum<?> e ? e.name() : String.valueOf(real);
            if (!documented.asText().equals(shown)) {
                wrong.add(o.getKey() + ": documented " + documented.asText() + ", really " + shown);
            }
        }
        assertTrue(compared > 15, "defaults compared: " + compared);
        return wrong;
    }

    private static JsonNode section(String name) throws Exception {
        try (InputStream in = GeweComponent.class.getResourceAsStream("/META-INF/io/camelgewe/gewe/gewe.json")) {
            return new ObjectMapper().readTree(in).get(name);
        }
    }

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }
}
