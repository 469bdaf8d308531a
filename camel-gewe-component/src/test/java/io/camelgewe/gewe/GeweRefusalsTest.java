package io.camelgewe.gewe;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgewe.gewe.errors.GeweApiException;
import io.camelgewe.gewe.errors.GeweDelivery;
import io.camelgewe.gewe.errors.GeweValidationException;
import io.camelgewe.gewe.model.RevokeMsg;
import io.camelgewe.gewe.model.SendResult;
import io.camelgewe.gewe.simulator.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.TypeConversionException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GeWe's refusals as it really sends them (issue 13), over real HTTP against the simulator: the reason only in
 * {@code data.detail}'s msg_err, a null msg, a send answered with msgId 0, and a first login with an empty appId.
 */
class GeweRefusalsTest extends GeweTestSupport {

    private Exchange postImage() {
        return template.send("gewe:postImage", e -> e.getMessage().setBody(Map.of("toWxid", "wxid_a",
                "imgUrl", "http://127.0.0.1:1/a.png")));
    }

    @Test
    void theReasonInDataDetailIsInTheMessageAndItsGetter() {
        simulator.failNext(Fault.MSG_ERR);
        GeweApiException e = assertInstanceOf(GeweApiException.class, postImage().getException());
        assertEquals("图片格式错误", e.getDetail());
        assertEquals("图片格式错误", e.getReason());
        assertTrue(e.getMessage().contains("图片格式错误"), e.getMessage());
        assertEquals(GeweDelivery.REJECTED, e.getDelivery());
    }

    @Test
    void aNullMsgDoesNotBecomeTheTextNull() {
        simulator.failNext(Fault.NULL_MSG);
        Exchange ex = template.send("gewe:setCallback", e -> e.getMessage().setBody(Map.of("token", simulator.token(),
                "callbackUrl", "http://127.0.0.1:1/cb")));
        GeweApiException e = assertInstanceOf(GeweApiException.class, ex.getException());
        assertNull(e.getMsg());
        assertNull(e.getReason());
        assertFalse(e.getMessage().contains("null"), e.getMessage());
        assertTrue(e.getMessage().contains("ret=500"), e.getMessage());
    }

    @Test
    void aSendAnsweredWithMsgIdZeroCannotBecomeARevoke() {
        simulator.failNext(Fault.ZERO_MSG_ID);
        Exchange sent = template.send("gewe:postText", e -> e.getMessage().setBody(Map.of("toWxid", "wxid_a",
                "content", "hi")));
        assertNull(sent.getException());
        SendResult result = sent.getMessage().getBody(SendResult.class);
        assertEquals(0L, result.getMsgId());
        GeweValidationException direct = assertThrows(GeweValidationException.class, result::toRevokeMsg);
        assertTrue(direct.getMessage().contains("msgId and newMsgId is 0"), direct.getMessage());
        TypeConversionException converted = assertThrows(TypeConversionException.class,
                () -> context.getTypeConverter().mandatoryConvertTo(RevokeMsg.class, result));
        assertInstanceOf(GeweValidationException.class, converted.getCause());
    }

    @Test
    void aRevokeWithIdZeroIsRefusedBeforeSendingNamingTheField() {
        // the ids a send answered with 0 ride on as headers into the revoke
        Exchange ex = template.send("gewe:revokeMsg", e -> {
            e.getMessage().setHeader(GeweConstants.TO_WXID, "wxid_a");
            e.getMessage().setHeader(GeweConstants.MSG_ID, 0L);
            e.getMessage().setHeader(GeweConstants.NEW_MSG_ID, 0L);
            e.getMessage().setHeader(GeweConstants.CREATE_TIME, 1700000000L);
        });
        GeweValidationException e = assertInstanceOf(GeweValidationException.class, ex.getException());
        assertEquals(GeweDelivery.NOT_SENT, e.getDelivery());
        assertTrue(e.getProblems().stream().anyMatch(p -> p.startsWith("msgId is 0")), e.getProblems().toString());
        assertTrue(e.getProblems().stream().anyMatch(p -> p.startsWith("newMsgId is 0")), e.getProblems().toString());
        assertTrue(simulator.requests("message/revokeMsg").isEmpty(), "nothing was sent");
    }

    @Test
    void aFirstLoginSendsTheEmptyAppIdGewesDocsAskFor() {
        JsonNode answer = template.requestBody("gewe:getLoginQrCode", Map.of("appId", "", "regionId", "320000",
                "type", "ipad"), JsonNode.class);
        assertEquals(simulator.appId(), answer.path("appId").asText(), "GeWe created the device");
        assertEquals("", bodiesSentTo("login/getLoginQrCode").get(0).path("appId").textValue());
        // the empty appId is no account: it leaves no health check or state behind
        assertTrue(context.getComponent("gewe", GeweComponent.class).getAccounts().all().isEmpty());
        assertFalse(context.getComponent("gewe", GeweComponent.class).accountChecks().containsKey(""));
    }

    @Test
    void anEmptyAppIdIsStillMissingWhereGewesDocsDoNotAllowIt() {
        Exchange ex = template.send("gewe:postText", e -> e.getMessage().setBody(Map.of("appId", "", "toWxid",
                "wxid_a", "content", "hi")));
        GeweValidationException e = assertInstanceOf(GeweValidationException.class, ex.getException());
        assertEquals(java.util.List.of("appId"), e.getMissingFields());
    }
}
