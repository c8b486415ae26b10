package com.jakebuysit.application.port;

import java.time.Duration;

/**
 * Counts calls against a limit within a fixed window. One check is atomic: under any
 * concurrency, no more than {@code limit} calls are granted per key and window.
 *
 * <p>When the counters cannot be reached (Redis down), {@link #acquire} and {@link #release}
 * throw {@link Unavailable} and each caller applies the written decision (README, "Rate limits"):
 * <ul>
 *   <li>the per-route limit fails <b>open</b>: the request is served, the outage is counted
 *       ({@code rate_limiter_unavailable_total}) and logged at most once a minute;</li>
 *   <li>the offer allowances fail open to the intake fraud screening, whose velocity rule counts
 *       the offers in PostgreSQL and rejects the ones over the limit;</li>
 *   <li>the login throttle fails <b>closed</b>: the exception reaches the REST layer, which answers
 *       503 {@code SERVICE_UNAVAILABLE} with {@code Retry-After}, since an unthrottled login is an
 *       open door to password guessing.</li>
 * </ul>
 */
public interface RateLimiter {

    /** @throws Unavailable when the counters cannot be reached; nothing was counted */
    Decision acquire(String key, int limit, Duration window);

    /**
     * Gives back one call granted under {@code key} in its current window, for a call that turned
     * out not to count (a login attempt whose password was right). Taking first and giving back
     * after, rather than counting after the fact, keeps concurrent callers within the limit. Never
     * extends a window; giving back the last call granted ends it, as if nothing had been granted.
     * Does nothing when the window has ended or nothing was granted.
     *
     * @throws Unavailable when the counters cannot be reached
     */
    void release(String key);

    /** The counters could not be reached or answered too late; the caller decides whether to serve. */
    final class Unavailable extends RuntimeException {

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The answer to one check; {@code retryAfter} is zero when allowed. */
    record Decision(boolean allowed, long remaining, Duration retryAfter) {
        public Decision {
            if (remaining < 0) {
                throw new IllegalArgumentException("remaining must not be negative");
            }
            if (retryAfter == null || retryAfter.isNegative()) {
                throw new IllegalArgumentException("retryAfter must be zero or positive");
            }
        }
    }
}
