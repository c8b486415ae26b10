package com.jakebuysit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.jakebuysit.domain.account.Role;
import com.jakebuysit.domain.account.User;
import com.jakebuysit.domain.rules.RateLimitRules;
import com.jakebuysit.testsupport.AccountFixtures;
import com.jakebuysit.testsupport.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * README "Rate limits", what happens when Redis goes away: the route limit fails open (served,
 * counted in {@code rate_limiter_unavailable_total}), the offer allowances fail open to the
 * velocity rule of the intake screening (which counts in PostgreSQL and rejects the sixth offer of
 * the hour), and the login throttle fails closed with 503 and {@code Retry-After}. Redis is cut
 * mid-test by closing a forwarder between the app and the shared server, which keeps running.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RateLimitsWhenRedisGoesDownTest {

    private static final int ROUTE_LIMIT = 12;
    private static final TestDatabase DB = TestDatabase.create("ratelimitsredisdown");
    private static final Path PHOTOS = tempDirectory();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final URI REDIS = URI.create(TestSupport.REDIS_URL);
    private static final TcpForwarder REDIS_LINK = TcpForwarder.to(REDIS.getHost(), REDIS.getPort());

    static final DropwizardAppExtension<JakeBuysItConfiguration> APP = new DropwizardAppExtension<>(
            TestApplication.class, "config.yml", TestSupport.overrides(DB, "ratelimitsredisdown", Map.of(
                    "redis.url", "redis://127.0.0.1:" + REDIS_LINK.port(),
                    "providers.photos.localDirectory", PHOTOS.toString())));

    static {
        TestSupport.rateLimits(DB, RateLimitRules.defaults().withRoutePerMinute(ROUTE_LIMIT));
    }

    @AfterAll
    static void cleanUp() {
        REDIS_LINK.close();
        DB.close();
    }

    @Test
    void routesFailOpenOffersFallBackToTheVelocityRuleAndLoginFailsClosed() throws Exception {
        User browsing = account();
        User selling = account();
        String browsingToken = HttpCalls.tokenFor(browsing);
        String sellingToken = HttpCalls.tokenFor(selling);
        String email = "throttled-" + UUID.randomUUID() + "@example.com";
        assertThat(register(email).statusCode()).isEqualTo(201);

        // Redis up: the limits hold.
        for (int i = 0; i < ROUTE_LIMIT; i++) {
            assertThat(get("/api/v1/users/me", browsingToken).statusCode()).isEqualTo(200);
        }
        assertThat(get("/api/v1/users/me", browsingToken).statusCode()).isEqualTo(429);
        for (int i = 1; i <= 4; i++) {
            assertThat(submitOffer(sellingToken).statusCode()).as("offer %d", i).isEqualTo(202);
        }
        assertThat(login(email, "wrong password here").statusCode()).isEqualTo(401);
        assertThat(unavailableCount()).isZero();

        REDIS_LINK.close();

        // Route limit: fails open. The account that was at its limit is served again, and it is counted.
        for (int i = 0; i < ROUTE_LIMIT + 3; i++) {
            assertThat(get("/api/v1/users/me", browsingToken).statusCode()).isEqualTo(200);
        }
        assertThat(unavailableCount()).isGreaterThanOrEqualTo(ROUTE_LIMIT + 3);
        assertThat(prometheusScrape()).containsPattern("(?m)^rate_limiter_unavailable_total [1-9]");

        // Offer allowances: fail open to the velocity rule, which counts in PostgreSQL.
        HttpResponse<String> fifth = submitOffer(sellingToken);
        assertThat(fifth.statusCode()).isEqualTo(202);
        assertThat(HttpCalls.body(fifth).path("status").asText()).isNotEqualTo("rejected");
        HttpResponse<String> sixth = submitOffer(sellingToken);
        assertThat(sixth.statusCode()).as(sixth.body()).isEqualTo(202);
        assertThat(HttpCalls.body(sixth).path("status").asText()).isEqualTo("rejected");
        long velocityRejections = DB.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM fraud_checks"
                        + " WHERE user_id = :id AND result = 'reject' AND CAST(reasons AS text) LIKE '%velocity%'")
                .bind("id", selling.id().value()).mapTo(Long.class).one());
        assertThat(velocityRejections).isEqualTo(1L);

        // Login throttle: fails closed, with the right password as with a wrong one.
        for (String password : new String[] {"wrong password here", "correct horse battery"}) {
            HttpResponse<String> refused = login(email, password);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isPositive();
            JsonNode body = HttpCalls.body(refused);
            assertThat(body.path("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(body.path("statusCode").asInt()).isEqualTo(503);
            assertThat(body.path("details").path("retryAfterSeconds").asLong()).isEqualTo(retryAfter);
            assertThat(refused.body()).doesNotContain("127.0.0.1").doesNotContain("Exception");
        }

        // Reset mails: throttled for every address, so an outage answers alike for accounts that
        // exist and ones that do not (a difference would tell which emails have accounts).
        HttpResponse<String> known = post("/api/v1/auth/password-reset/request", "{\"email\":\"" + email + "\"}");
        HttpResponse<String> unknown = post("/api/v1/auth/password-reset/request",
                "{\"email\":\"nobody-" + java.util.UUID.randomUUID() + "@example.com\"}");
        assertThat(known.statusCode()).isEqualTo(503);
        assertThat(unknown.statusCode()).isEqualTo(known.statusCode());
        assertThat(HttpCalls.body(unknown).path("code").asText()).isEqualTo(HttpCalls.body(known).path("code").asText());
    }

    private static long unavailableCount() {
        return APP.getEnvironment().metrics().counter(RateLimitWiring.UNAVAILABLE_METRIC).getCount();
    }

    private static String prometheusScrape() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP.getAdminPort() + "/prometheus"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static HttpResponse<String> register(String email) throws Exception {
        return post("/api/v1/auth/register", "{\"email\":\"" + email
                + "\",\"password\":\"correct horse battery\",\"name\":\"Throttled\"}");
    }

    private static HttpResponse<String> login(String email, String password) throws Exception {
        return post("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP.getLocalPort() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP.getLocalPort() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> submitOffer(String token) throws Exception {
        Multipart body = new Multipart()
                .file("photos", "item.jpg", "image/jpeg", TestImages.jpeg(Math.floorMod(UUID.randomUUID().hashCode(), 100_000)))
                .field("description", "Sony WH-1000XM4 headphones");
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP.getLocalPort() + "/api/v1/offers"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", body.contentType())
                .POST(body.publisher())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static User account() {
        return new AccountFixtures(DB.jdbi()).account("down-" + UUID.randomUUID() + "@example.com",
                Set.of(Role.USER), false);
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("jakebuysit-redisdown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
