package com.jakebuysit.application.port;

import java.time.Duration;
import java.util.Objects;

/** The carrier could not be reached or failed on its side; asking again after {@code retryAfter} may work (503). */
public final class CarrierUnavailable extends RuntimeException {

    private final String carrier;
    private final Duration retryAfter;

    public CarrierUnavailable(String carrier, String message, Duration retryAfter, Throwable cause) {
        super(carrier + ": " + message, cause);
        this.carrier = Objects.requireNonNull(carrier, "carrier");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public String carrier() {
        return carrier;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
