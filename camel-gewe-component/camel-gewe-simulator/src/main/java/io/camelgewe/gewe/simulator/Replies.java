package io.camelgewe.gewe.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import io.camelgewe.gewe.simulator.Reply.Outcome;
import io.camelgewe.gewe.simulator.ResponseShapes.DataField;

/**
 * Decides GeWe's answer to one API request: the checks GeWe makes (token, body, fields, device, online state), then
 * the operation's own reply.
 * <p>
 * Everything that does not depend on the request is computed once, when the simulator is built: the error envelopes,
 * and the whole reply of every operation whose data is fixed. Only sends and downloads build their reply per request
 * (they carry fresh ids and URLs), with a streaming generator and no intermediate tree. Numbers are written as
 * {@code long}s by Jackson, never through a {@code double}: GeWe's 19-digit ids must arrive exact.
 */
final class Replies {

    static final String OK_MSG = "操作成功";
    static final String TOKEN_HEADER = "X-GEWE-TOKEN";

    /** How an operation's reply is made. */
    enum Kind {
        /** A message send: fresh msgId/newMsgId, CDN coordinates for images and videos; fails when offline. */
        SEND,
        /** A download: a URL to a file the simulator serves itself. */
        DOWNLOAD,
        /** downloadImage: a download that fails for image types the test made unavailable. */
        DOWNLOAD_IMAGE,
        /** login/checkOnline: the account's online flag. */
        CHECK_ONLINE,
        /** login/setCallback: remembers the URL and pings it. */
        SET_CALLBACK,
        /** Fixed data, written from bytes prepared in advance. */
        STATIC,
        /** Data generated from the catalog shape, with the request's appId echoed where the shape has one. */
        ECHO_APP_ID
    }

    /** An operation with everything its replies need. */
    static final class Plan {
        final SimCatalog.Operation op;
        final Kind kind;
        final List<DataField> data;
        final boolean hasAppId;
        final Integer msgType;
        /** For STATIC: the complete reply. */
        final Reply fixed;

        Plan(SimCatalog.Operation op, Kind kind, Integer msgType, Reply fixed) {
            this.op = op;
            this.kind = kind;
            this.data = op.data();
            this.hasAppId = op.field("appId") != null;
            this.msgType = msgType;
            this.fixed = fixed;
        }
    }

    /** WeChat's MsgType of what each send puts in the chat; the catalog gives {@code type} as an integer for these. */
    private static final Map<String, Integer> MSG_TYPES = Map.ofEntries(
            Map.entry("postText", 1), Map.entry("postVoice", 34), Map.entry("postNameCard", 42),
            Map.entry("postEmoji", 47), Map.entry("postFile", 49), Map.entry("postLink", 49),
            Map.entry("postAppMsg", 49), Map.entry("postMiniApp", 49), Map.entry("forwardFile", 49),
            Map.entry("forwardUrl", 49), Map.entry("forwardMiniApp", 49));

    private static final Pattern FILE_EXT = Pattern.compile("<fileext>\\s*(?:<!\\[CDATA\\[)?([^<\\]]*)");

    private final GeweSimulator sim;
    private final ObjectMapper mapper;
    private final Map<String, Plan> plans = new HashMap<>();

    final Reply tokenMissing;
    final Reply tokenInvalid;
    final Reply notAnObject;
    final Reply noSuchDevice;
    final Reply offline;
    final Reply imageFailed;
    final Reply callbackUrlInvalid;
    private final Reply online;
    private final Reply notOnline;
    private final Reply okNoData;
    private final Reply[] faults = new Reply[Fault.values().length];
    final Reply notFound;
    final Reply methodNotAllowed;

