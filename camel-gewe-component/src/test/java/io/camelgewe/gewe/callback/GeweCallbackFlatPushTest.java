package io.camelgewe.gewe.callback;

import java.net.URI;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The flat, lower-case "v2" push shape, pushed by the simulator over real HTTP, is read into the same model as
 * GeWe's documented envelope; a v2 type this version does not know goes to deadLetterUri, not into the void.
 */
class GeweCallbackFlatPushTest extends GeweCallbackTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gewe:callback?deadLetterUri=mock:refused").to("mock:callbacks");
            }
        };
    }

    @Test
    void flatPushesAreReadAsTheDocumentedShape() throws Exception {
        simulator.setCallbackUrl(URI.create("http://localhost:" + port + "/gewe/callback"));
        MockEndpoint mock = getMockEndpoint("mock:callbacks");
        mock.expectedMessageCount(2);
        long before = System.currentTimeMillis() / 1000;
        assertEquals(200, simulator.pushFlatMessage("TEXT", "wxid_friend", null, "你好"));
        assertEquals(200, simulator.pushFlatMessage("TEXT", "wxid_member", "34757816141@chatroom", "大家好"));
        mock.assertIsSatisfied();

        GeweCallback direct = callbackOf(mock, 0);
        assertEquals(GeweMsgTypes.ADD_MSG, direct.getTypeName());
        assertEquals(simulator.appId(), direct.getAppId());
        assertEquals(GeweMsgTypes.TEXT, direct.getMsgType());
        assertEquals("wxid_friend", direct.getSenderWxid());
        assertEquals("你好", direct.getText());
        assertNull(direct.getChatroomId());
        assertNotNull(direct.getNewMsgId());
        // createTime in seconds, as in the documented shape (the flat one gives milliseconds)
        assertTrue(direct.getCreateTime() >= before && direct.getCreateTime() < before + 3600, "" + direct.getCreateTime());
        assertEquals(direct.getCreateTime() * 1000,
                exchangeOf(mock, 0).getMessage().getHeader("CamelMessageTimestamp", Long.class));

        GeweCallback group = callbackOf(mock, 1);
        assertEquals("34757816141@chatroom", group.getChatroomId());
        assertEquals("wxid_member", group.getSenderWxid());
        assertEquals("大家好", group.getText());
        assertEquals("34757816141@chatroom", group.getReplyTo());
    }

    @Test
    void anUnknownFlatTypeIsKeptNotLost() throws Exception {
        simulator.setCallbackUrl(URI.create("http://localhost:" + port + "/gewe/callback"));
        MockEndpoint refused = getMockEndpoint("mock:refused");
        refused.expectedMessageCount(1);
        assertEquals(400, simulator.pushFlatMessage("SOMETHING_NEW", "wxid_friend", null, "?"));
        refused.assertIsSatisfied();
        assertEquals("the flat push's msgType is not one this version reads",
                refused.getReceivedExchanges().get(0).getMessage().getHeader("CamelGeweRefusedReason"));
    }
}
