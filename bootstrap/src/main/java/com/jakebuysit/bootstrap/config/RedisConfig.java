package com.jakebuysit.bootstrap.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Redis for cache, counters and events between instances; empty url = in-process adapters. */
public class RedisConfig {

    // YAML reads an empty ${REDIS_URL:-} as null: both mean "not configured".
    @Pattern(regexp = "^$|^rediss?://.+", message = "must be empty or a redis:// URL")
    @JsonProperty
    private String url;

    @NotNull
    @JsonProperty
    private String keyPrefix = "jbi:";

    public boolean isConfigured() {
        return url != null && !url.isBlank();
    }

    public String getUrl() {
        return url;
    }

    public String getKeyPrefix() {
        return keyPrefix;
    }
}
