package io.camelgewe.gewe.pacing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;


/**
 * Paces the calls of each account (appId) the way GeWe asks: one at a time, with a gap after each, and a ceiling per
 * minute. Shared by every endpoint of a component, so that all routes driving one account share its pace.
 * <p>
 * Nothing blocks: a call that must wait is queued, and started from a scheduler thread when its slot comes. Each
 * account has its own queue for sends and another for downloads, so a slow account never delays another, and the
 * order of each account's sends is kept. A full queue refuses at once.
 */
public final class GewePacer {

    /** What a call is, for its gap. */
    public enum Lane {
        /** A send to a person. */
        PERSON,
        /** A send to a group. */
        GROUP,
        /** A download. */
        DOWNLOAD;

        /**
         * The lane of a call: GeWe asks for longer gaps before a send to a group (an id ending in @chatroom) than
         * before a send to a person, and for its own gaps between downloads.
         *
         * @param download whether the call is a download
         * @param toWxid   the recipient of a send; may be null
         */
        public static Lane of(boolean download, Object toWxid) {
            if (download) {
                return DOWNLOAD;
            }
            return toWxid != null && toWxid.toString().endsWith("@chatroom") ? GROUP : PERSON;
        }
    }

    /** Given to a started call; released when the call is over, which frees the account for its next call. */
    public interface Permit {
        /** Ends this call's slot; further calls do nothing. */
        void release();
    }

    /** The key suffix of an account's download queue. */
    private static final String DOWNLOADS = "\u0000download";

    private final PacingSettings settings;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier clock;
    private final Map<String, AccountQueue> queues = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    /**
     * @param settings  the pace
     * @param scheduler the thread that starts waiting calls (never blocked by them)
     */
    public GewePacer(PacingSettings settings, ScheduledExecutorService scheduler) {
        this(settings, scheduler, System::nanoTime);
    }

