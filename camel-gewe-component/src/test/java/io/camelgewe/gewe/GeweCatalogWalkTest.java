package io.camelgewe.gewe;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgewe.gewe.OfficialPages.Field;
import io.camelgewe.gewe.OfficialPages.Operation;
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
 * Every operation of GeWe's official pages ({@link OfficialPages}), checked against the component: its catalog has
 * each one with the page's path, fields, types, required flags and defaults, and a call through
 * {@code gewe:module/action} over HTTP reaches that path with every field in the page's JSON type, the page's own
 * request example included.
 * <p>
 * The expectations come from the pages, never from the component's catalog: the simulator validates requests with
 * that catalog, so a catalog error (a renamed field, a wrong type) would pass it unnoticed.
 */
class GeweCatalogWalkTest extends GeweTestSupport {

    /**
     * setCallback's URL in these calls, for the page's www.baidu.com: the simulator pings the URL it is given, and
     * nothing listens here, so a test never reaches out of the machine.
     */
    private static final String CALLBACK_URL = "http://127.0.0.1:9/gewe/callback";

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    @Test
    void theCatalogHasEveryOperationAsItsPageDescribesIt() {
        List<String> failures = new ArrayList<>();
        Set<String> official = new TreeSet<>();
        for (Operation page : OfficialPages.operations()) {
            official.add(page.qualifiedName());
            GeweOperation op = findOrNull(page.qualifiedName());
            if (op == null) {
                failures.add(page.qualifiedName() + " (" + page.page() + ") is not in the catalog");
                continue;
            }
            if (!op.path().equals(page.path())) {
                failures.add(page.qualifiedName() + " is posted to " + op.path() + ", its page says " + page.path());
            }
            for (Field f : page.request()) {
                GeweField mine = op.field(f.name());
                if (mine == null) {
                    failures.add(page.qualifiedName() + "." + f.name() + " is on the page, not in the catalog");
                    continue;
                }
                if (!mine.type().catalogName().equals(f.type())) {
                    failures.add(page.qualifiedName() + "." + f.name() + " is " + mine.type().catalogName()
                                 + ", its page says " + f.type());
                }
                if (mine.required() != f.required()) {
                    failures.add(page.qualifiedName() + "." + f.name() + " is " + (mine.required() ? "" : "not ")
                                 + "required, its page says the opposite");
                }
                JsonNode myDefault = mine.defaultValue() == null ? null : GeweJson.mapper().valueToTree(mine.defaultValue());
                if (!sameJson(myDefault, f.defaultValue())) {
                    failures.add(page.qualifiedName() + "." + f.name() + " defaults to " + myDefault + ", its page says "
                                 + f.defaultValue());
                }
            }
            for (GeweField mine : op.fields()) {
                if (page.field(mine.name()) == null) {
                    failures.add(page.qualifiedName() + "." + mine.name() + " is in the catalog, not on the page");
                }
            }
        }
        for (GeweOperation op : GeweCatalog.get().operations()) {
            if (!official.contains(op.qualifiedName())) {
                failures.add(op.qualifiedName() + " is in the catalog, on no official page");
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void everyOperationReachesItsPathWithEveryFieldInItsType() throws Exception {
        context.start();
        List<String> failures = new ArrayList<>();
        int walked = 0;
        for (Operation op : OfficialPages.operations()) {
            Map<String, Object> body = new LinkedHashMap<>();
            Map<String, JsonNode> expected = new LinkedHashMap<>();
            for (Field f : op.request()) {
                Object value = sample(op, f);
                body.put(f.name(), value);
                expected.put(f.name(), GeweJson.mapper().valueToTree(value));
            }
            RecordedRequest r = call(op, body, failures);
            walked++;
            if (r == null) {
                continue;
            }
            for (Map.Entry<String, JsonNode> e : expected.entrySet()) {
                JsonNode sent = r.field(e.getKey());
                if (!sameJson(sent, e.getValue())) {
                    failures.add(op.qualifiedName() + "." + e.getKey() + " sent as " + sent + ", expected "
                                 + e.getValue());
                }
            }
            if (r.json().size() != expected.size()) {
                failures.add(op.qualifiedName() + " sent other fields: " + r.json());
            }
        }
        assertEquals(OfficialPages.count(), walked);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void onlyRequiredFieldsAreEnoughForEveryOperation() throws Exception {
        context.start();
        List<String> failures = new ArrayList<>();
        for (Operation op : OfficialPages.operations()) {
            Map<String, Object> body = new LinkedHashMap<>();
            for (Field f : op.request()) {
                if (f.required()) {
                    body.put(f.name(), sample(op, f));
                }
            }
            call(op, body, failures);
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /**
     * Each page's request example, as JSON text, reaches GeWe with exactly the fields and JSON types the page's
     * parameter table gives. Where the example and the table disagree, the table wins ({@code received} and its notes
     * in the data): the examples carry fields the table does not have (proxyIp), and two write a number where the
     * table says string. The examples' 64-bit ids are rounded by JavaScript (snsId {@code 14292805691027100000}):
     * not real ids, but integers still, so they must arrive digit for digit, which a pass through a double would break.
     */
    @Test
    void everyPagesExampleArrivesAsItsParameterTableTypesIt() throws Exception {
        context.start();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Operation op : OfficialPages.operations()) {
            if (op.example() == null) {
                continue;
            }
            JsonNode expected = runnable(op, op.received());
            RecordedRequest r = call(op, OfficialPages.MAPPER.writeValueAsString(runnable(op, op.example())), failures);
            sent++;
            if (r != null && !expected.equals(r.json())) {
                failures.add(op.qualifiedName() + " (" + op.page() + "): " + differences(expected, r.json()));
            }
        }
        assertEquals(OfficialPages.count(), sent, "every page has a request example");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /**
     * Sends the body through {@code gewe:module/action}: what GeWe received, or null after adding to the failures
     * why nothing (or something at another path) was received.
     */
    private RecordedRequest call(Operation op, Object body, List<String> failures) {
        simulator.clearRequests();
        Exchange out = template.send("gewe:" + op.qualifiedName(), e -> e.getMessage().setBody(body));
        if (out.getException() != null) {
            failures.add(op.qualifiedName() + " (" + op.page() + "): " + out.getException().getMessage());
            return null;
        }
        RecordedRequest r = simulator.lastRequest();
        if (!(GeweSimulator.API_PATH + op.path()).equals(r.path())) {
            failures.add(op.qualifiedName() + " went to " + r.path());
            return null;
        }
        return r;
    }

    /**
     * The example as the simulator can run it: the pages' devices ({{appid}}, wx_example_app_id, blank) become the
     * simulator's account, the token placeholder its token, setCallback's URL a local one. Required text the example leaves blank is filled in: the component refuses a
     * blank required field as missing, while some examples send one blank (getLoginQrCode's page even asks for an
     * empty appId on a first login). That difference is for the request builder to settle, not for this test.
     */
    private static JsonNode runnable(Operation op, JsonNode body) {
        ObjectNode copy = body.deepCopy();
        for (Iterator<String> names = copy.fieldNames(); names.hasNext();) {
            String name = names.next();
            JsonNode v = copy.get(name);
            Field f = op.field(name);
            if ("appId".equals(name)) {
                copy.put(name, simulator.appId());
            } else if ("{{gewe-token}}".equals(v.textValue())) {
                copy.put(name, simulator.token());
            } else if ("callbackUrl".equals(name)) {
                copy.put(name, CALLBACK_URL);
            } else if (f != null && f.required() && v.isTextual() && v.textValue().isBlank()) {
                copy.put(name, "v-" + name);
            }
        }
        return copy;
    }

    /** Field by field, what GeWe was to receive and what it got, with JSON types: the fields that differ. */
    private static String differences(JsonNode expected, JsonNode sent) {
        Set<String> names = new TreeSet<>();
        expected.fieldNames().forEachRemaining(names::add);
        sent.fieldNames().forEachRemaining(names::add);
        return names.stream().filter(n -> !Objects.equals(expected.get(n), sent.get(n)))
                .map(n -> n + " expected " + typed(expected.get(n)) + ", sent " + typed(sent.get(n)))
                .collect(Collectors.joining("; "));
    }

    private static String typed(JsonNode n) {
        return n == null ? "nothing" : abbreviate(n.toString()) + " (" + n.getNodeType() + ")";
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    /** Same JSON value and JSON type; numbers compare by value, so a Long and an int node of 2 are the same. */
    private static boolean sameJson(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.getNodeType() == b.getNodeType() && a.toString().equals(b.toString());
    }

    private static GeweOperation findOrNull(String qualifiedName) {
        try {
            return GeweCatalog.get().find(qualifiedName);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** A value of the page's type for the field, written the way a route would hand it over. */
    private static Object sample(Operation op, Field f) {
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
            return CALLBACK_URL;
        }
        return switch (f.type()) {
            case "string" -> "v-" + f.name();
            case "integer" -> 7L;
            case "number" -> 8992614056172361237L;
            case "boolean" -> Boolean.TRUE;
            case "array<string>" -> List.of("a-" + f.name(), "b-" + f.name());
            case "object" -> Map.of("k", "v");
            case "array<object>" -> List.of(Map.of("k", "v"));
            default -> throw new AssertionError(op.qualifiedName() + "." + f.name() + ": the page's type " + f.type()
                                                + " is new to this test");
        };
    }
}
