package com.jakebuysit.application.limits;

import java.time.Duration;
import java.util.Objects;

/**
 * A call refused because an allowance is spent (API: 429 with {@code Retry-After}).
 *
 * @param retryAfter when the spent window ends, at least one millisecond
 * @param what which allowance, as the {@code rate_limits} row names it ({@code offersPerHour}, …)
 * @param limit how many calls that allowance grants per window
 */
public final class RateLimited extends RuntimeException {

    private final Duration retryAfter;
    private final String what;
    private final int limit;

    public RateLimited(Duration retryAfter, String what, int limit) {
        super("Too many requests: " + limit + " allowed (" + what + ")");
        if (retryAfter == null || retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must be zero or positive");
        }
        this.retryAfter = retryAfter.isZero() ? Duration.ofMillis(1) : retryAfter;
        this.what = Objects.requireNonNull(what, "what");
        this.limit = limit;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public String what() {
        return what;
    }

    public int limit() {
        return limit;
    }
}
