package io.camelgewe.gewe.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.camelgewe.gewe.errors.GeweApiException;
import io.camelgewe.gewe.errors.GeweHttpException;
import io.camelgewe.gewe.errors.GeweResponseException;
import io.camelgewe.gewe.catalog.GeweOperation;

/**
 * Reads GeWe's answer to one operation: the one place where a reply is parsed.
 * <p>
 * GeWe answers {@code {"ret":200,"msg":"操作成功","data":...}}; {@code ret == 200} is the only success test, and
 * failures usually come with HTTP 200. The envelope is read as a stream: when {@code ret} comes before {@code data}
 * (as GeWe writes it), {@code data} is bound straight to the operation's result type without building a tree first.
 * Text that came from GeWe is cleared of the token before it reaches an exception message.
 * <p>
 * An envelope that could be read two ways is refused rather than guessed at: {@code ret} must be a JSON integer
 * ({@code 200.9} and {@code "200"} are not GeWe's), and no field may appear twice, at any depth ({@code ret: 500}
 * followed by {@code ret: 200} must not read as a success, nor a second {@code newMsgId} replace the first).
 */
public final class GeweReplyReader {

    private static final int SNIPPET = 200;
    /** The longest {@code data.detail} text parsed for its {@code msg_err}; longer is quoted, cut short. */
    private static final int DETAIL_PARSE_LIMIT = 4096;

    private final GeweOperation operation;
    private final ObjectReader dataReader;
    private final boolean treeResult;
    private final String token;

    /**
     * @param operation the operation whose replies this reads
     * @param token     the token, to be cleared from any text quoted in an exception; may be null
     */
    public GeweReplyReader(GeweOperation operation, String token) {
        this.operation = operation;
        this.dataReader = GeweJson.mapper().readerFor(operation.resultType());
        this.treeResult = operation.resultType() == JsonNode.class;
        this.token = token == null || token.isEmpty() ? null : token;
    }

    /**
     * The result of a reply: GeWe's {@code data} as the operation's result type (null when GeWe sent none).
     *
     * @throws GeweHttpException     when the HTTP status is not 2xx
     * @throws GeweResponseException when the body is not GeWe's JSON envelope
     * @throws GeweApiException      when {@code ret != 200}
     */
    public Object read(int status, String reason, byte[] body) {
        if (status < 200 || status > 299) {
            String detail = (reason == null ? "" : reason) + (body == null || body.length == 0 ? "" : " " + snippet(body));
            throw new GeweHttpException(operation.qualifiedName(), status, detail.trim());
        }
        if (body == null || body.length == 0) {
            throw new GeweResponseException(operation.qualifiedName(), "GeWe answered with an empty body", null);
        }
        try (JsonParser p = GeweJson.mapper().createParser(body)) {
            // a field twice anywhere, GeWe's envelope or data, fails the parse (Jackson keeps the names per object)
            p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw notEnvelope(body, null);
            }
            Integer ret = null;
            String msg = null;
            Object data = null;
            JsonNode dataTree = null;
            boolean sawData = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "ret":
                        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
                            throw new GeweResponseException(operation.qualifiedName(), "GeWe's answer has a ret that "
                                    + "is not an integer, so it is not GeWe's envelope: " + snippet(body), null);
                        }
                        ret = p.getIntValue();
                        break;
                    case "msg":
                        if (ret != null && ret == 200) {
                            // only a refusal's msg is ever read: a success's ("操作成功") is not decoded
                            p.skipChildren();
                            break;
                        }
                        msg = t == JsonToken.VALUE_NULL ? null : p.getValueAsString();
                        if (t.isStructStart()) {
                            msg = p.readValueAsTree().toString();
                        }
                        break;
                    case "data":
                        sawData = true;
                        if (t == JsonToken.VALUE_NULL) {
                            break;
                        }
                        if (ret != null && ret == 200 && !treeResult) {
                            data = dataReader.readValue(p);
                        } else {
                            dataTree = p.readValueAsTree();
                        }
                        break;
                    default:
                        p.skipChildren();
                }
            }
            if (ret == null) {
                throw notEnvelope(body, null);
            }
            if (ret != 200) {
                throw apiError(ret, msg, dataTree);
            }
            if (dataTree != null) {
                data = treeResult ? dataTree : dataReader.readValue(dataTree);
            }
            return sawData ? data : null;
        } catch (JsonParseException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Duplicate field")) {
                throw new GeweResponseException(operation.qualifiedName(), "GeWe's answer is ambiguous, a field appears "
                        + "twice in one object (" + scrub(e.getOriginalMessage()) + "): " + snippet(body), null);
            }
            throw notEnvelope(body, e);
        } catch (IOException e) {
            throw notEnvelope(body, e);
        }
    }

    private GeweApiException apiError(int ret, String msg, JsonNode data) {
        String code = null;
        String dataMsg = null;
        String detail = null;
        if (data != null && data.isObject()) {
            code = bounded(data.get("code"));
            dataMsg = bounded(data.get("msg"));
            detail = detailReason(data.get("detail"));
        }
        return new GeweApiException(operation.qualifiedName(), ret, scrub(bounded(msg)), scrub(code), scrub(dataMsg),
                scrub(detail));
    }

    /**
     * The reason in {@code data.detail}: GeWe puts a JSON string there whose {@code msg_err} says why a send was
     * refused. Hostile like all of the reply: only a bounded prefix is parsed, and anything but that shape is quoted
     * as text, cut short.
     */
    private static String detailReason(JsonNode detail) {
        if (detail == null || detail.isNull()) {
            return null;
        }
        JsonNode parsed = detail;
        if (detail.isTextual()) {
            String text = detail.textValue();
            if (text.length() > DETAIL_PARSE_LIMIT || text.isBlank()) {
                return bounded(text);
            }
            try {
                parsed = GeweJson.mapper().readTree(text);
            } catch (IOException notJson) {
                return bounded(text);
            }
        }
        JsonNode msgErr = parsed == null ? null : parsed.get("msg_err");
        if (msgErr != null && msgErr.isValueNode() && !msgErr.isNull()) {
            return bounded(msgErr.asText());
        }
        return bounded(detail.isTextual() ? detail.textValue() : detail.toString());
    }

    /** A value GeWe sent as text, cut to a readable length; null for JSON null or nothing. */
    private static String bounded(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        return bounded(value.isValueNode() ? value.asText() : value.toString());
    }

    private static String bounded(String text) {
        if (text == null) {
            return null;
        }
        String t = text.replaceAll("\\s+", " ").trim();
        return t.length() > SNIPPET ? t.substring(0, SNIPPET) + "..." : t;
    }

    private GeweResponseException notEnvelope(byte[] body, Exception cause) {
        return new GeweResponseException(operation.qualifiedName(),
                "GeWe's answer is not its JSON envelope {ret, msg, data}: " + snippet(body),
                cause == null ? null : new IOException(scrub(cause.getMessage())));
    }

    private String snippet(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, SNIPPET * 4), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").trim();
        if (text.length() > SNIPPET) {
            text = text.substring(0, SNIPPET) + "...";
        }
        return "'" + scrub(text) + "'";
    }

    /** Removes the token from text GeWe (or a proxy) sent back, in case it was echoed. */
    String scrub(String text) {
        if (text == null || token == null) {
            return text;
        }
        return text.replace(token, "******");
    }
}
