package io.camelgewe.gewe.springboot;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The starter's spring-configuration-metadata.json describes every option of the component's gewe.json with its
 * type, default and description, and every property it describes binds to GeweComponentConfiguration.
 */
class GeweSpringBootMetadataTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyComponentPropertyIsDescribedWithItsTypeDefaultAndDescription() throws Exception {
        Map<String, JsonNode> described = described();
        for (Map.Entry<String, JsonNode> e : GeweSpringBootOptionsTest.componentProperties().properties()) {
            String name = "camel.component.gewe." + e.getKey().replaceAll("([A-Z])", "-$1").toLowerCase();
            JsonNode option = e.getValue();
            JsonNode property = described.get(name);
            assertNotNull(property, name + " is not described");
            assertTrue(property.path("description").asText().startsWith(option.path("description").asText()), name);
            assertEquals(option.get("defaultValue"), property.get("defaultValue"), name + "'s default");
            Class<?> bound = getter(e.getKey()).getReturnType();
            assertEquals(bound.getName(), property.path("type").asText(), name + "'s type is the bound field's");
            String type = option.path("type").asText();
            if (type.equals("object")) {
                assertEquals(String.class, bound, name + " is a bean reference");
            } else if (type.equals("enum") && !option.path("javaType").asText().equals("java.lang.String")) {
                assertEquals(option.path("javaType").asText(), bound.getName(), name);
            } else {
                assertEquals(Map.of("boolean", Boolean.class, "integer", Number.class, "string", String.class,
                        "enum", String.class, "duration", String.class).get(type), bound.getSuperclass() == Number.class ? Number.class : bound,
                        name + " binds as its gewe.json type " + type);
            }
        }
    }

    @Test
    void everyDescribedPropertyBinds() throws Exception {
        for (String name : described().keySet()) {
            String option = name.substring("camel.component.gewe.".length());
            if (!option.equals("enabled") && !option.equals("customizer.enabled")) {
                // kebab-case to the accessors' spelling: base-url, getBaseUrl and setBaseUrl
                StringBuilder accessor = new StringBuilder();
                for (String part : option.split("-")) {
                    accessor.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
                }
                Method getter = GeweComponentConfiguration.class.getMethod("get" + accessor);
                GeweComponentConfiguration.class.getMethod("set" + accessor, getter.getReturnType());
            }
        }
    }

    @Test
    void theSecretsAreTheOptionsGeweJsonMarksSecret() throws Exception {
        Set<String> secret = new TreeSet<>();
        GeweSpringBootOptionsTest.componentProperties().properties().forEach(e -> {
            if (e.getValue().path("secret").asBoolean()) {
                secret.add(e.getKey());
            }
        });
        assertEquals(Set.of("secret", "token"), secret, "gewe.json marks these secret");
        assertEquals(secret, new TreeSet<>(GeweComponentConfiguration.SECRET_OPTIONS));
    }

    private static Method getter(String option) throws NoSuchMethodException {
        return GeweComponentConfiguration.class.getMethod("get" + Character.toUpperCase(option.charAt(0)) + option.substring(1));
    }

    /** The properties of the starter's metadata (other jars have a file of that name too). */
    private static Map<String, JsonNode> described() throws Exception {
        for (URL url : Collections.list(GeweSpringBootMetadataTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                JsonNode metadata = JSON.readTree(in);
                if ("camel.component.gewe".equals(metadata.path("groups").path(0).path("name").asText())) {
                    Map<String, JsonNode> properties = new HashMap<>();
                    metadata.path("properties").forEach(p -> properties.put(p.path("name").asText(), p));
                    return properties;
                }
            }
        }
        throw new AssertionError("no spring-configuration-metadata.json with the group camel.component.gewe");
    }
}
