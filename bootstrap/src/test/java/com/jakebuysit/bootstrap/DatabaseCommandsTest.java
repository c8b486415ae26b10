package com.jakebuysit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.jakebuysit.testsupport.TestDatabase;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's path: {@code db status} shows pending changesets, {@code db migrate} applies them all. */
class DatabaseCommandsTest {

    private TestDatabase db;
    private Path config;

    @BeforeEach
    void writeConfig(@TempDir Path dir) throws Exception {
        db = TestDatabase.create("dbcommands");
        config = dir.resolve("config.yml");
        Files.writeString(config, """
                logging:
                  level: WARN
                database:
                  driverClass: org.postgresql.Driver
                  url: "%s"
                  user: "%s"
                  password: "%s"
                """.formatted(db.jdbcUrl(), db.user(), db.password()));
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void migrateAppliesEveryChangesetAndStatusThenHasNothingPending() throws Exception {
        String before = run("db", "status", config.toString());
        assertThat(before).containsPattern("\\d+ changesets? ha(s|ve) not been applied");

        run("db", "migrate", config.toString());
        String after = run("db", "status", config.toString());

        assertThat(after).contains("is up to date").doesNotContain("not been applied");
        Integer tables = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'offers'")
                .mapTo(Integer.class).one());
        assertThat(tables).isEqualTo(1);
    }

    private static String run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // `db status` reports to the System.out it saw when the bundle made the command.
        PrintStream console = System.out;
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        System.setOut(new PrintStream(report, true, StandardCharsets.UTF_8));
        Optional<Throwable> failure;
        try {
            JakeBuysItApplication application = new JakeBuysItApplication();
            Bootstrap<JakeBuysItConfiguration> bootstrap = new Bootstrap<>(application);
            application.initialize(bootstrap);
            Cli cli = new Cli(new JarLocation(DatabaseCommandsTest.class), bootstrap,
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            failure = cli.run(args);
        } finally {
            System.setOut(console);
        }
        assertThat(failure).as("db command failed: %s", err.toString(StandardCharsets.UTF_8)).isEmpty();
        return out.toString(StandardCharsets.UTF_8) + report.toString(StandardCharsets.UTF_8);
    }
}
