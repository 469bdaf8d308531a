package io.camelgewe.gewe.callback;

import java.net.URI;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The message types GeWe's docs leave out, pushed by the simulator over real HTTP: chat records (app type 19, and
 * 40 with realinnertype 19), real-time location (17), VoIP hang-up (50) and group calls (56).
 */
class GeweCallbackMessageNamesTest extends GeweCallbackTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gewe:callback").to("mock:callbacks");
            }
        };
    }

    private static String appMessage(long id, String appmsg) {
        ObjectNode tree = fixtureTree("link");
        ((ObjectNode) tree.get("Data").get("Content")).put("string", "<?xml version=\"1.0\"?>\n<msg>" + appmsg + "</msg>");
        ((ObjectNode) tree.get("Data")).put("NewMsgId", id);
        return tree.toString();
    }

    private static String ofMsgType(long id, int msgType, String content) {
        ObjectNode tree = fixtureTree("text");
        ObjectNode data = (ObjectNode) tree.get("Data");
        data.put("MsgType", msgType).put("NewMsgId", id);
        ((ObjectNode) data.get("Content")).put("string", content);
        return tree.toString();
    }

    @Test
    void chatRecordsAndCallsHaveNames() throws Exception {
        simulator.setCallbackUrl(URI.create("http://localhost:" + port + "/gewe/callback"));
        MockEndpoint mock = getMockEndpoint("mock:callbacks");
        mock.expectedMessageCount(5);
        simulator.pushCallback(appMessage(5_000_000_000_000_000_001L,
                "<appmsg><title>群聊的聊天记录</title><type>19</type></appmsg>"));
        simulator.pushCallback(appMessage(5_000_000_000_000_000_002L,
                "<appmsg><title>收藏</title><type>40</type><realinnertype>19</realinnertype></appmsg>"));
        simulator.pushCallback(appMessage(5_000_000_000_000_000_003L,
                "<appmsg><title>我发起了位置共享</title><type>17</type></appmsg>"));
        simulator.pushCallback(ofMsgType(5_000_000_000_000_000_004L, GeweMsgTypes.VOIP_HANGUP, "<voipmsg/>"));
        simulator.pushCallback(ofMsgType(5_000_000_000_000_000_005L, GeweMsgTypes.GROUP_VOIP, "<voipmsg/>"));
        mock.assertIsSatisfied();

        GeweCallback record = callbackOf(mock, 0);
        assertEquals(GeweMsgTypes.APP_CHAT_RECORD, record.getAppMsgType());
        assertTrue(record.isChatRecord());
        GeweCallback favourite = callbackOf(mock, 1);
        assertEquals(GeweMsgTypes.APP_FAVORITE, favourite.getAppMsgType());
        assertEquals(19, favourite.getRealInnerType());
        assertTrue(favourite.isChatRecord());
        GeweCallback location = callbackOf(mock, 2);
        assertEquals(GeweMsgTypes.APP_REALTIME_LOCATION, location.getAppMsgType());
        assertFalse(location.isChatRecord());
        assertNull(location.getRealInnerType());
        assertEquals(50, GeweMsgTypes.VOIP_HANGUP);
        assertEquals(GeweMsgTypes.VOIP_HANGUP, callbackOf(mock, 3).getMsgType());
        assertEquals(56, GeweMsgTypes.GROUP_VOIP);
        assertEquals(GeweMsgTypes.GROUP_VOIP, callbackOf(mock, 4).getMsgType());
        assertFalse(callbackOf(mock, 4).isChatRecord());
    }
}
