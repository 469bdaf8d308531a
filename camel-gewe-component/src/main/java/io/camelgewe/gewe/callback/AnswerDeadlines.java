package io.camelgewe.gewe.callback;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Answers the pushes whose route runs on the HTTP server's own thread when their answerTimeout passes first: one
 * thread for the whole consumer, never a timer task per push.
 * <p>
 * Every push waits the same answerTimeout, so the deadlines come in the order the pushes were watched: the queue is a
 * plain FIFO, its head the next deadline. The thread sleeps until the head is due, drops the heads already answered
 * and answers the first one still waiting; a push watched while it sleeps is due after it wakes, so watching a push
 * never wakes it. At the rate GeWe pushes the thread wakes about once per answerTimeout, not once per push.
 */
final class AnswerDeadlines implements Runnable {

    /** One watched push; what it holds is dropped once it is answered, so the queue keeps no exchange alive. */
    static final class Deadline {
        final long dueNanos;
        private volatile Object waiting;

        private Deadline(long dueNanos, Object waiting) {
            this.dueNanos = dueNanos;
            this.waiting = waiting;
        }

        /** The push was answered some other way: nothing is left for the deadline to do. */
        void cancel() {
            waiting = null;
        }
    }

    private final long timeoutNanos;
    private final Consumer<Object> onDue;
    private final ConcurrentLinkedQueue<Deadline> queue = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;

    /**
     * @param timeoutMillis how long after it is watched a push is due
     * @param onDue         answers a push that is due and still waiting; called on this watch's thread
     */
    AnswerDeadlines(long timeoutMillis, Consumer<Object> onDue) {
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        this.onDue = onDue;
    }

    /** Watches a push from now on; the returned deadline is cancelled when the push is answered in time. */
    Deadline watch(Object waiting) {
        Deadline deadline = new Deadline(System.nanoTime() + timeoutNanos, waiting);
        queue.offer(deadline);
        return deadline;
    }

    /** Ends the watch's thread (pushes still waiting are then answered by their routes). */
    void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running && !Thread.currentThread().isInterrupted()) {
            Deadline head = queue.peek();
            if (head == null) {
                // whatever is watched during this sleep is due after it ends
                LockSupport.parkNanos(this, timeoutNanos);
                continue;
            }
            Object waiting = head.waiting;
            if (waiting == null) {
                queue.poll();
                continue;
            }
            long left = head.dueNanos - System.nanoTime();
            if (left > 0) {
                LockSupport.parkNanos(this, left);
                continue;
            }
            queue.poll();
            head.waiting = null;
            try {
                onDue.accept(waiting);
            } catch (RuntimeException e) {
                // one push's answer failed (its connection is gone): the others are still due
            }
        }
    }
}
