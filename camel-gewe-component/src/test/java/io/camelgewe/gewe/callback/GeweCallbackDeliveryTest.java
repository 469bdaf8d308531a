package io.camelgewe.gewe.callback;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What GeWe is answered, and when, and what reaches the route: pings, repeated pushes, failing and slow routes, the
 * filter options.
 */
class GeweCallbackDeliveryTest extends GeweCallbackTestSupport {

    private final MemoryIdempotentRepository sharedRepository = new MemoryIdempotentRepository();
    /** Holds the slow routes until the test lets them go. */
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger attempts = new AtomicInteger();

    @AfterEach
    void letSlowRoutesGo() {
        release.countDown();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext ctx = super.createCamelContext();
        ctx.getRegistry().bind("sharedRepository", sharedRepository);
        return ctx;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gewe:callback").routeId("default").to("mock:callbacks");

                from("gewe:callback?path=/shared&idempotentRepository=#sharedRepository").to("mock:shared");

                from("gewe:callback?path=/slow&answerTimeout=300").routeId("slow")
                        .process(e -> release.await(10, TimeUnit.SECONDS)).to("mock:slow");

                from("gewe:callback?path=/slow-one&answerTimeout=300&poolSize=1").routeId("slow-one")
                        .process(e -> release.await(10, TimeUnit.SECONDS)).to("mock:slow-one");

                from("gewe:callback?path=/receipt&answerAfter=receipt")
                        .process(e -> release.await(10, TimeUnit.SECONDS)).to("mock:receipt");

                from("gewe:callback?path=/busy&answerAfter=RECEIPT&poolSize=1&maxQueueSize=1").routeId("busy")
                        .process(e -> release.await(10, TimeUnit.SECONDS)).to("mock:busy");

                from("gewe:callback?path=/flaky")
                        .process(e -> {
                            if (attempts.incrementAndGet() == 1) {
                                throw new IllegalStateException("the database is down");
                            }
                        }).to("mock:flaky");

                from("gewe:callback?path=/flaky-kept&removeOnFailure=false").routeId("kept")
                        .process(e -> {
                            throw new IllegalStateException("always fails");
                        });

                from("gewe:callback?path=/handled")
                        .onException(IllegalStateException.class).handled(true).to("mock:handled").end()
                        .process(e -> {
                            throw new IllegalStateException("handled by the route");
                        });

                from("gewe:callback?path=/filtered&typeNames=AddMsg,Offline&msgTypes=1,3").to("mock:filtered");
                from("gewe:callback?path=/all&skipOwnMessages=false&skipStatusSync=false").to("mock:all");
            }
        };
    }

    @Test
    void registrationPingIsAnsweredAndNotRouted() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:callbacks");
        mock.expectedMessageCount(0);
        HttpResponse<String> answer = post("{\"testMsg\":\"回调地址链接成功！\",\"token\":\"" + simulator.token() + "\"}");
        assertEquals(200, answer.statusCode());
        assertFalse(answer.body().contains(simulator.token()));
        mock.assertIsSatisfied(100);
        assertEquals(1, consumer("default").getPingCount());
    }

    @Test
    void repeatedPushIsRoutedOnce() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:callbacks");
        mock.expectedMessageCount(2);
        String text = fixture("text");
        assertEquals(200, post(text).statusCode());
        assertEquals(200, post(text).statusCode());
        // the same NewMsgId for another device is another message
        assertEquals(200, post(text.replace("wx_example_app_id", "wx_other_device")).statusCode());
        assertEquals(200, post(text).statusCode());
        mock.assertIsSatisfied();
        assertEquals("wx_other_device", callbackOf(mock, 1).getAppId());
        assertEquals(2, consumer("default").getDuplicateCount());
    }

    @Test
    void concurrentRepeatsAreRoutedOnce() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:callbacks");
        mock.expectedMessageCount(1);
        String image = fixture("image");
        CompletableFuture<?>[] pushes = new CompletableFuture<?>[8];
        for (int i = 0; i < pushes.length; i++) {
            pushes[i] = CompletableFuture.supplyAsync(() -> post(image).statusCode())
                    .thenAccept(status -> assertEquals(200, status));
        }
        CompletableFuture.allOf(pushes).get(20, TimeUnit.SECONDS);
        mock.assertIsSatisfied();
        mock.assertIsSatisfied(200);
    }

    @Test
    void anyIdempotentRepositoryCanBeUsed() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:shared");
        mock.expectedMessageCount(1);
        post("/shared", fixture("video"));
        post("/shared", fixture("video"));
        mock.assertIsSatisfied();
        assertTrue(sharedRepository.contains("wx_example_app_id:6628526085342711793"));
    }

    @Test
    void slowRouteIsAnsweredWithinTheBudgetAndCarriesOn() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:slow");
        mock.expectedMessageCount(1);
        long start = System.nanoTime();
        HttpResponse<String> answer = post("/slow", fixture("text"));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(200, answer.statusCode());
        assertTrue(millis >= 250 && millis < 2900, "answered after " + millis + " ms (GeWe drops a push after 3 s)");
        assertEquals(0, mock.getReceivedCounter(), "the route is still running");
        release.countDown();
        mock.assertIsSatisfied();
        // the counter follows the answer on the consumer's side: wait for it rather than race it
        await(java.time.Duration.ofSeconds(5), () -> consumer("slow").getAnsweredOnTimeoutCount() == 1,
                "the push counted as answered on timeout");
    }

    @Test
    void slowRoutesBeyondPoolSizeAreAnsweredWithinTheBudgetToo() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:slow-one");
        mock.expectedMessageCount(2);
        // the first route holds the one slot on the HTTP server's threads; the second runs on the consumer's thread
        assertEquals(200, post("/slow-one", fixtureWithId("text", 1)).statusCode());
        assertEquals(200, post("/slow-one", fixtureWithId("text", 2)).statusCode());
        assertEquals(0, mock.getReceivedCounter(), "both routes are still running");
        release.countDown();
        mock.assertIsSatisfied();
        await(Duration.ofSeconds(5), () -> consumer("slow-one").getAnsweredOnTimeoutCount() == 2,
                "both pushes counted as answered on timeout");
    }

    @Test
    void receiptIsAnsweredBeforeTheRouteRuns() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:receipt");
        mock.expectedMessageCount(1);
        assertEquals(200, post("/receipt", fixture("text")).statusCode());
        // the route is held until release: an answer now proves it did not wait for the route
        assertEquals(0, mock.getReceivedCounter());
        release.countDown();
        mock.assertIsSatisfied();
    }

    @Test
    void pushesBeyondThePoolAndItsQueueAre503AndRoutedWhenPushedAgain() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:busy");
        mock.expectedMessageCount(3);
        assertEquals(200, post("/busy", fixtureWithId("text", 1)).statusCode(), "runs");
        assertEquals(200, post("/busy", fixtureWithId("text", 2)).statusCode(), "waits in the queue");
        HttpResponse<String> busy = post("/busy", fixtureWithId("text", 3));
        assertEquals(503, busy.statusCode(), "neither a thread nor room in the queue");
        release.countDown();
        await(Duration.ofSeconds(5), () -> mock.getReceivedCounter() == 2, "the two accepted pushes");
        assertEquals(200, post("/busy", fixtureWithId("text", 3)).statusCode(), "GeWe's next push is routed");
        mock.assertIsSatisfied();
        assertEquals(1, consumer("busy").getRefusedCount());
    }

    @Test
    void failedRouteIsAnswered500AndItsRepeatIsRoutedAgain() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:flaky");
        mock.expectedMessageCount(1);
        String text = fixture("text");
        HttpResponse<String> first = post("/flaky", text);
        assertEquals(500, first.statusCode());
        assertFalse(first.body().contains("database"), "no detail of the failure goes back to GeWe");
        assertEquals(200, post("/flaky", text).statusCode());
        mock.assertIsSatisfied();
        assertEquals(2, attempts.get());
    }

    @Test
    void failedRouteKeepsTheKeyWithoutRemoveOnFailure() {
        String text = fixture("text");
        NotifyBuilder once = new NotifyBuilder(context).fromRoute("kept").whenDone(1).create();
        NotifyBuilder twice = new NotifyBuilder(context).fromRoute("kept").whenDone(2).create();
        assertEquals(500, post("/flaky-kept", text).statusCode());
        assertEquals(200, post("/flaky-kept", text).statusCode());
        assertTrue(once.matches(5, TimeUnit.SECONDS));
        assertFalse(twice.matches(200, TimeUnit.MILLISECONDS));
        assertEquals(1, consumer("kept").getDuplicateCount());
    }

    @Test
    void exceptionHandledByTheRouteIsASuccess() throws Exception {
        getMockEndpoint("mock:handled").expectedMessageCount(1);
        assertEquals(200, post("/handled", fixture("text")).statusCode());
        assertEquals(200, post("/handled", fixture("text")).statusCode());
        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void filterOptionsChooseWhatIsRouted() throws Exception {
        MockEndpoint filtered = getMockEndpoint("mock:filtered");
        filtered.expectedMessageCount(3);
        for (String name : new String[] { "text", "image", "voice", "group-changed", "offline", "own-text" }) {
            assertEquals(200, post("/filtered", fixture(name)).statusCode(), name);
        }
        filtered.assertIsSatisfied();
        filtered.assertIsSatisfied(100);
        assertEquals(1, (int) callbackOf(filtered, 0).getMsgType());
        assertEquals(3, (int) callbackOf(filtered, 1).getMsgType());
        assertEquals("Offline", callbackOf(filtered, 2).getTypeName());
    }

    @Test
    void ownMessagesAndStatusSyncAreSkippedByDefault() throws Exception {
        String statusSync = fixtureWithId("text", 123).replace("\"MsgType\" : 1", "\"MsgType\" : 51")
                .replace("\"MsgType\":1", "\"MsgType\":51");
        MockEndpoint skipping = getMockEndpoint("mock:callbacks");
        skipping.expectedMessageCount(0);
        MockEndpoint all = getMockEndpoint("mock:all");
        all.expectedMessageCount(2);
        for (String path : new String[] { "/gewe/callback", "/all" }) {
            assertEquals(200, post(path, fixture("own-text")).statusCode());
            assertEquals(200, post(path, statusSync).statusCode());
        }
        all.assertIsSatisfied();
        skipping.assertIsSatisfied(100);
        GeweCallback own = callbackOf(all, 0);
        assertTrue(own.isOwnMessage());
        assertEquals("wxid_0xsqb3o0tsvz22", own.getReplyTo(), "a reply to its own message goes to the other party");
        assertEquals(51, (int) callbackOf(all, 1).getMsgType());
        assertEquals(2, consumer("default").getSkippedCount());
    }

    private GeweCallbackConsumer consumer(String routeId) {
        return (GeweCallbackConsumer) context.getRoute(routeId).getConsumer();
    }
}
