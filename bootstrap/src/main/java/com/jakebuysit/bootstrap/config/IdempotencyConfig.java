package com.jakebuysit.bootstrap.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotNull;

/** The Idempotency-Key rules: how long a key is remembered, how long a retry waits for a running twin. */
public class IdempotencyConfig {

    @NotNull
    @JsonProperty
    private Duration keyLifetime = Duration.hours(24);

    @NotNull
    @JsonProperty
    private Duration waitForInProgress = Duration.seconds(10);

    public Duration getKeyLifetime() {
        return keyLifetime;
    }

    public Duration getWaitForInProgress() {
        return waitForInProgress;
    }
}
