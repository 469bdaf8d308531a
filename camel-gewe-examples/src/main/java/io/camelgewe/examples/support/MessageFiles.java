package io.camelgewe.examples.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;

/**
 * Reads a dropped message file into the messages it holds, each a Map of GeWe fields for {@code gewe:postText}.
 * <ul>
 * <li>{@code *.json}: one message {@code {"toWxid":"wxid_a","content":"Hello"}}, or an array of them.</li>
 * <li>{@code *.csv}: a header row naming GeWe's fields ({@code toWxid,content}), then one message a row; fields in
 * double quotes may hold commas, line breaks and doubled quotes ({@code ""}), as RFC 4180 has it.</li>
 * </ul>
 * The whole file is checked before anything is sent: a file with a bad message sends none. A message without
 * {@code toWxid} goes to the default recipient (the header {@code CamelGeweToWxid}).
 */
public class MessageFiles {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The messages of the file in the exchange (its name says JSON or CSV). */
    public List<Map<String, Object>> messages(Exchange exchange) {
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME, "", String.class);
        String text = exchange.getIn().getBody(String.class);
        List<Map<String, Object>> messages = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? csv(text) : json(text);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("the file holds no message");
        }
        for (int i = 0; i < messages.size(); i++) {
            Object content = messages.get(i).get("content");
            if (content == null || content.toString().isBlank()) {
                throw new IllegalArgumentException("message " + (i + 1) + " has no content; nothing was sent");
            }
        }
        return messages;
    }

    /** JSON: an object, or an array of objects. */
    public static List<Map<String, Object>> json(String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text == null ? "" : text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        if (root != null && root.isObject()) {
            out.add(toMap(root));
        } else if (root != null && root.isArray()) {
            for (JsonNode n : root) {
                if (!n.isObject()) {
                    throw new IllegalArgumentException("message " + (out.size() + 1) + " is not a JSON object");
                }
                out.add(toMap(n));
            }
        } else {
            throw new IllegalArgumentException("not a JSON object or array of objects");
        }
        return out;
    }

    /** CSV: a header row of field names, then one message a row; blank lines are skipped. */
    public static List<Map<String, Object>> csv(String text) {
        List<List<String>> rows = parseCsv(text == null ? "" : text);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> header = rows.get(0);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("row " + (r + 1) + " has " + row.size() + " fields, the header "
                                                   + header.size() + "; nothing was sent");
            }
            Map<String, Object> m = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                if (!row.get(c).isEmpty()) {
                    m.put(header.get(c).trim(), row.get(c));
                }
            }
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> toMap(JsonNode node) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = MAPPER.convertValue(node, LinkedHashMap.class);
        return m;
    }

    /** RFC 4180 records; a line holding nothing is skipped. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        for (; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == '"' && field.length() == 0) {
                quoted = true;
                fieldStarted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
                fieldStarted = true;
            } else if (ch == '\r' || ch == '\n') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                endRow(rows, row, field, fieldStarted);
                row = new ArrayList<>();
                fieldStarted = false;
            } else {
                field.append(ch);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted field is not closed; nothing was sent");
        }
        endRow(rows, row, field, fieldStarted);
        return rows;
    }

    private static void endRow(List<List<String>> rows, List<String> row, StringBuilder field, boolean started) {
        if (!started && row.isEmpty() && field.length() == 0) {
            return;
        }
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
    }
}
