package com.jakebuysit.adapters.out.http;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often a provider call is tried and how long to wait between tries: exponential backoff
 * ({@code initialBackoff × 2^(retry − 1)}, capped at {@code maxBackoff}) with "equal jitter" (a random
 * wait between half and all of that), so instances that failed together do not retry together.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt, was " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff must be 0 <= initial <= max");
        }
    }

    /** Three attempts, waiting about 250 ms then 500 ms. */
    public static RetryPolicy standard() {
        return new RetryPolicy(3, Duration.ofMillis(250), Duration.ofSeconds(2));
    }

    /** The wait before attempt {@code attempt + 1}, after {@code attempt} (1-based) failed. */
    Duration backoffAfter(int attempt) {
        long initial = initialBackoff.toMillis();
        long ceiling = maxBackoff.toMillis();
        long full = initial << Math.min(attempt - 1, 20);
        long capped = full < 0 ? ceiling : Math.min(full, ceiling);
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
    }
}
