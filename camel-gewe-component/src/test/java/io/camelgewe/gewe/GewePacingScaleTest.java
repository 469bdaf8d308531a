package io.camelgewe.gewe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Many accounts paced at once by one component: every account waiting for its gap holds a timer of the pacer's one
 * thread, and none may be refused (Camel's default thread pool profile would cap them at 1,000 and strand the rest).
 */
class GewePacingScaleTest extends GeweTestSupport {

    private static final int ACCOUNTS = 2_500;

    @Override
    protected void configure(GeweComponent gewe) {
        gewe.setPacing(true);
        gewe.setPacingPersonInterval(2_000);
        gewe.setPacingPersonJitter(0);
    }

    @Test
    void everyAccountWaitingForItsGapGetsItsTurn() throws Exception {
        for (int i = 0; i < ACCOUNTS; i++) {
            simulator.addAccount(appId(i));
        }
        List<CompletableFuture<Exchange>> sends = new ArrayList<>();
        // the second send of each account waits for its gap: 2,500 timers at once
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < ACCOUNTS; i++) {
                Map<String, Object> body = Map.of("appId", appId(i), "toWxid", "wxid_p" + k, "content", "m" + k);
                sends.add(template.asyncSend("gewe:postText", e -> e.getMessage().setBody(body)));
            }
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(sends.toArray(new CompletableFuture[0]));
        try {
            all.get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            fail(sends.stream().filter(CompletableFuture::isDone).count() + " of " + sends.size()
                 + " sends done in 60 s: accounts were stranded");
        }
        for (CompletableFuture<Exchange> f : sends) {
            assertNull(f.get().getException());
        }
        assertEquals(2 * ACCOUNTS, simulator.requests("postText").size());
    }

    private static String appId(int i) {
        return String.format(Locale.ROOT, "wx_many_%04d", i);
    }
}
