package io.camelgewe.examples.scenarios;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Waits for a condition, with a deadline: the tests never sleep for a fixed time. */
public final class Poll {

    private Poll() {
    }

    /** Returns once the condition holds; fails the test when it still does not after {@code timeout}. */
    public static void until(Duration timeout, BooleanSupplier condition, String what) {
        until(timeout, condition, () -> what);
    }

    /** {@link #until(Duration, BooleanSupplier, String)}, the failure saying what {@code what} says at that moment. */
    public static void until(Duration timeout, BooleanSupplier condition, Supplier<String> what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Still not the case after " + timeout.toSeconds() + " s: " + what.get());
            }
            LockSupport.parkNanos(Duration.ofMillis(25).toNanos());
        }
    }
}
