package com.jakebuysit.application.port;

import java.time.Duration;

/**
 * Counts calls against a limit within a fixed window. One check is atomic: under any
 * concurrency, no more than {@code limit} calls are granted per key and window.
 */
public interface RateLimiter {

    Decision acquire(String key, int limit, Duration window);

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
