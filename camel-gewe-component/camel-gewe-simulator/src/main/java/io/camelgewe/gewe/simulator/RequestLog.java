package io.camelgewe.gewe.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The simulator's memory of recent requests: a lock-free ring that keeps the last {@code capacity} of them.
 * <p>
 * Benchmarks push tens of thousands of requests a second through the simulator, so recording must neither lock nor
 * grow: each request takes one atomic increment and one array store, and the oldest entry is simply overwritten.
 * Readers take a snapshot in arrival order; an entry still being stored while a snapshot is taken is left out of
 * that snapshot (it is always visible once its reply has been sent, because it is stored before the reply is made).
 */
final class RequestLog {

    /** An entry remembers its sequence number so a reader can tell a fresh entry from one already overwritten. */
    private record Slot(long sequence, RecordedRequest request) {
    }

    private final AtomicReferenceArray<Slot> slots;
    private final int capacity;
    private final AtomicLong next = new AtomicLong();
    /** Entries before this sequence number were cleared; they stay in the array but are never read again. */
    private volatile long clearedBefore;

    RequestLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("The recording capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.slots = new AtomicReferenceArray<>(capacity);
    }

    int capacity() {
        return capacity;
    }

    void add(RecordedRequest request) {
        long sequence = next.getAndIncrement();
        slots.set((int) (sequence % capacity), new Slot(sequence, request));
    }

    void clear() {
        clearedBefore = next.get();
    }

    /** The kept requests, oldest first, unmodifiable. */
    List<RecordedRequest> snapshot() {
        long end = next.get();
        long start = Math.max(clearedBefore, end - capacity);
        List<RecordedRequest> out = new ArrayList<>((int) Math.min(end - start, 1024));
        for (long s = start; s < end; s++) {
            Slot slot = slots.get((int) (s % capacity));
            if (slot != null && slot.sequence() == s) {
                out.add(slot.request());
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The most recent request still kept, or null. */
    RecordedRequest last() {
        long end = next.get();
        long start = Math.max(clearedBefore, end - capacity);
        // walk back past an entry whose store has not landed yet
        for (long s = end - 1; s >= start; s--) {
            Slot slot = slots.get((int) (s % capacity));
            if (slot != null && slot.sequence() == s) {
                return slot.request();
            }
        }
        return null;
    }
}
