package io.camelgewe.gewe.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One request the {@link GeweSimulator} received, as it arrived.
 * <p>
 * The headers map is case-insensitive ({@code headers().get("x-gewe-token")} finds {@code X-GEWE-TOKEN}) and holds the
 * first value of each header. The parsed {@code json} is shared with the simulator and must not be modified; the raw
 * {@code body} is copied on every access so that no caller can change what another one reads.
 *
 * @param method    the HTTP method ({@code POST})
 * @param path      the request path without the query ({@code /gewe/v2/api/message/postText})
 * @param operation the catalog operation's qualified name ({@code message/postText}), or null when the path names
 *                  none (an unknown path, a file download)
 * @param headers   the request headers, case-insensitive, first value of each, unmodifiable
 * @param body      the raw request body (empty, never null)
 * @param json      the body parsed as JSON, or null when it is not JSON
 * @param received  when the request was read
 */
public record RecordedRequest(String method, String path, String operation, Map<String, String> headers, byte[] body,
                              JsonNode json, Instant received) {

    /** The raw request body; a copy, so it can be changed freely. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The request body decoded as UTF-8 (GeWe's only encoding). */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a header, matched case-insensitively, or null. */
    public String header(String name) {
        return headers.get(name);
    }

    /**
     * A top-level field of the JSON body, or null when the body is not a JSON object or lacks the field.
     * A field sent as JSON {@code null} is returned as a null node, so "absent" and "null" stay distinguishable.
     */
    public JsonNode field(String name) {
        return json == null ? null : json.get(name);
    }

    /**
     * Whether this request was for the named operation, given as {@code module/action} or as a bare action; a bare
     * action several modules share ({@code search}) matches it in each of them.
     */
    public boolean isFor(String qualifiedOrActionName) {
        if (operation == null || qualifiedOrActionName == null) {
            return false;
        }
        String name = qualifiedOrActionName.startsWith("/") ? qualifiedOrActionName.substring(1) : qualifiedOrActionName;
        return operation.equals(name) || operation.endsWith("/" + name) && name.indexOf('/') < 0;
    }

    @Override
    public String toString() {
        // the body is usually small JSON; cutting it keeps test failure messages readable
        String text = bodyText();
        return method + " " + path + (text.isEmpty() ? "" : " " + (text.length() > 200 ? text.substring(0, 200) + "..." : text));
    }
}
