package com.jakebuysit.bootstrap.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** Where the embedded PostgreSQL keeps its data when no DATABASE_URL is given. */
public class EmbeddedDatabaseConfig {

    @NotBlank
    @JsonProperty
    private String dataDirectory = "var/pg";

    /** 0 picks a free port at each start. */
    @Min(0)
    @Max(65535)
    @JsonProperty
    private int port = 0;

    public String getDataDirectory() {
        return dataDirectory;
    }

    public int getPort() {
        return port;
    }
}
