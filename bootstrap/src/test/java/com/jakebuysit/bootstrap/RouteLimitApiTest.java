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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The per-route limit through HTTP, on Redis and on the in-process limiter: with 50 callers at once
 * exactly the limit is served, the rest get 429 {@code RATE_LIMITED} with {@code Retry-After};
 * accounts and addresses are counted apart; /health and the admin port are not counted.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RouteLimitApiTest {

    private static final int LIMIT = 20;
    private static final int CALLERS = 50;
    private static final TestDatabase DB = TestDatabase.create("routelimit");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static final DropwizardAppExtension<JakeBuysItConfiguration> ON_REDIS = new DropwizardAppExtension<>(
            TestApplication.class, "config.yml", TestSupport.overrides(DB, "routelimit-redis"));

    static final DropwizardAppExtension<JakeBuysItConfiguration> IN_PROCESS = new DropwizardAppExtension<>(
            TestApplication.class, "config.yml", TestSupport.overrides(DB, "routelimit-memory",
                    Map.of("redis.url", "")));

    static {
        // After overrides(), which lifts the limit for ordinary test classes; before either app reads the rules.
        TestSupport.rateLimits(DB, RateLimitRules.defaults().withRoutePerMinute(LIMIT));
    }

    @AfterAll
    static void dropSchema() {
        DB.close();
    }

    static Stream<Arguments> apps() {
        return Stream.of(Arguments.of("Redis", ON_REDIS), Arguments.of("in-process", IN_PROCESS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    void fiftyConcurrentCallsOfOneAccountGetExactlyTheLimitServedAndTheRest429(
            String limiter, DropwizardAppExtension<JakeBuysItConfiguration> app) throws Exception {
        String token = HttpCalls.tokenFor(account());

        List<HttpResponse<String>> responses = concurrently(CALLERS, () -> get(app, "/api/v1/users/me", token));

        assertThat(responses).filteredOn(r -> r.statusCode() == 200).hasSize(LIMIT);
        List<HttpResponse<String>> refused = responses.stream().filter(r -> r.statusCode() != 200).toList();
        assertThat(refused).hasSize(CALLERS - LIMIT).allSatisfy(RouteLimitApiTest::assertRateLimited);

        // Counted per account: another account is served at once.
        assertThat(get(app, "/api/v1/users/me", HttpCalls.tokenFor(account())).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    void anonymousAndForgedTokenCallsAreCountedPerAddressAndHealthAndAdminAreNot(
            String limiter, DropwizardAppExtension<JakeBuysItConfiguration> app) throws Exception {
        // No token, or one we did not sign: both count against the caller's address (127.0.0.1).
        AtomicInteger turn = new AtomicInteger();
        List<HttpResponse<String>> responses = concurrently(CALLERS,
                () -> get(app, "/api/v1/users/me", turn.getAndIncrement() % 2 == 0 ? null : "forged.token.value"));

        assertThat(responses).filteredOn(r -> r.statusCode() == 401).hasSize(LIMIT);
        assertThat(responses).filteredOn(r -> r.statusCode() != 401).hasSize(CALLERS - LIMIT)
                .allSatisfy(RouteLimitApiTest::assertRateLimited);
        // The address is spent, yet unknown paths are refused too (counted before routing) ...
        assertRateLimited(get(app, "/api/v1/no-such-route", null));
        // ... while load balancer probes and the admin port are never counted.
        for (int i = 0; i < LIMIT + 5; i++) {
            assertThat(get(app, "/health", null).statusCode()).isEqualTo(200);
            assertThat(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.getAdminPort() + "/ping"))
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
        // A signed-in account is not held back by its address being spent.
        assertThat(get(app, "/api/v1/users/me", HttpCalls.tokenFor(account())).statusCode()).isEqualTo(200);
    }

    private static void assertRateLimited(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        JsonNode body = HttpCalls.body(response);
        assertThat(body.path("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(body.path("statusCode").asInt()).isEqualTo(429);
        assertThat(body.path("error").asText()).isNotBlank();
        assertThat(body.path("details").path("retryAfterSeconds").asLong()).isEqualTo(retryAfter);
        assertThat(body.path("details").path("limit").asText()).isEqualTo("routePerMinute");
    }

    private static User account() {
        return new AccountFixtures(DB.jdbi()).account("route-" + UUID.randomUUID() + "@example.com",
                Set.of(Role.USER), false);
    }

    private static HttpResponse<String> get(DropwizardAppExtension<JakeBuysItConfiguration> app, String path,
                                            String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.getLocalPort() + path))
                .timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Starts every caller together, so they contend for the same counter. */
    static <T> List<T> concurrently(int callers, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch ready = new CountDownLatch(callers);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