    GewePacer(PacingSettings settings, ScheduledExecutorService scheduler, LongSupplier clock) {
        this.settings = settings;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /**
     * Starts {@code call} when the account's slot comes: at once if the account is idle and its gap has passed, else
     * later from the scheduler. The call must release its permit when it is over, however it ends.
     *
     * @param  appId                      the account
     * @param  lane                       what the call is
     * @param  call                       starts the call (must not block)
     * @param  refused                    told why, if the call will never start (the component stopped)
     * @throws RejectedExecutionException when the account's queue is full
     */
    public void submit(String appId, Lane lane, Consumer<Permit> call, Consumer<String> refused) {
        if (stopped) {
            refused.accept("the component is stopping");
            return;
        }
        String key = lane == Lane.DOWNLOAD ? appId + DOWNLOADS : appId;
        queues.computeIfAbsent(key, k -> new AccountQueue(appId)).submit(new Waiting(lane, call, refused));
    }

    /**
     * One account's queue as it is now, for the dev console.
     *
     * @param appId         the account
     * @param downloads     the queue of its downloads, else of its sends
     * @param waiting       the calls waiting for their slot
     * @param busy          whether a call of this queue is running (the next slot then comes after it)
     * @param nextSlotNanos when the next call may start, from now (0: at once); -1 while a call is running
     */
    public record QueueState(String appId, boolean downloads, int waiting, boolean busy, long nextSlotNanos) {
    }

    /** The queues of every account that has made a paced call, sends and downloads apart. */
    public List<QueueState> queues() {
        List<QueueState> out = new ArrayList<>();
        queues.forEach((key, queue) -> out.add(queue.state(key.endsWith(DOWNLOADS))));
        return out;
    }

    /** Refuses every waiting call: the component is stopping and nothing must hang. */
    public void stop() {
        stopped = true;
        queues.values().forEach(AccountQueue::drain);
    }

    private long gapNanos(Lane lane) {
        long interval;
        long jitter;
        switch (lane) {
            case GROUP -> {
                interval = settings.groupIntervalMillis();
                jitter = settings.groupJitterMillis();
            }
            case DOWNLOAD -> {
                interval = settings.downloadIntervalMillis();
                jitter = settings.downloadJitterMillis();
            }
            default -> {
                interval = settings.personIntervalMillis();
                jitter = settings.personJitterMillis();
            }
        }
        long extra = jitter == 0 ? 0 : ThreadLocalRandom.current().nextLong(jitter + 1);
        return TimeUnit.MILLISECONDS.toNanos(interval + extra);
    }

    private record Waiting(Lane lane, Consumer<Permit> call, Consumer<String> refused) {
    }

    /** One account's queue: calls start one at a time, each after the gap its lane needs. */
    private final class AccountQueue {
        private final String appId;
        private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
        /** Start times of the last maxPerMinute sends, oldest first (a ring). */
        private final long[] starts;
        private int startCount;
        private int startHead;
        private boolean busy;
        private boolean timerSet;
        private boolean idleSinceEver = true;
        private long lastEnd;
        /** The gap chosen for the head of the queue: chosen once, so re-checks do not re-roll the jitter. */
        private long headGap = -1;

        AccountQueue(String appId) {
            this.appId = appId;
            this.starts = new long[Math.max(settings.maxPerMinute(), 0)];
        }

        void submit(Waiting w) {
            synchronized (this) {
                if (waiting.size() >= settings.queueCapacity()) {
                    throw new RejectedExecutionException("the pacing queue of account " + appId + " is full ("
                                                         + settings.queueCapacity() + " waiting); nothing was sent");
                }
                waiting.add(w);
            }
            startNext();
        }

        /** Starts the head of the queue if its slot has come, or sets a timer for when it comes. */
        private void startNext() {
            Waiting next;
            synchronized (this) {
                if (busy || waiting.isEmpty() || stopped) {
                    return;
                }
                long now = clock.getAsLong();
                if (headGap < 0) {
                    headGap = gapNanos(waiting.peek().lane());
                }
                long at = idleSinceEver ? now : lastEnd + headGap;
                if (starts.length > 0 && startCount == starts.length) {
                    at = Math.max(at, starts[startHead] + TimeUnit.MINUTES.toNanos(1));
                }
                if (at > now) {
                    if (!timerSet) {
                        timerSet = true;
                        try {
                            scheduler.schedule(this::onTimer, at - now, TimeUnit.NANOSECONDS);
                        } catch (RejectedExecutionException e) {
                            timerSet = false;
                        }
                    }
                    return;
                }
                next = waiting.poll();
                busy = true;
                headGap = -1;
                idleSinceEver = false;
                if (starts.length > 0) {
                    starts[(startHead + startCount) % starts.length] = now;
                    if (startCount < starts.length) {
                        startCount++;
                    } else {
                        startHead = (startHead + 1) % starts.length;
                    }
                }
            }
            Permit permit = new OncePermit(this);
            try {
                next.call().accept(permit);
            } catch (RuntimeException e) {
                permit.release();
                throw e;
            }
        }

        private void onTimer() {
            synchronized (this) {
                timerSet = false;
            }
            startNext();
        }

        void finished() {
            synchronized (this) {
                busy = false;
                lastEnd = clock.getAsLong();
            }
            startNext();
        }

        /** Its state now: when the next call may start is worked out as {@link #startNext()} does. */
        synchronized QueueState state(boolean downloads) {
            long now = clock.getAsLong();
            // the head's gap once chosen (with its jitter), else the least gap a new call waits
            long gap = headGap >= 0 ? headGap : TimeUnit.MILLISECONDS.toNanos(downloads
                    ? settings.downloadIntervalMillis() : settings.personIntervalMillis());
            long at = idleSinceEver ? now : lastEnd + gap;
            if (starts.length > 0 && startCount == starts.length) {
                at = Math.max(at, starts[startHead] + TimeUnit.MINUTES.toNanos(1));
            }
            return new QueueState(appId, downloads, waiting.size(), busy, busy ? -1 : Math.max(0, at - now));
        }

        void drain() {
            ArrayDeque<Waiting> refused;
            synchronized (this) {
                refused = new ArrayDeque<>(waiting);
                waiting.clear();
            }
            refused.forEach(w -> w.refused().accept("the component stopped while the exchange waited for its "
                                                    + "pacing slot; nothing was sent"));
        }
    }

    private static final class OncePermit extends AtomicBoolean implements Permit {
        private static final long serialVersionUID = 1L;
        private final transient AccountQueue queue;

        OncePermit(AccountQueue queue) {
            this.queue = queue;
        }

        @Override
        public void release() {
            if (compareAndSet(false, true)) {
                queue.finished();
            }
        }
    }
}
