package io.camelgewe.gewe;

import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelgewe.gewe.client.GeweHttpClient;
import io.camelgewe.gewe.client.PoolProbe;
import io.camelgewe.gewe.client.ReactorProbe;
import io.camelgewe.gewe.errors.GeweConnectionException;
import io.camelgewe.gewe.errors.GeweDelivery;
import io.camelgewe.gewe.errors.GeweException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calls in flight when the transport fails under them. The HTTP client's I/O reactor stopping (an Error on one of its
 * threads, a close from outside): the exchanges it held complete with a classified error instead of hanging, and the
 * next call goes through a new client. A deadline passing while a call waits for a connection: it is NOT_SENT, and it
 * stays unsent when the connection frees up. The answers are held by {@link HostileServer} so that exchanges are in
 * flight.
 */
class GeweInFlightCallsTest extends HostileServerTestSupport {

    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch answer = new CountDownLatch(1);
    private int held;

    @BeforeEach
    void holdTheFirstAnswers() {
        server.on("/ping", HostileServer.json("{}"));
        var hold = HostileServer.hold(answer);
        var sent = HostileServer.envelope(SENT);
        server.onOperation("message/postText", x -> (calls.incrementAndGet() <= held ? hold : sent).handle(x));
    }

    @AfterEach
    void letTheHeldAnswersGo() {
        answer.countDown();
    }

    @Override
    protected void configure(GeweComponent gewe) {
        // two connections: with both held, a third exchange waits for one and has sent nothing
        gewe.setMaxConnections(2);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:text").to("gewe:postText?toWxid=wxid_a&responseTimeout=120000");
                from("direct:hurried").to("gewe:postText?toWxid=wxid_a&requestTimeout=500");
            }
        };
    }

    private Future<Exchange> sendAsync() {
        return template.asyncSend("direct:text", e -> e.getMessage().setBody("hello"));
    }

    @Test
    void aClientClosedUnderTheComponentFailsWhatItHeldAndTheNextCallGetsANewOne() throws Exception {
        held = 2;
        Future<Exchange> first = sendAsync();
        Future<Exchange> second = sendAsync();
        await(() -> calls.get() == 2, "both sends to reach the server");
        Future<Exchange> waiting = sendAsync();
        GeweHttpClient transport = transport();
        await(() -> PoolProbe.stats(transport).getPending() == 1, "the third send to wait for a connection");

        ReactorProbe.closeUnderneath(transport);

        for (Future<Exchange> sent : java.util.List.of(first, second)) {
            GeweConnectionException e = assertInstanceOf(GeweConnectionException.class,
                    sent.get(30, TimeUnit.SECONDS).getException());
            assertEquals(GeweDelivery.UNKNOWN, e.getDelivery(), "it had been sent: " + e.getMessage());
        }
        GeweException notSent = assertInstanceOf(GeweException.class, waiting.get(30, TimeUnit.SECONDS).getException());
        assertEquals(GeweDelivery.NOT_SENT, notSent.getDelivery(), "it never left: " + notSent.getMessage());

        assertSends(3);
    }

    @Test
    void anErrorThatKillsAnIoThreadFailsWhatTheReactorHeldAndTheNextCallsGetANewClient() throws Exception {
        held = 1;
        Future<Exchange> first = sendAsync();
        await(() -> calls.get() == 1, "the send to reach the server");

        // the dying thread's Error reaches the JVM's uncaught-exception handler, which would print it on the console
        java.util.List<Throwable> uncaught = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> uncaught.add(error));
        GeweConnectionException e;
        try {
            ReactorProbe.throwOnIoThread(transport(), URI.create(server.url("/ping")));
            e = assertInstanceOf(GeweConnectionException.class, first.get(30, TimeUnit.SECONDS).getException());
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
        assertTrue(uncaught.stream().allMatch(OutOfMemoryError.class::isInstance), uncaught::toString);
        assertEquals(GeweDelivery.UNKNOWN, e.getDelivery(), e.getMessage());
        // several, so that a call landing on the reactor's surviving thread would not hide a dead one
        assertSends(6);
    }

    @Test
    void aCallEndedUnsentAtItsDeadlineNeverLeavesWhenAConnectionFreesUp() throws Exception {
        held = 2;
        Future<Exchange> first = sendAsync();
        Future<Exchange> second = sendAsync();
        await(() -> calls.get() == 2, "both sends to reach the server");

        // both connections are held: this one waits for a connection until its deadline
        Exchange hurried = template.send("direct:hurried", x -> x.getMessage().setBody("in a hurry"));
        GeweException e = assertInstanceOf(GeweException.class, hurried.getException());
        assertEquals(GeweDelivery.NOT_SENT, e.getDelivery(), e.getMessage());

        answer.countDown();
        assertNull(first.get(30, TimeUnit.SECONDS).getException());
        assertNull(second.get(30, TimeUnit.SECONDS).getException());
        // a waiting request still queued for a connection would be granted one before this send
        assertSends(1);
        assertEquals(3, calls.get(), "the send reported NOT_SENT reached GeWe after all");
    }

    private void assertSends(int n) {
        for (int i = 0; i < n; i++) {
            String body = "again " + i;
            Exchange next = template.send("direct:text", x -> x.getMessage().setBody(body));
            assertNull(next.getException(), () -> "a send after the reactor stopped failed: " + next.getException());
            assertEquals(123L, next.getMessage().getHeader(GeweConstants.MSG_ID));
        }
    }
}
