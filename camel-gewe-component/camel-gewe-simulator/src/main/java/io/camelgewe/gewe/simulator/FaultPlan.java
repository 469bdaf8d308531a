package io.camelgewe.gewe.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import java.util.concurrent.atomic.LongAdder;

/**
 * Decides which fault, if any, each API request gets: first the queued ones ({@link GeweSimulator#failNext}), in
 * order, then the random ones by their rates.
 * <p>
 * The random draw comes from one seeded {@link Random}, one draw per request that reaches the rates, in arrival order,
 * so a run with the same seed and the same sequence of requests injects exactly the same faults. Decisions are taken
 * under this object's lock; the common case, no fault configured at all, reads one volatile flag and takes no lock,
 * because that path runs for every request of a benchmark.
 */
final class FaultPlan {

    private static final Fault[] FAULTS = Fault.values();

    /** A queued run of one fault. */
    private static final class Pending {
        final Fault fault;
        long remaining;

        Pending(Fault fault, long remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    private final Deque<Pending> queue = new ArrayDeque<>();
    private final double[] rates = new double[FAULTS.length];
    private final LongAdder[] injected = new LongAdder[FAULTS.length];
    private Random random = new Random();
    private boolean anyRate;
    private volatile boolean armed;
    private volatile long spikeNanos = Duration.ofSeconds(2).toNanos();

    FaultPlan() {
        for (int i = 0; i < injected.length; i++) {
            injected[i] = new LongAdder();
        }
    }

    synchronized void failNext(long count, Fault fault) {
        if (fault == null) {
            throw new IllegalArgumentException("The fault must not be null");
        }
        if (count < 1) {
            throw new IllegalArgumentException("The count must be at least 1, got " + count);
        }
        Pending last = queue.peekLast();
        if (last != null && last.fault == fault) {
            last.remaining += count;
        } else {
            queue.addLast(new Pending(fault, count));
        }
        armed = true;
    }

    synchronized void setRate(Fault fault, double probability) {
        if (fault == null) {
            throw new IllegalArgumentException("The fault must not be null");
        }
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("A fault rate is a probability between 0 and 1, got " + probability);
        }
        double total = probability;
        for (Fault f : FAULTS) {
            if (f != fault) {
                total += rates[f.ordinal()];
            }
        }
        // the rates share one draw per request, so together they cannot exceed certainty
        if (total > 1 + 1e-9) {
            throw new IllegalArgumentException("The fault rates add up to " + total + ", more than 1");
        }
        rates[fault.ordinal()] = probability;
        anyRate = false;
        for (double r : rates) {
            anyRate |= r > 0;
        }
        armed = anyRate || !queue.isEmpty();
    }

    synchronized void setSeed(long seed) {
        random = new Random(seed);
    }

    synchronized void clear() {
        queue.clear();
        java.util.Arrays.fill(rates, 0);
        anyRate = false;
        armed = false;
    }

    void resetCounts() {
        for (LongAdder a : injected) {
            a.reset();
        }
    }

    long injected(Fault fault) {
        return injected[fault.ordinal()].sum();
    }

    long spikeNanos() {
        return spikeNanos;
    }

    void setSpike(Duration spike) {
        spikeNanos = nonNegative(spike, "spike latency").toNanos();
    }

    /** The fault for the request that just arrived, or null; counts it as injected. */
    Fault next() {
        if (!armed) {
            return null;
        }
        Fault fault = null;
        synchronized (this) {
            Pending head = queue.peekFirst();
            if (head != null) {
                fault = head.fault;
                if (--head.remaining == 0) {
                    queue.pollFirst();
                }
            } else if (anyRate) {
                double u = random.nextDouble();
                double cumulative = 0;
                for (Fault f : FAULTS) {
                    cumulative += rates[f.ordinal()];
                    if (u < cumulative) {
                        fault = f;
                        break;
                    }
                }
            }
            armed = anyRate || !queue.isEmpty();
        }
        if (fault != null) {
            injected[fault.ordinal()].increment();
        }
        return fault;
    }

    static Duration nonNegative(Duration d, String what) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException("The " + what + " must be zero or positive, got " + d);
        }
        return d;
    }
}
