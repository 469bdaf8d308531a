package io.camelgewe.gewe;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgewe.gewe.catalog.GeweCatalog;
import io.camelgewe.gewe.catalog.GeweOperation;
import io.camelgewe.gewe.client.GeweJson;
import io.camelgewe.gewe.model.GeweRequest;
import io.camelgewe.gewe.model.ImageSendResult;
import io.camelgewe.gewe.model.RevokeMsg;
import io.camelgewe.gewe.model.VideoSendResult;
import org.apache.camel.TypeConversionException;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The converters through Camel's own type converter registry, as routes use them. */
class GeweConvertersTest extends CamelTestSupport {

    @Test
    void everyTypedRequestReadsItsMainFieldFromTextAndItsFieldsFromJsonBytesAndStreams() throws Exception {
        for (GeweOperation op : GeweCatalog.get().operations()) {
            Class<? extends GeweRequest> type = op.requestType();
            if (type == GeweRequest.class) {
                continue;
            }
            String json = "{\"toWxid\":\"wxid_a\",\"appId\":\"wx_1\"}";
            GeweRequest fromBytes = context.getTypeConverter().mandatoryConvertTo(type,
                    json.getBytes(StandardCharsets.UTF_8));
            assertInstanceOf(type, fromBytes);
            assertEquals("wx_1", fromBytes.getAppId());
            GeweRequest fromStream = context.getTypeConverter().mandatoryConvertTo(type,
                    new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
            assertEquals("wxid_a", fromStream.get("toWxid"));
            if (op.mainField() != null) {
                GeweRequest fromText = context.getTypeConverter().mandatoryConvertTo(type, "main value");
                assertEquals("main value", fromText.get(op.mainField()), type.getSimpleName());
            } else {
                assertThrows(TypeConversionException.class,
                        () -> context.getTypeConverter().mandatoryConvertTo(type, "main value"), type.getSimpleName());
            }
        }
    }

    @Test
    void resultsConvertToJsonBytesAndMapsKeepingExactIdsAndUnknownFields() throws Exception {
        String data = "{\"toWxid\":\"wxid_a\",\"createTime\":1704357563,\"msgId\":640355967,\"newMsgId\":2321462558768366613,"
                      + "\"type\":null,\"aesKey\":\"k\",\"fileId\":\"f\",\"length\":10,\"width\":1,\"height\":2,\"md5\":\"m\","
                      + "\"futureField\":\"kept\"}";
        ImageSendResult r = GeweJson.mapper().readValue(data, ImageSendResult.class);
        JsonNode back = GeweJson.mapper().readTree(context.getTypeConverter().mandatoryConvertTo(String.class, r));
        assertEquals(GeweJson.mapper().readTree(data), back);
        byte[] bytes = context.getTypeConverter().mandatoryConvertTo(byte[].class, r);
        assertEquals(back, GeweJson.mapper().readTree(bytes));
        Map<?, ?> map = context.getTypeConverter().mandatoryConvertTo(Map.class, r);
        assertEquals(2321462558768366613L, map.get("newMsgId"));
        assertEquals("kept", map.get("futureField"));

        RevokeMsg revoke = context.getTypeConverter().mandatoryConvertTo(RevokeMsg.class, r);
        assertEquals("2321462558768366613", revoke.getNewMsgId());
        assertEquals("1704357563", revoke.getCreateTime());
    }

    @Test
    void cdnCoordinatesAreEscapedInTheForwardXml() {
        VideoSendResult v = new VideoSendResult();
        v.setAesKey("a\"b<c>&d");
        v.setFileId("f");
        v.setLength(5L);
        String xml = v.toForwardVideo(3).getXml();
        assertTrue(xml.contains("aeskey=\"a&quot;b&lt;c&gt;&amp;d\""), xml);
    }
}
