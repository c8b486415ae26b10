package com.jakebuysit.bootstrap;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.jakebuysit.bootstrap.config.AuthConfig;
import com.jakebuysit.bootstrap.config.EmbeddedDatabaseConfig;
import com.jakebuysit.bootstrap.config.IdempotencyConfig;
import com.jakebuysit.bootstrap.config.JobsConfig;
import com.jakebuysit.bootstrap.config.MailConfig;
import com.jakebuysit.bootstrap.config.NetworkConfig;
import com.jakebuysit.bootstrap.config.ProvidersConfig;
import com.jakebuysit.bootstrap.config.RedisConfig;
import com.jakebuysit.bootstrap.config.ShippingConfig;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** config.yml: every value that differs between a laptop and production comes from the environment. */
public class JakeBuysItConfiguration extends Configuration {

    @Valid
    @NotNull
    @JsonProperty
    private DataSourceFactory database = new DataSourceFactory();

    @Valid
    @NotNull
    @JsonProperty
    private EmbeddedDatabaseConfig embeddedDatabase = new EmbeddedDatabaseConfig();

    /** The default configuration migrates at start; production runs {@code db migrate} explicitly. */
    @JsonProperty
    private boolean migrateOnStart = true;

    @NotNull
    @JsonProperty
    private Duration slowQueryThreshold = Duration.seconds(1);

    @Valid
    @NotNull
    @JsonProperty
    private RedisConfig redis = new RedisConfig();

    @Valid
    @NotNull
    @JsonProperty
    private JobsConfig jobs = new JobsConfig();

    @Valid
    @NotNull
    @JsonProperty
    private ProvidersConfig providers = new ProvidersConfig();

    @Valid
    @NotNull
    @JsonProperty
    private AuthConfig auth = new AuthConfig();

    @Valid
    @NotNull
    @JsonProperty
    private MailConfig mail = new MailConfig();

    @Valid
    @NotNull
    @JsonProperty
    private ShippingConfig shipping = new ShippingConfig();

    @Valid
    @NotNull
    @JsonProperty
    private IdempotencyConfig idempotency = new IdempotencyConfig();

    @Valid
    @NotNull
    @JsonProperty
    private NetworkConfig network = new NetworkConfig();

    public DataSourceFactory getDatabase() {
        return database;
    }

    public EmbeddedDatabaseConfig getEmbeddedDatabase() {
        return embeddedDatabase;
    }

    public boolean isMigrateOnStart() {
        return migrateOnStart;
    }

    public Duration getSlowQueryThreshold() {
        return slowQueryThreshold;
    }

    public RedisConfig getRedis() {
        return redis;
    }

    public JobsConfig getJobs() {
        return jobs;
    }

    public ProvidersConfig getProviders() {
        return providers;
    }

    public AuthConfig getAuth() {
        return auth;
    }

    public MailConfig getMail() {
        return mail;
    }

    public ShippingConfig getShipping() {
        return shipping;
    }

    public NetworkConfig getNetwork() {
        return network;
    }

    public IdempotencyConfig getIdempotency() {
        return idempotency;
    }
}