    Replies(GeweSimulator sim, ObjectMapper mapper) {
        this.sim = sim;
        this.mapper = mapper;
        tokenMissing = failure("header:" + TOKEN_HEADER + " 不可为空", null);
        tokenInvalid = failure(TOKEN_HEADER + " 不可用或已过期", null);
        notAnObject = failure("请求体必须是JSON对象", null);
        noSuchDevice = failure("设备不存在", null);
        offline = failure("发送消息失败-微信已离线(-1)", wechatError("微信已离线"));
        imageFailed = failure("下载图片失败", null);
        callbackUrlInvalid = failure("回调地址格式错误", null);
        online = success(mapper.getNodeFactory().booleanNode(true), Outcome.ACCEPTED);
        notOnline = success(mapper.getNodeFactory().booleanNode(false), Outcome.ACCEPTED);
        okNoData = success(null, Outcome.ACCEPTED);
        faults[Fault.RET_500.ordinal()] = failure(null, wechatError("模拟错误"));
        ObjectNode detail = mapper.createObjectNode();
        detail.put("detail", "{\"msg_err\":\"图片格式错误\"}");
        faults[Fault.MSG_ERR.ordinal()] = failure("发送图片失败", detail);
        faults[Fault.NULL_MSG.ordinal()] = new Reply(200, Reply.JSON, bytes("{\"ret\":500,\"msg\":null}"),
                Outcome.FAILED);
        faults[Fault.HTTP_500.ordinal()] = new Reply(500, "text/plain;charset=UTF-8",
                bytes("Internal Server Error"), Outcome.FAILED);
        faults[Fault.HTTP_502.ordinal()] = new Reply(502, "text/html", bytes("<html>\r\n<head><title>502 Bad Gateway"
                + "</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>"
                + "\r\n</body>\r\n</html>\r\n"), Outcome.FAILED);
        faults[Fault.NOT_JSON.ordinal()] = new Reply(200, "text/html;charset=UTF-8", bytes("<!DOCTYPE html><html><head>"
                + "<title>系统维护中</title></head><body><h1>系统维护中，请稍后再试</h1></body></html>"), Outcome.FAILED);
        faults[Fault.DROP_CONNECTION.ordinal()] = new Reply(0, null, new byte[0], Outcome.DROP);
        notFound = new Reply(404, Reply.JSON, bytes("{\"status\":404,\"error\":\"Not Found\"}"), Outcome.FAILED);
        methodNotAllowed = new Reply(405, Reply.JSON,
                bytes("{\"status\":405,\"error\":\"Method Not Allowed\"}"), Outcome.FAILED);

        for (SimCatalog.Operation op : SimCatalog.get().operations()) {
            plans.put(op.path(), plan(op));
        }
    }

    private Plan plan(SimCatalog.Operation op) {
        String name = op.qualifiedName();
        List<DataField> data = op.data();
        Kind kind;
        if ("login/checkOnline".equals(name)) {
            kind = Kind.CHECK_ONLINE;
        } else if ("login/setCallback".equals(name)) {
            kind = Kind.SET_CALLBACK;
        } else if ("message/downloadImage".equals(name)) {
            kind = Kind.DOWNLOAD_IMAGE;
        } else if (op.isDownload()) {
            kind = Kind.DOWNLOAD;
        } else if (op.isSend()) {
            kind = Kind.SEND;
        } else if (data.stream().anyMatch(f -> "appId".equals(f.name()))) {
            kind = Kind.ECHO_APP_ID;
        } else {
            kind = Kind.STATIC;
        }
        Reply fixed = null;
        if (kind == Kind.STATIC) {
            fixed = new Reply(200, Reply.JSON, generate(data, null, null, false), Outcome.ACCEPTED);
        }
        return new Plan(op, kind, MSG_TYPES.getOrDefault(op.action(), 1), fixed);
    }

    /** The operation at this path after the base URL ({@code /message/postText}), or null. */
    Plan plan(String apiPath) {
        return plans.get(apiPath);
    }

    /** The reply a fault stands for (LATENCY_SPIKE has none: its reply is the normal one). */
    Reply fault(Fault fault) {
        return faults[fault.ordinal()];
    }

