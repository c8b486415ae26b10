package com.jakebuysit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The laptop path: no DATABASE_URL and no REDIS_URL. The server starts its own PostgreSQL,
 * migrates it, answers healthy, and finds its data again after a restart.
 */
class EmbeddedDefaultTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void startsHealthyOnTheEmbeddedDatabaseAndKeepsDataAcrossRestarts(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("pg");

        DropwizardTestSupport<JakeBuysItConfiguration> first = embedded(data);
        first.before();
        try {
            JsonNode health = health(first);
            assertThat(health.path("status").asText()).isEqualTo("ok");
            assertThat(health.path("dependencies").has("redis")).isFalse();
            assertThat(Files.exists(data.resolve("PG_VERSION"))).isTrue();
            execute(first, "UPDATE config SET description = 'kept across restarts' WHERE key = 'jake_bucks'");
        } finally {
            first.after();
        }

        DropwizardTestSupport<JakeBuysItConfiguration> second = embedded(data);
        second.before();
        try {
            assertThat(health(second).path("status").asText()).isEqualTo("ok");
            assertThat(query(second, "SELECT description FROM config WHERE key = 'jake_bucks'"))
                    .isEqualTo("kept across restarts");
        } finally {
            second.after();
        }
    }

    private static DropwizardTestSupport<JakeBuysItConfiguration> embedded(Path data) {
        return new DropwizardTestSupport<>(JakeBuysItApplication.class, "config.yml",
                ConfigOverride.config("database.url", EmbeddedDatabase.URL),
                ConfigOverride.config("embeddedDatabase.dataDirectory", data.toString()),
                ConfigOverride.config("redis.url", ""),
                ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                ConfigOverride.config("server.adminConnectors[0].port", "0"),
                ConfigOverride.config("logging.level", "WARN"));
    }

    private static JsonNode health(DropwizardTestSupport<JakeBuysItConfiguration> app) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + app.getLocalPort() + "/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static void execute(DropwizardTestSupport<JakeBuysItConfiguration> app, String sql) throws Exception {
        try (Connection c = connect(app); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate(sql)).isEqualTo(1);
        }
    }

    private static String query(DropwizardTestSupport<JakeBuysItConfiguration> app, String sql) throws Exception {
        try (Connection c = connect(app); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static Connection connect(DropwizardTestSupport<JakeBuysItConfiguration> app) throws Exception {
        // The running app rewrote database.url to the embedded server's address.
        return DriverManager.getConnection(app.getConfiguration().getDatabase().getUrl(), "postgres", "");
    }
}
