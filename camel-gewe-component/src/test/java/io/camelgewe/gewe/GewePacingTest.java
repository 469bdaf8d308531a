package io.camelgewe.gewe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.camelgewe.gewe.errors.GeweDelivery;
import io.camelgewe.gewe.errors.GewePacingException;
import io.camelgewe.gewe.simulator.RecordedRequest;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Account-safe pacing against the simulator: per-account order and gaps, groups slower than people, a full queue
 * refusing at once, accounts independent of each other, the per-minute ceiling, and no thread waiting.
 */
class GewePacingTest extends GeweTestSupport {

    private static final long GAP = 200;
    private static final long GROUP_GAP = 400;

    @Override
    protected void configure(GeweComponent gewe) {
        gewe.setPacing(true);
        gewe.setPacingPersonInterval(GAP);
        gewe.setPacingPersonJitter(0);
        gewe.setPacingGroupInterval(GROUP_GAP);
        gewe.setPacingGroupJitter(0);
        gewe.setPacingMaxPerMinute(0);
        gewe.setPacingQueueCapacity(5);
    }

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    /** Starts sends from this thread without waiting for any; returns the exchanges and a latch of their completion. */
    private List<Exchange> fire(AsyncProcessor producer, CountDownLatch done, String appId, String... recipients) {
        List<Exchange> exchanges = new ArrayList<>();
        for (String to : recipients) {
            Exchange ex = new DefaultExchange(context);
            ex.getMessage().setBody(Map.of("appId", appId, "toWxid", to, "content", "n" + exchanges.size()));
            exchanges.add(ex);
            producer.process(ex, sync -> done.countDown());
        }
        return exchanges;
    }

    private AsyncProcessor producer(String uri) throws Exception {
        Producer p = context.getEndpoint(uri).createProducer();
        p.start();
        return AsyncProcessorConverterHelper.convert(p);
    }

    private static List<Long> gapsMillis(List<RecordedRequest> requests) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < requests.size(); i++) {
            gaps.add(java.time.Duration.between(requests.get(i - 1).received(), requests.get(i).received()).toMillis());
        }
        return gaps;
    }

    @Test
    void oneAccountsSendsGoInOrderWithTheGapBetweenThemAndNoThreadWaits() throws Exception {
        context.start();
        AsyncProcessor p = producer("gewe:postText");
        CountDownLatch done = new CountDownLatch(4);
        fire(p, done, simulator.appId(), "wxid_1", "wxid_2", "wxid_3", "wxid_4");
        // the caller is back before the last send could start (three gaps later): it queued, it did not wait
        assertTrue(simulator.requests("postText").size() < 4, "queuing paced sends returns at once");
        assertTrue(done.await(10, TimeUnit.SECONDS));
        List<RecordedRequest> sent = simulator.requests("postText");
        assertEquals(List.of("n0", "n1", "n2", "n3"), sent.stream().map(r -> r.field("content").asText()).toList());
        for (long gap : gapsMillis(sent)) {
            assertTrue(gap >= GAP - 5, "sends of one account are at least " + GAP + " ms apart: " + gapsMillis(sent));
        }
    }

    @Test
    void groupsWaitLongerThanPeople() throws Exception {
        context.start();
        AsyncProcessor p = producer("gewe:postText");
        CountDownLatch done = new CountDownLatch(3);
        fire(p, done, simulator.appId(), "1@chatroom", "2@chatroom", "3@chatroom");
        assertTrue(done.await(10, TimeUnit.SECONDS));
        for (long gap : gapsMillis(simulator.requests("postText"))) {
            assertTrue(gap >= GROUP_GAP - 5, "group sends are at least " + GROUP_GAP + " ms apart: " + gap);
        }
    }

    @Test
    void aFullQueueRefusesAtOnceAndNothingIsSentForIt() throws Exception {
        context.start();
        AsyncProcessor p = producer("gewe:postText");
        CountDownLatch done = new CountDownLatch(8);
        List<Exchange> exchanges = fire(p, done, simulator.appId(), "a", "b", "c", "d", "e", "f", "g", "h");
        // one starts at once and five wait: the last two are refused before any gap has passed
        long refused = exchanges.stream().filter(e -> e.getException() instanceof GewePacingException).count();
        assertEquals(2, refused);
        GewePacingException e = assertInstanceOf(GewePacingException.class, exchanges.get(7).getException());
        assertEquals(GeweDelivery.NOT_SENT, e.getDelivery());
        assertTrue(e.getMessage().contains("queue of account " + simulator.appId() + " is full"), e.getMessage());
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(6, simulator.requests("postText").size());
    }

    @Test
    void tenAccountsEachKeepTheirOwnPace() throws Exception {
        context.start();
        AsyncProcessor p = producer("gewe:postText");
        int accounts = 10;
        CountDownLatch done = new CountDownLatch(accounts * 3);
        long t0 = System.nanoTime();
        for (int a = 0; a < accounts; a++) {
            simulator.addAccount("wx_acc_" + a);
            fire(p, done, "wx_acc_" + a, "x", "y", "z");
        }
        assertTrue(done.await(10, TimeUnit.SECONDS));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        // three sends per account need two gaps; had the accounts shared one pace it would take 29 gaps
        assertTrue(ms < 29 * GAP, "10 accounts x 3 sends took " + ms + " ms");
        for (int a = 0; a < accounts; a++) {
            String app = "wx_acc_" + a;
            List<RecordedRequest> mine = simulator.requests("postText").stream()
                    .filter(r -> app.equals(r.field("appId").asText())).toList();
            assertEquals(3, mine.size());
            for (long gap : gapsMillis(mine)) {
                assertTrue(gap >= GAP - 5, app + ": " + gapsMillis(mine));
            }
        }
    }

    @Test
    void theCeilingPerMinuteHoldsTheNextSendAndStoppingReleasesItUnsent() throws Exception {
        GeweComponent gewe = context.getComponent("gewe", GeweComponent.class);
        gewe.setPacingMaxPerMinute(2);
        gewe.setPacingPersonInterval(0);
        context.start();
        AsyncProcessor p = producer("gewe:postText");
        CountDownLatch done = new CountDownLatch(3);
        List<Exchange> exchanges = fire(p, done, simulator.appId(), "a", "b", "c");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (done.getCount() > 1 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(1, done.getCount(), "two sends fit in the minute");
        Instant checked = Instant.now().plusMillis(500);
        while (Instant.now().isBefore(checked)) {
            Thread.onSpinWait();
        }
        assertEquals(2, simulator.requests("postText").size(), "the third waits for the minute to pass");
        context.stop();
        assertTrue(done.await(5, TimeUnit.SECONDS));
        GewePacingException e = assertInstanceOf(GewePacingException.class, exchanges.get(2).getException());
        assertTrue(e.getMessage().contains("nothing was sent"), e.getMessage());
        assertNull(exchanges.get(0).getException());
    }

    @Test
    void operationsThatAreNeitherSendsNorDownloadsAreNotPaced() throws Exception {
        context.getComponent("gewe", GeweComponent.class).setPacingPersonInterval(3000);
        context.start();
        long t0 = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            Exchange out = template.send("gewe:checkOnline", e -> { });
            assertNull(out.getException());
        }
        // paced, five calls would take four gaps of 3 s
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 8000);
    }
}
