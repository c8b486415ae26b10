package com.jakebuysit.bootstrap.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/** The JobRunr background server of this instance. */
public class JobsConfig {

    /** false runs an API-only instance that enqueues but never processes. */
    @JsonProperty
    private boolean backgroundServer = true;

    @Min(1)
    @Max(256)
    @JsonProperty
    private int workerCount = 8;

    // JobRunr refuses a poll interval under 5 s on SQL storage.
    @NotNull
    @MinDuration(value = 5, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration pollInterval = Duration.seconds(5);

    /** How long an offer's pipeline may run before the durable job checks that it finished. */
    @NotNull
    @JsonProperty
    private Duration pipelineCheckAfter = Duration.seconds(60);

    /** How long one instance holds an offer's pipeline; a dead instance's offers resume after it. */
    @NotNull
    @JsonProperty
    private Duration pipelineLease = Duration.seconds(90);

    public Duration getPipelineCheckAfter() {
        return pipelineCheckAfter;
    }

    public Duration getPipelineLease() {
        return pipelineLease;
    }

    public boolean isBackgroundServer() {
        return backgroundServer;
    }

    public int getWorkerCount() {
        return workerCount;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }
}
