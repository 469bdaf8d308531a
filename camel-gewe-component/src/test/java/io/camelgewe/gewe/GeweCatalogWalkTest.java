package io.camelgewe.gewe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgewe.gewe.catalog.GeweCatalog;
import io.camelgewe.gewe.catalog.GeweField;
import io.camelgewe.gewe.catalog.GeweOperation;
import io.camelgewe.gewe.client.GeweJson;
import io.camelgewe.gewe.simulator.GeweSimulator;
import io.camelgewe.gewe.simulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation of GeWe's catalog, called through {@code gewe:module/action} over HTTP: it reaches its own path,
 * with every field in the JSON type the catalog gives it (the simulator refuses wrong types and missing fields).
 */
class GeweCatalogWalkTest extends GeweTestSupport {

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    @Test
    void everyOperationReachesItsPathWithEveryFieldInItsType() throws Exception {
        context.start();
        List<String> failures = new ArrayList<>();
        int walked = 0;
        for (GeweOperation op : GeweCatalog.get().operations()) {
            simulator.clearRequests();
            Map<String, Object> body = new LinkedHashMap<>();
            Map<String, JsonNode> expected = new LinkedHashMap<>();
            for (GeweField f : op.fields()) {
                Object value = sample(op, f);
                body.put(f.name(), value);
                expected.put(f.name(), GeweJson.mapper().valueToTree(value));
            }
            Exchange out = template.send("gewe:" + op.qualifiedName(), e -> e.getMessage().setBody(body));
            walked++;
            if (out.getException() != null) {
                failures.add(op.qualifiedName() + ": " + out.getException().getMessage());
                continue;
            }
            RecordedRequest r = simulator.lastRequest();
            if (!(GeweSimulator.API_PATH + op.path()).equals(r.path())) {
                failures.add(op.qualifiedName() + " went to " + r.path());
            }
            for (Map.Entry<String, JsonNode> e : expected.entrySet()) {
                JsonNode sent = r.field(e.getKey());
                if (sent == null || !sent.toString().equals(e.getValue().toString())
                        || sent.getNodeType() != e.getValue().getNodeType()) {
                    failures.add(op.qualifiedName() + "." + e.getKey() + " sent as " + sent + ", expected "
                                 + e.getValue());
                }
            }
            if (r.json().size() != expected.size()) {
                failures.add(op.qualifiedName() + " sent other fields: " + r.json());
            }
        }
        assertEquals(132, walked);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void onlyRequiredFieldsAreEnoughForEveryOperation() throws Exception {
        context.start();
        List<String> failures = new ArrayList<>();
        for (GeweOperation op : GeweCatalog.get().operations()) {
            Map<String, Object> body = new LinkedHashMap<>();
            for (GeweField f : op.fields()) {
                if (f.required()) {
                    body.put(f.name(), sample(op, f));
                }
            }
            Exchange out = template.send("gewe:" + op.qualifiedName(), e -> e.getMessage().setBody(body));
            if (out.getException() != null) {
                failures.add(op.qualifiedName() + ": " + out.getException().getMessage());
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** A value of the field's type, written the way a route would hand it over (text where GeWe wants text). */
    private static Object sample(GeweOperation op, GeweField f) {
        if ("appId".equals(f.name())) {
            return simulator.appId();
        }
        if ("token".equals(f.name())) {
            return simulator.token();
        }
        if ("message/downloadImage".equals(op.qualifiedName()) && "type".equals(f.name())) {
            return 2;
        }
        if ("callbackUrl".equals(f.name())) {
            return "http://127.0.0.1:9/gewe/callback";
        }
        return switch (f.type()) {
            case STRING -> "v-" + f.name();
            case INTEGER -> 7L;
            case NUMBER -> 8992614056172361237L;
            case BOOLEAN -> Boolean.TRUE;
            case STRING_ARRAY -> List.of("a-" + f.name(), "b-" + f.name());
            case OBJECT -> Map.of("k", "v");
            case OBJECT_ARRAY -> List.of(Map.of("k", "v"));
        };
    }
}
