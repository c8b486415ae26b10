package com.jakebuysit.adapters.out.memory;

import com.jakebuysit.application.port.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fixed-window limit of a single-node install, with the Redis limiter's semantics: the
 * window starts at the first granted call, a refused call never extends it, and each check
 * is atomic per key. Windows that have ended are swept, so memory follows active keys only.
 */
public final class InMemoryRateLimiter implements RateLimiter {

    private static final long SWEEP_INTERVAL_MILLIS = Duration.ofMinutes(1).toMillis();

    /** A window's end and how many calls it has granted; replaced, never mutated. */
    private record Window(long endsAtMillis, long granted) {
    }

    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicLong nextSweepAtMillis;

    public InMemoryRateLimiter(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nextSweepAtMillis = new AtomicLong(clock.millis() + SWEEP_INTERVAL_MILLIS);
    }

    @Override
    public Decision acquire(String key, int limit, Duration window) {
        Objects.requireNonNull(key, "key");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        if (window == null || window.toMillis() < 1) {
            throw new IllegalArgumentException("window must be at least one millisecond");
        }
        long now = clock.millis();
        sweepIfDue(now);
        boolean[] allowed = new boolean[1];
        // compute() runs under the key's lock: the read, the decision and the write are one step.
        Window current = windows.compute(key, (k, existing) -> {
            if (existing == null || existing.endsAtMillis() <= now) {
                allowed[0] = true;
                return new Window(now + window.toMillis(), 1);
            }
            if (existing.granted() < limit) {
                allowed[0] = true;
                return new Window(existing.endsAtMillis(), existing.granted() + 1);
            }
            allowed[0] = false;
            return existing;
        });
        long remaining = Math.max(0, limit - current.granted());
        // A racing caller may have opened the window at a later "now" than ours: never more than one window.
        Duration retryAfter = allowed[0] ? Duration.ZERO
                : Duration.ofMillis(Math.min(window.toMillis(), current.endsAtMillis() - now));
        return new Decision(allowed[0], remaining, retryAfter);
    }

    @Override
    public void release(String key) {
        Objects.requireNonNull(key, "key");
        long now = clock.millis();
        // The last call given back ends the window, as if nothing had been granted in it (as on Redis).
        windows.computeIfPresent(key, (k, w) -> w.endsAtMillis() <= now || w.granted() <= 1 ? null
                : new Window(w.endsAtMillis(), w.granted() - 1));
    }

    /** Keys with a window still open; for tests of the sweep. */
    int trackedKeys() {
        return windows.size();
    }

    private void sweepIfDue(long now) {
        long due = nextSweepAtMillis.get();
        // One caller per interval wins the sweep; the rest carry on without waiting.
        if (now < due || !nextSweepAtMillis.compareAndSet(due, now + SWEEP_INTERVAL_MILLIS)) {
            return;
        }
        // computeIfPresent re-checks under the key's lock, so a window opened meanwhile survives.
        for (String key : windows.keySet()) {
            windows.computeIfPresent(key, (k, w) -> w.endsAtMillis() <= now ? null : w);
        }
    }
}
