package io.camelgewe.gewe.callback;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What strangers can make the callback server hold in memory, in failsafe's small-heap JVM (-Xmx64m): a flood of
 * unauthenticated 10 MB pushes costs it nothing, and GeWe's own pushes are still answered within GeWe's 3 seconds; one
 * push larger than the heap is refused without taking the server down.
 */
class GeweCallbackMemoryIT extends GeweCallbackTestSupport {

    private static final String SECRET = "fl00d-gate";
    private static final int ATTACKERS = 60;
    private static final int ROUNDS = 3;
    private static final int PUSH_SIZE = 10 * 1024 * 1024;
    /** GeWe drops a push it has not had an answer to within 3 s. */
    private static final long GEWE_WAITS_MILLIS = 3000;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gewe:callback?secret=" + SECRET).routeId("callbacks").to("mock:routed");
                // a limit beyond what this JVM can hold: the body's buffer itself cannot be allocated
                from("gewe:callback?path=/huge&maxBodySize=2000000000&readTimeout=30000").routeId("huge")
                        .to("mock:huge");
            }
        };
    }

    @Test
    void sixtyStrangersPushing10MbEachLeaveGewesPushesAnsweredInTime() throws Exception {
        // the server has served before (its first answer also pays for class loading and compilation)
        assertEquals(200, post("/gewe/callback?secret=" + SECRET, fixtureWithId("text", 9_000_000_000L)).statusCode());
        ExecutorService attackers = Executors.newFixedThreadPool(ATTACKERS);
        AtomicInteger done = new AtomicInteger();
        AtomicLong offered = new AtomicLong();
        AtomicLong written = new AtomicLong();
        Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        for (int i = 0; i < ATTACKERS; i++) {
            boolean chunked = i % 2 == 0;
            attackers.execute(() -> {
                for (int round = 0; round < ROUNDS; round++) {
                    offered.addAndGet(PUSH_SIZE);
                    String outcome = attack(chunked, written);
                    answers.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                }
                done.incrementAndGet();
            });
        }
        attackers.shutdown();

        // GeWe's pushes, every 100 ms while the flood lasts, each timed from the request to the answer
        MockEndpoint routed = getMockEndpoint("mock:routed");
        List<Long> millis = new ArrayList<>();
        long id = 9_100_000_000L;
        while (done.get() < ATTACKERS || millis.size() < 10) {
            long start = System.nanoTime();
            int status = post("/gewe/callback?secret=" + SECRET, fixtureWithId("text", id++)).statusCode();
            millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            assertEquals(200, status, "GeWe's push number " + millis.size() + " during the flood");
            Thread.sleep(100);
        }
        assertTrue(attackers.awaitTermination(2, TimeUnit.MINUTES), "the flood ends by itself");
        long start = System.nanoTime();
        assertEquals(200, post("/gewe/callback?secret=" + SECRET, fixtureWithId("text", id++)).statusCode());
        long after = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("GeweCallbackMemoryIT: %d unauthenticated pushes of 10 MB offered (%d MB), %d MB written "
                          + "before the server closed them, answers %s; %d pushes of GeWe's during the flood answered "
                          + "in %d ms (median), %d ms (slowest) %s; after it, %d ms (heap %d MB)%n",
                ATTACKERS * ROUNDS, offered.get() >> 20, written.get() >> 20, answers, millis.size(),
                sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), millis, after,
                Runtime.getRuntime().maxMemory() >> 20);
        // a correctness bound, not a benchmark: each answer comes before GeWe would give up on it
        assertTrue(sorted.get(sorted.size() - 1) < GEWE_WAITS_MILLIS, "GeWe's pushes answered in " + sorted + " ms");
        assertTrue(after < GEWE_WAITS_MILLIS, "after the flood: " + after + " ms");
        routed.expectedMessageCount(millis.size() + 2);
        routed.assertIsSatisfied();
        for (String outcome : answers.keySet()) {
            assertTrue(outcome.equals("401") || outcome.equals("403") || outcome.equals("closed"),
                    "a stranger's push is refused, never taken: " + answers);
        }
    }

    /** One stranger's push: 10 MB without the secret (chunked) or with a wrong one (declared); what came back. */
    private String attack(boolean chunked, AtomicLong written) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            String head = "POST /gewe/callback" + (chunked ? "" : "?secret=wrong") + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                          + "Content-Type: application/json\r\n"
                          + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + PUSH_SIZE + "\r\n")
                          + "\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            byte[] piece = new byte[64 * 1024];
            byte[] frame = (Integer.toHexString(piece.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            try {
                for (int sent = 0; sent < PUSH_SIZE; sent += piece.length) {
                    if (chunked) {
                        out.write(frame);
                    }
                    out.write(piece);
                    if (chunked) {
                        out.write('\r');
                        out.write('\n');
                    }
                    written.addAndGet(piece.length);
                }
            } catch (IOException closedByTheServer) {
                // expected: the server answered and closed without reading the body
            }
            byte[] status = s.getInputStream().readNBytes(12);
            return status.length == 12 ? new String(status, 9, 3, StandardCharsets.US_ASCII) : "closed";
        } catch (IOException e) {
            return "closed";
        }
    }

    @Test
    void onePushLargerThanTheHeapIsRefused400CountedAndLoggedOnce() throws Exception {
        long size = Runtime.getRuntime().maxMemory();
        Path log = Path.of("target", "it.log");
        long logged = Files.size(log);
        try (RawConnection c = new RawConnection(port)) {
            c.post("/huge", "Content-Length", String.valueOf(size)).write("{\"TypeName\":\"AddMsg\",\"Data\":{\"Content\":\"");
            RawConnection.Answer answer = c.answer(Duration.ofSeconds(30));
            assertEquals(400, answer.status(), answer.body());
            assertEquals("the push could not be read", answer.body());
            assertTrue(c.closedWithin(Duration.ofSeconds(5)));
        }
        GeweCallbackConsumer huge = (GeweCallbackConsumer) context.getRoute("huge").getConsumer();
        assertEquals(1, huge.getUnreadableCount());
        byte[] all = Files.readAllBytes(log);
        String added = new String(all, (int) logged, all.length - (int) logged, StandardCharsets.UTF_8);
        List<String> warnings = added.lines().filter(l -> l.contains(" WARN ") && l.contains("/huge")).toList();
        assertEquals(1, warnings.size(), added);
        assertTrue(warnings.get(0).contains("OutOfMemoryError"), warnings.get(0));
        assertFalse(added.contains("\tat "), "no stack trace:\n" + added);

        MockEndpoint routed = getMockEndpoint("mock:routed");
        routed.expectedMessageCount(1);
        assertEquals(200, post("/gewe/callback?secret=" + SECRET, fixtureWithId("text", 9_200_000_000L)).statusCode(),
                "the server goes on");
        routed.assertIsSatisfied();
        assertEquals(0, getMockEndpoint("mock:huge").getReceivedCounter());
    }
}
