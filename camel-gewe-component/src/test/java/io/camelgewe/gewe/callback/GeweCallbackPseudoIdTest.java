package io.camelgewe.gewe.callback;

import java.net.URI;
import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * System messages carry a 10-digit NewMsgId that is the push's time in seconds, not an id: two different ones in the
 * same second are both routed, a real repeat of either is still dropped. The simulator pushes over real HTTP.
 */
class GeweCallbackPseudoIdTest extends GeweCallbackTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gewe:callback").to("mock:callbacks");
            }
        };
    }

    private static String systemMessage(String fixture, long pseudoId, long msgId) {
        ObjectNode tree = fixtureTree(fixture);
        ObjectNode data = (ObjectNode) tree.get("Data");
        data.put("NewMsgId", pseudoId).put("CreateTime", pseudoId).put("MsgId", msgId);
        return tree.toString();
    }

    @Test
    void twoSystemMessagesOfOneSecondAreBothRoutedAndRepeatsDropped() throws Exception {
        simulator.setCallbackUrl(URI.create("http://localhost:" + port + "/gewe/callback"));
        long second = 1705045083L;
        String revoke = systemMessage("revoke", second, 1040356116L);
        String pat = systemMessage("pat", second, 1040356117L);
        MockEndpoint mock = getMockEndpoint("mock:callbacks");
        mock.expectedMessageCount(2);
        assertEquals(200, simulator.pushCallback(revoke));
        assertEquals(200, simulator.pushCallback(pat));
        assertEquals(200, simulator.pushCallback(revoke), "a repeat is answered as GeWe expects");
        assertEquals(200, simulator.pushCallback(pat));
        mock.assertIsSatisfied();
        assertEquals("revokemsg", callbackOf(mock, 0).getSysMsgType());
        assertEquals("pat", callbackOf(mock, 1).getSysMsgType());
    }

    @Test
    void theSimulatorsSystemMessagesCarryPseudoIds() throws Exception {
        simulator.setCallbackUrl(URI.create("http://localhost:" + port + "/gewe/callback"));
        Instant second = Instant.ofEpochSecond(1705045083L);
        String room = "34757816141@chatroom";
        MockEndpoint mock = getMockEndpoint("mock:callbacks");
        mock.expectedMessageCount(2);
        assertEquals(200, simulator.pushSystemMessage(room, "<sysmsg type=\"revokemsg\"><revokemsg/></sysmsg>", second));
        assertEquals(200, simulator.pushSystemMessage(room, "<sysmsg type=\"pat\"><pat/></sysmsg>", second));
        mock.assertIsSatisfied();
        GeweCallback revoke = callbackOf(mock, 0);
        assertEquals(1705045083L, revoke.getNewMsgId());
        assertEquals(revoke.getCreateTime(), revoke.getNewMsgId());
        assertEquals(room, revoke.getChatroomId());
        assertEquals("pat", callbackOf(mock, 1).getSysMsgType());
    }

    @Test
    void realIdsStillDeduplicateOnAppIdAndNewMsgId() throws Exception {
        simulator.setCallbackUrl(URI.create("http://localhost:" + port + "/gewe/callback"));
        ObjectNode edited = fixtureTree("text");
        ((ObjectNode) edited.get("Data").get("Content")).put("string", "edited, same id");
        MockEndpoint mock = getMockEndpoint("mock:callbacks");
        mock.expectedMessageCount(1);
        assertEquals(200, simulator.pushCallback(fixture("text")));
        assertEquals(200, simulator.pushCallback(edited.toString()));
        mock.assertIsSatisfied();
    }
}