    /** GeWe's answer to a request for this operation, in the order GeWe checks. */
    Reply answer(Plan plan, Headers headers, JsonNode body) {
        String token = headers.getFirst(TOKEN_HEADER);
        if (token == null || token.isEmpty()) {
            return tokenMissing;
        }
        if (!token.equals(sim.token())) {
            return tokenInvalid;
        }
        if (body == null || !body.isObject()) {
            return notAnObject;
        }
        String invalid = validate(plan.op, body);
        if (invalid != null) {
            return failure(invalid, null);
        }
        Boolean accountOnline = null;
        if (plan.hasAppId) {
            String appId = body.get("appId").textValue();
            accountOnline = sim.accountOnline(appId);
            // an empty appId asks getLoginQrCode for a new device: GeWe's documented first login
            if (accountOnline == null && !(appId.isEmpty() && "getLoginQrCode".equals(plan.op.action()))) {
                return noSuchDevice;
            }
        }
        switch (plan.kind) {
            case STATIC:
                return plan.fixed;
            case CHECK_ONLINE:
                // GeWe's checkOnline can keep answering true after the account went offline (Devo919/Gewechat #224)
                boolean says = Boolean.TRUE.equals(accountOnline) || sim.checkOnlineLies(body.get("appId").textValue());
                return says ? online : notOnline;
            case SEND:
                if (!Boolean.TRUE.equals(accountOnline)) {
                    return offline;
                }
                return new Reply(200, Reply.JSON, generate(plan.data, body, plan.msgType, true), Outcome.SENT);
            case DOWNLOAD_IMAGE:
                int type = body.get("type").intValue();
                if (!sim.imageTypeAvailable(type)) {
                    return imageFailed;
                }
                // GeWe's HD and normal images are PNGs in its examples; thumbnails are JPEGs
                return download(plan, type == 3 ? "jpg" : "png");
            case DOWNLOAD:
                return download(plan, extension(plan.op, body));
            case SET_CALLBACK:
                return setCallback(body);
            default:
                return new Reply(200, Reply.JSON, generate(plan.data, body, null, false), Outcome.ACCEPTED);
        }
    }

    /** The first problem with the body's fields, as GeWe's message would say it, or null when they are fine. */
    static String validate(SimCatalog.Operation op, JsonNode body) {
        for (SimCatalog.Field field : op.fields()) {
            JsonNode value = body.get(field.name());
            if (value == null || value.isNull()) {
                if (field.required()) {
                    return "param:" + field.name() + " 不可为空";
                }
            } else if (!field.type().accepts(value)) {
                return "param:" + field.name() + " 类型错误，应为" + field.type().catalogName() + "，实际为"
                       + FieldType.nameOf(value);
            }
        }
        return null;
    }

