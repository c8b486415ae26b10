package com.jakebuysit.adapters.in.jobs;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.server.JobActivator;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.StorageProviderUtils.DatabaseOptions;
import org.jobrunr.storage.sql.postgres.PostgresStorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;

/**
 * JobRunr on the application's own PostgreSQL: durable jobs spread across every instance's
 * background server. Built per instance (no JobRunr static singleton), so two app instances
 * can share one JVM in tests.
 */
public final class JobRunrServer implements AutoCloseable {

    private final StorageProvider storage;
    private final JobRequestScheduler scheduler;
    private final BackgroundJobServer server;
    private final Map<Class<?>, Object> handlers = new ConcurrentHashMap<>();

    public JobRunrServer(DataSource dataSource, boolean runBackgroundServer, int workers, Duration pollInterval) {
        // Jackson 2 explicitly: JobRunr would pick Jackson 3 if a test dependency brings it.
        JsonMapper json = new JacksonJsonMapper();
        this.storage = new PostgresStorageProvider(dataSource, schemaPrefix(dataSource), DatabaseOptions.CREATE);
        this.storage.setJobMapper(new org.jobrunr.jobs.mappers.JobMapper(json));
        this.scheduler = new JobRequestScheduler(storage);
        this.server = runBackgroundServer
                ? new BackgroundJobServer(storage, json, activator(),
                        BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
                                .andWorkerCount(workers)
                                .andPollInterval(pollInterval))
                : null;
    }

    /** Registers the instance that runs jobs of its class on this server. */
    public <T> void register(Class<T> type, T handler) {
        handlers.put(type, handler);
    }

    public JobRequestScheduler scheduler() {
        return scheduler;
    }

    public StorageProvider storage() {
        return storage;
    }

    public void start() {
        if (server != null) {
            server.start();
        }
    }

    /** Healthy when this instance processes jobs, or when it is configured not to. */
    public boolean isHealthy() {
        return server == null || server.isRunning();
    }

    public boolean processesJobs() {
        return server != null;
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop();
        }
        storage.close();
    }

    private JobActivator activator() {
        return new JobActivator() {
            @Override
            public <T> T activateJob(Class<T> type) {
                Object handler = handlers.get(type);
                if (handler == null) {
                    throw new IllegalStateException("no job handler registered for " + type.getName());
                }
                return type.cast(handler);
            }
        };
    }

    /** JobRunr's tables go into the connection's current schema, like every other table. */
    private static String schemaPrefix(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_schema()")) {
            rs.next();
            String schema = rs.getString(1);
            return schema == null || schema.equals("public") ? null : schema + ".";
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the current schema", e);
        }
    }
}
