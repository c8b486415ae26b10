package com.jakebuysit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jakebuysit.testsupport.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A dependency that does not answer turns /health into a 503 that names it. */
@ExtendWith(DropwizardExtensionsSupport.class)
class HealthWhenRedisIsDownTest {

    private static final TestDatabase DB = TestDatabase.create("healthdown");

    // Nothing listens on port 1: Redis is configured but down.
    static final DropwizardAppExtension<JakeBuysItConfiguration> APP = new DropwizardAppExtension<>(
            JakeBuysItApplication.class, "config.yml",
            TestSupport.overrides(DB, "healthdown", Map.of("redis.url", "redis://127.0.0.1:1")));

    @AfterAll
    static void dropSchema() {
        DB.close();
    }

    @Test
    void healthIs503NamingRedisWhileTheOthersStayUp() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + APP.getLocalPort() + "/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(body.path("status").asText()).isEqualTo("down");
        assertThat(body.path("dependencies").path("redis").path("status").asText()).isEqualTo("down");
        assertThat(body.path("dependencies").path("postgresql").path("status").asText()).isEqualTo("up");
    }
}
