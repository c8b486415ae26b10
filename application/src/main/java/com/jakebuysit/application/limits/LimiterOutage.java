package com.jakebuysit.application.limits;

import com.jakebuysit.application.port.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where a limit that fails open reports that it could not count: every occurrence goes to
 * {@code counted} (a metric), and a warning is logged at most once per {@link #QUIET} so an
 * outage under load does not flood the log.
 */
public final class LimiterOutage {

    static final Duration QUIET = Duration.ofMinutes(1);

    private static final System.Logger LOG = System.getLogger(LimiterOutage.class.getName());

    private final String what;
    private final Runnable counted;
    private final Clock clock;
    private final AtomicLong nextWarningAt = new AtomicLong(Long.MIN_VALUE);

    /** @param what the limit that is skipped, for the warning ("route limit", "offer allowances") */
    public LimiterOutage(String what, Runnable counted, Clock clock) {
        this.what = Objects.requireNonNull(what, "what");
        this.counted = Objects.requireNonNull(counted, "counted");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One call served without its limit because the counters were unreachable. */
    public void served(RateLimiter.Unavailable cause) {
        counted.run();
        long now = clock.millis();
        long due = nextWarningAt.get();
        // One caller per quiet period wins the warning; the others only count.
        if (now >= due && nextWarningAt.compareAndSet(due, now + QUIET.toMillis())) {
            LOG.log(System.Logger.Level.WARNING, "rate limiter unavailable, " + what + " not applied (warned at most"
                    + " once a minute; see rate_limiter_unavailable_total): " + cause.getMessage());
        }
    }
}
