package com.jakebuysit.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A private schema on the real PostgreSQL named by TEST_DATABASE_URL, so test classes
 * never see each other's rows and parallel runs never collide. Dropped on close.
 */
public final class TestDatabase implements AutoCloseable {

    public static final String CHANGELOG = "migrations/migrations.xml";

    private static final String BASE_URL =
            env("TEST_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = env("TEST_DATABASE_USER", "postgres");
    private static final String PASSWORD = env("TEST_DATABASE_PASSWORD", "");

    private final String schema;
    private final PGSimpleDataSource dataSource;
    private Jdbi jdbi;

    private TestDatabase(String schema) {
        this.schema = schema;
        this.dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl());
        dataSource.setUser(USER);
        dataSource.setPassword(PASSWORD);
    }

    /** An empty schema of its own. */
    public static TestDatabase create(String label) {
        String clean = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String schema = "t_" + clean.substring(0, Math.min(clean.length(), 30)) + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        TestDatabase db = new TestDatabase(schema);
        db.execute("CREATE SCHEMA " + schema);
        return db;
    }

    /** A schema of its own with every changeset applied. */
    public static TestDatabase migrated(String label) {
        return create(label).migrate();
    }

    public TestDatabase migrate() {
        try (Connection connection = dataSource.getConnection()) {
            liquibase(connection).update("");
        } catch (Exception e) {
            throw new IllegalStateException("migration failed in " + schema, e);
        }
        return this;
    }

    /** A Liquibase bound to this schema; the caller owns the connection. */
    public Liquibase liquibase(Connection connection) throws Exception {
        Database database = DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(connection));
        database.setDefaultSchemaName(schema);
        database.setLiquibaseSchemaName(schema);
        return new Liquibase(CHANGELOG, new DirectoryResourceAccessor(repositoryRoot()), database);
    }

    public String schema() {
        return schema;
    }

    public String jdbcUrl() {
        return BASE_URL + (BASE_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * One Jdbi for the schema, as the application has one: JDBI joins nested calls on a thread to
     * the open transaction only within the same instance, so repositories and the transactor of a
     * test must share it for row locks and advisory locks to mean what they mean in production.
     */
    public synchronized Jdbi jdbi() {
        if (jdbi == null) {
            jdbi = Jdbi.create(dataSource);
        }
        return jdbi;
    }

    public void execute(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * Drops the schema. A whole-app test's @AfterAll runs before its application stops, so work
     * still running in the schema (a pipeline step, a JobRunr poll) can deadlock with the drop;
     * PostgreSQL then cancels one side, and the drop is simply tried again.
     */
    @Override
    public void close() {
        String drop = "DROP SCHEMA IF EXISTS " + schema + " CASCADE";
        for (int attempt = 1; ; attempt++) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute(drop);
                return;
            } catch (SQLException e) {
                boolean lockConflict = "40P01".equals(e.getSQLState()) || "55P03".equals(e.getSQLState());
                if (!lockConflict || attempt == 5) {
                    throw new IllegalStateException(drop, e);
                }
            }
            try {
                Thread.sleep(200L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(drop + " interrupted", e);
            }
        }
    }

    /**
     * The changelog is read from the repository's own migrations/ folder, never from a classpath,
     * where a module's resources and another's test classes could both carry a copy.
     */
    private static java.io.File repositoryRoot() {
        java.nio.file.Path dir = java.nio.file.Path.of("").toAbsolutePath();
        while (dir != null && !java.nio.file.Files.exists(dir.resolve(CHANGELOG))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no " + CHANGELOG + " above " + java.nio.file.Path.of("").toAbsolutePath());
        }
        return dir.toFile();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
