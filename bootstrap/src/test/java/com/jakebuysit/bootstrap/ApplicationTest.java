package com.jakebuysit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jakebuysit.testsupport.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole application on the real PostgreSQL and Redis, driven over HTTP as the apps do. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ApplicationTest {

    private static final TestDatabase DB = TestDatabase.create("apptest");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static final DropwizardAppExtension<JakeBuysItConfiguration> APP = new DropwizardAppExtension<>(
            TestApplication.class, "config.yml", TestSupport.overrides(DB, "apptest"));

    @AfterAll
    static void dropSchema() {
        DB.close();
    }

    @Test
    void healthIsOkWithEveryDependencyUp() throws Exception {
        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("status").asText()).isEqualTo("ok");
        assertThat(body.path("dependencies").path("postgresql").path("status").asText()).isEqualTo("up");
        assertThat(body.path("dependencies").path("jobs").path("status").asText()).isEqualTo("up");
        assertThat(body.path("dependencies").path("redis").path("status").asText()).isEqualTo("up");
    }

    @Test
    void requestIdIsTakenFromTheCallerOrMade() throws Exception {
        HttpResponse<String> given = send(HttpRequest.newBuilder(uri("/health")).header("X-Request-Id", "abc-123").GET());
        HttpResponse<String> made = get("/health");
        HttpResponse<String> unsafe = send(HttpRequest.newBuilder(uri("/health"))
                .header("X-Request-Id", "evil id with spaces").GET());

        assertThat(given.headers().firstValue("X-Request-Id")).contains("abc-123");
        assertThat(made.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).hasSize(36));
        assertThat(unsafe.headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).isNotEqualTo("evil id with spaces"));
    }

    @Test
    void unknownPathIs404InTheErrorShape() throws Exception {
        assertErrorShape(get("/api/v1/no-such-thing"), 404, "NOT_FOUND");
    }

    @Test
    void wrongMethodIs405InTheErrorShape() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/health"))
                .DELETE());
        assertErrorShape(response, 405, "METHOD_NOT_ALLOWED");
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
    }

    @Test
    void wrongMediaTypeIs415InTheErrorShape() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/test-probe"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("name=x")));
        assertErrorShape(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void malformedJsonIs400InTheErrorShape() throws Exception {
        HttpResponse<String> response = postJson("/test-probe", "{\"name\": \"x\", ");
        assertErrorShape(response, 400, "MALFORMED_JSON");
    }

    @Test
    void mistypedJsonIs400NamingTheField() throws Exception {
        HttpResponse<String> response = postJson("/test-probe", "{\"name\": \"x\", \"quantity\": \"lots\"}");
        JsonNode body = assertErrorShape(response, 400, "MALFORMED_JSON");
        assertThat(body.path("details").path("field").asText()).isEqualTo("quantity");
    }

    @Test
    void beanValidationIs422ListingEachViolation() throws Exception {
        HttpResponse<String> response = postJson("/test-probe", "{\"name\": \"\", \"quantity\": 0}");
        JsonNode body = assertErrorShape(response, 422, "VALIDATION_FAILED");
        List<String> errors = JSON.convertValue(body.path("details").path("errors"),
                JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        assertThat(errors).hasSize(2);
        assertThat(body.path("details").path("fields").has("name")).isTrue();
        assertThat(body.path("details").path("fields").has("quantity")).isTrue();
    }

    @Test
    void malformedUriIs400InTheErrorShapeFromJettyItself() throws Exception {
        // A raw socket: java.net.http refuses to send a URI this broken.
        try (java.net.Socket socket = new java.net.Socket("localhost", APP.getLocalPort())) {
            socket.getOutputStream().write("GET /%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String raw = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(raw).startsWith("HTTP/1.1 400");
            assertThat(raw).containsIgnoringCase("Content-Type: application/json");
            JsonNode body = JSON.readTree(raw.substring(raw.indexOf("\r\n\r\n") + 4));
            assertThat(body.path("code").asText()).isEqualTo("BAD_REQUEST");
            assertThat(body.path("statusCode").asInt()).isEqualTo(400);
            assertThat(body.path("details").isObject()).isTrue();
        }
    }

    @Test
    void validBodyPassesThrough() throws Exception {
        HttpResponse<String> response = postJson("/test-probe", "{\"name\": \"lamp\", \"quantity\": 2}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("quantity").asInt()).isEqualTo(2);
    }

    @Test
    void unhandledExceptionIs500WithoutItsDetails() throws Exception {
        HttpResponse<String> response = get("/test-probe/boom");
        assertErrorShape(response, 500, "INTERNAL_ERROR");
        assertThat(response.body()).doesNotContain("secret internal detail").doesNotContain("at com.");
    }

    @Test
    void prometheusExposesJvmJettyPoolAndResourceTimers() throws Exception {
        get("/health");
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + APP.getAdminPort() + "/prometheus")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body())
                .contains("# TYPE jvm_memory_heap_used gauge")
                .contains("io_dropwizard_jetty_mutable_servlet_context_handler_requests")
                .contains("io_dropwizard_db_managed_pooled_data_source_postgresql_active")
                .contains("api_health_resource_health{quantile=\"0.99\"}")
                .doesNotContainPattern("(?m)^[a-z_]*[A-Z]");
    }

    /** promtool (Debian package prometheus) lints the scrape the way Prometheus operators will. */
    @Test
    void prometheusScrapePassesPromtoolWhereItIsInstalled() throws Exception {
        java.nio.file.Path promtool = java.nio.file.Path.of("/usr/bin/promtool");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(promtool),
                "promtool is not installed here");
        get("/health");
        String scrape = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + APP.getAdminPort() + "/prometheus")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Process check = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        check.getOutputStream().write(scrape.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        check.getOutputStream().close();
        String findings = new String(check.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as(findings).isZero();
    }

    @Test
    void schemaWasMigratedAtStartIntoTheConfiguredDatabase() {
        Integer configRows = DB.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM config")
                .mapTo(Integer.class).one());
        assertThat(configRows).isGreaterThanOrEqualTo(8);
    }

    private static JsonNode assertErrorShape(HttpResponse<String> response, int status, String code) throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("error").isTextual()).isTrue();
        assertThat(body.path("error").asText()).isNotBlank();
        assertThat(body.path("code").asText()).isEqualTo(code);
        assertThat(body.path("statusCode").asInt()).isEqualTo(status);
        assertThat(body.path("details").isObject()).isTrue();
        return body;
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private static HttpResponse<String> postJson(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + APP.getLocalPort() + path);
    }
}