    private Reply setCallback(JsonNode body) {
        String url = body.get("callbackUrl").textValue();
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return callbackUrlInvalid;
        }
        if (uri.getHost() == null || !("http".equalsIgnoreCase(uri.getScheme())
                                       || "https".equalsIgnoreCase(uri.getScheme()))) {
            return callbackUrlInvalid;
        }
        String token = body.get("token").textValue();
        sim.registerCallback(uri);
        // GeWe answers first and pings afterwards, so the ping must not hold up the reply
        return new Reply(200, Reply.JSON, okNoData.body(), Outcome.ACCEPTED, () -> sim.pingCallback(uri, token));
    }

    private Reply download(Plan plan, String extension) {
        String url = sim.fileUrl(extension);
        // downloadEmojiMd5 calls its field "url", the others "fileUrl": the catalog knows which
        String field = plan.data.isEmpty() || plan.data.get(0).isRoot() ? "fileUrl" : plan.data.get(0).name();
        ByteArrayBuilder out = new ByteArrayBuilder(160);
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            startSuccess(g);
            g.writeStartObject();
            g.writeStringField(field, url);
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Reply(200, Reply.JSON, out.toByteArray(), Outcome.ACCEPTED);
    }

    private static String extension(SimCatalog.Operation op, JsonNode body) {
        switch (op.action()) {
            case "downloadVideo":
            case "downloadSnsVideo":
                return "mp4";
            case "downloadVoice":
                return "silk";
            case "downloadEmojiMd5":
                return "gif";
            case "downloadCdn":
                return SimulatedFiles.safeExtension(body.path("suffix").asText(null));
            case "downloadFile":
                // a file message's XML names its extension: <appattach><fileext>pdf</fileext>
                Matcher m = FILE_EXT.matcher(body.path("xml").asText(""));
                return SimulatedFiles.safeExtension(m.find() ? m.group(1) : null);
            default:
                return "bin";
        }
    }

    /** A success reply with data generated from the catalog shape. */
    private byte[] generate(List<DataField> data, JsonNode request, Integer msgType, boolean send) {
        ByteArrayBuilder out = new ByteArrayBuilder(send ? 512 : 256);
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            startSuccess(g);
            if (data.isEmpty()) {
                g.writeNull();
            } else if (data.size() == 1 && data.get(0).isRoot()) {
                writeContentless(g, data.get(0).type());
            } else {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                g.writeStartObject();
                for (DataField f : data) {
                    g.writeFieldName(f.name());
                    writeValue(g, f, request, msgType, send, random);
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void startSuccess(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeNumberField("ret", 200);
        g.writeStringField("msg", OK_MSG);
        g.writeFieldName("data");
    }

    /**
     * A value the catalog's type alone decides: an empty array or object, {@code true}, or null (for {@code data} as
     * a whole, {@code None}: GeWe's reply has no data; for a field, {@code null}: the docs show it present and null,
     * as postImage's type and postVideo's createTime).
     */
    private static void writeContentless(JsonGenerator g, String type) throws IOException {
        switch (type) {
            case "array":
                g.writeStartArray();
                g.writeEndArray();
                break;
            case "boolean":
                g.writeBoolean(true);
                break;
            case "object":
                g.writeStartObject();
                g.writeEndObject();
                break;
            default:
                g.writeNull();
        }
    }

    private void writeValue(JsonGenerator g, DataField f, JsonNode request, Integer msgType, boolean send,
                            ThreadLocalRandom random) throws IOException {
        String name = f.name();
        switch (f.type()) {
            case "string":
                if ("toWxid".equals(name) && request != null && request.path("toWxid").isTextual()) {
                    g.writeString(request.get("toWxid").textValue());
                } else if ("appId".equals(name)) {
                    String appId = request == null ? "" : request.path("appId").asText("");
                    g.writeString(appId.isEmpty() ? sim.appId() : appId);
                } else if (send && ("aesKey".equals(name) || "md5".equals(name))) {
                    g.writeString(Ids.hex(random, 32));
                } else if (send && "fileId".equals(name)) {
                    g.writeString(Ids.cdnFileId(random));
                } else {
                    g.writeString("sim-" + name);
                }
                break;
            case "integer":
                g.writeNumber(integer(name, msgType, send, random));
                break;
            default:
                writeContentless(g, f.type());
        }
    }

    private static long integer(String name, Integer msgType, boolean send, ThreadLocalRandom random) {
        if (name.endsWith("Time")) {
            // every *Time of GeWe's replies is a Unix time in seconds
            return System.currentTimeMillis() / 1000;
        }
        if (send) {
            switch (name) {
                case "msgId":
                    return Ids.msgId(random);
                case "type":
                    return msgType;
                case "length":
                    return 1_000 + random.nextInt(2_000_000);
                case "width":
                case "height":
                    return 100 + random.nextInt(1_900);
                default:
                    break;
            }
        }
        if (name.endsWith("Id") || name.endsWith("id")) {
            return Ids.newMsgId(random);
        }
        return 1;
    }

    /** A send's reply with its msgId and newMsgId set to 0 (what GeWe sometimes answers); other replies as they are. */
    Reply withZeroIds(Reply reply) {
        if (reply.outcome() != Outcome.SENT) {
            return reply;
        }
        try {
            JsonNode envelope = mapper.readTree(reply.body());
            JsonNode data = envelope.get("data");
            if (data instanceof ObjectNode && data.has("msgId")) {
                ((ObjectNode) data).put("msgId", 0);
                ((ObjectNode) data).put("newMsgId", 0);
            }
            return new Reply(reply.status(), reply.contentType(), mapper.writeValueAsBytes(envelope), reply.outcome());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reply success(JsonNode data, Outcome outcome) {
        ObjectNode envelope = mapper.createObjectNode();
        envelope.put("ret", 200);
        envelope.put("msg", OK_MSG);
        envelope.set("data", data);
        return json(envelope, outcome);
    }

    /** A GeWe failure: HTTP 200, {@code ret 500}, GeWe's message (possibly null) and data (possibly null). */
    Reply failure(String msg, JsonNode data) {
        ObjectNode envelope = mapper.createObjectNode();
        envelope.put("ret", 500);
        envelope.put("msg", msg);
        envelope.set("data", data);
        return json(envelope, Outcome.FAILED);
    }

    /** WeChat's own error inside GeWe's data: the code is a string, as GeWe sends it. */
    private JsonNode wechatError(String msg) {
        ObjectNode data = mapper.createObjectNode();
        data.put("code", "-1");
        data.put("msg", msg);
        return data;
    }

    private Reply json(ObjectNode envelope, Outcome outcome) {
        try {
            return new Reply(200, Reply.JSON, mapper.writeValueAsBytes(envelope), outcome);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
