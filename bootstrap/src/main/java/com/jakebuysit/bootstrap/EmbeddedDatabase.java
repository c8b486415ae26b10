package com.jakebuysit.bootstrap;

import com.jakebuysit.bootstrap.config.EmbeddedDatabaseConfig;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.lifecycle.Managed;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: real PostgreSQL binaries from a Maven artifact, data kept under
 * {@code var/pg} across restarts, used when no DATABASE_URL is configured.
 */
public final class EmbeddedDatabase implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private static EmbeddedDatabase running;

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** The {@code database.url} that asks for the embedded server. */
    public static final String URL = "embedded";

    /**
     * Starts the embedded server when {@code database.url} is "embedded" and points the data source at it.
     * Idempotent within a JVM, so {@code db migrate} and {@code server} share one path.
     */
    public static synchronized EmbeddedDatabase startIfUnconfigured(DataSourceFactory database,
                                                                    EmbeddedDatabaseConfig config) {
        if (!URL.equals(database.getUrl())) {
            return null;
        }
        if (running == null) {
            running = new EmbeddedDatabase(start(config));
        }
        database.setUrl(running.postgres.getJdbcUrl("postgres", "postgres"));
        database.setUser("postgres");
        database.setPassword("");
        return running;
    }

    private static EmbeddedPostgres start(EmbeddedDatabaseConfig config) {
        Path dataDirectory = Path.of(config.getDataDirectory()).toAbsolutePath();
        try {
            Files.createDirectories(dataDirectory.getParent());
            boolean fresh = !Files.exists(dataDirectory.resolve("PG_VERSION"));
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "100");
            if (config.getPort() > 0) {
                builder.setPort(config.getPort());
            }
            EmbeddedPostgres postgres = builder.start();
            LOG.info("embedded PostgreSQL {} on port {} with data in {}",
                    fresh ? "initialised" : "restarted", postgres.getPort(), dataDirectory);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    @Override
    public void stop() throws Exception {
        synchronized (EmbeddedDatabase.class) {
            if (running == this) {
                running = null;
            }
        }
        postgres.close();
        LOG.info("embedded PostgreSQL stopped");
    }
}
