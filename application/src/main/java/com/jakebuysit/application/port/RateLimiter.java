package com.jakebuysit.application.port;

import java.time.Duration;

/**
 * Counts calls against a limit within a fixed window. One check is atomic: under any
 * concurrency, no more than {@code limit} calls are granted per key and window.
 */
public interface RateLimiter {

    Decision acquire(String key, int limit, Duration window);

    /**
     * Gives back one call granted under {@code key} in its current window, for a call that turned
     * out not to count (a login attempt whose password was right). Taking first and giving back
     * after, rather than counting after the fact, keeps concurrent callers within the limit. Never
     * extends a window; giving back the last call granted ends it, as if nothing had been granted.
     * Does nothing when the window has ended or nothing was granted.
     */
    void release(String key);

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
