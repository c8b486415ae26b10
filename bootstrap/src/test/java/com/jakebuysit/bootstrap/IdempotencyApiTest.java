package com.jakebuysit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.jakebuysit.domain.account.Role;
import com.jakebuysit.domain.account.User;
import com.jakebuysit.domain.testing.MutableClock;
import com.jakebuysit.testsupport.AccountFixtures;
import com.jakebuysit.testsupport.TestDatabase;
import io.dropwizard.core.Application;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Idempotency-Key through the whole application, on a test-only resource whose work writes one
 * row per run: one effect per key however many requests race, replays byte for byte, refusals
 * kept, server errors not, expiry, and keys that never cross accounts.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class IdempotencyApiTest {

    private static final TestDatabase DB = TestDatabase.create("idempotencyapi");
    private static final MutableClock CLOCK = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private static final String PATH = "/test-idempotency/effects";

    static final DropwizardAppExtension<JakeBuysItConfiguration> APP = new DropwizardAppExtension<>(
            new DropwizardTestSupport<>(IdempotencyTestApplication.class, "config.yml",
                    TestSupport.overrides(DB, "idempotencyapi", Map.of("idempotency.waitForInProgress", "3s"))) {
                @Override
                public Application<JakeBuysItConfiguration> newApplication() {
                    return new IdempotencyTestApplication(CLOCK);
                }
            });

    private static Jdbi jdbi;
    private static HttpClient client;
    private static String aliceToken;
    private static String bobToken;

    @BeforeAll
    static void start() {
        jdbi = DB.jdbi();
        // These tests send far more than a minute's worth of requests from one account and address;
        // the per-route limit is not what they are about.
        jdbi.useHandle(handle -> handle.execute("""
                UPDATE config SET value = jsonb_set(value, '{routePerMinute}', '100000') WHERE key = 'rate_limits'
                """));
        client = HttpClient.newHttpClient();
        AccountFixtures fixtures = new AccountFixtures(jdbi);
        User alice = fixtures.account("alice-idem@example.com", Set.of(Role.USER), false);
        User bob = fixtures.account("bob-idem@example.com", Set.of(Role.USER), false);
        aliceToken = HttpCalls.tokenFor(alice);
        bobToken = HttpCalls.tokenFor(bob);
    }

    @AfterAll
    static void dropSchema() {
        DB.close();
    }

    @Test
    void aHundredConcurrentRequestsWithOneKeyMakeOneEffectAndOneAnswer() throws Exception {
        String key = "race-" + UUID.randomUUID();
        String label = "race-" + UUID.randomUUID();
        String body = "{\"label\":\"" + label + "\",\"sleepMillis\":200}";
        int callers = 100;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return post(aliceToken, key, body);
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }

            assertThat(effects(label)).isEqualTo(1);
            assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(201);
            assertThat(answers).extracting(HttpResponse::body).containsOnly(answers.get(0).body());
            assertThat(HttpCalls.body(answers.get(0)).path("label").asText()).isEqualTo(label);
            assertThat(answers).filteredOn(answer -> answer.headers().firstValue("Idempotent-Replayed").isEmpty())
                    .hasSize(1);
            assertThat(answers).filteredOn(answer -> answer.headers().firstValue("Idempotent-Replayed")
                    .filter("true"::equals).isPresent()).hasSize(callers - 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRetryAfterCompletionReplaysTheStoredAnswerEvenWhenTheJsonIsSpelledDifferently() {
        String key = "replay-" + UUID.randomUUID();
        String label = "replay-" + UUID.randomUUID();

        HttpResponse<String> first = post(aliceToken, key, "{\"label\":\"" + label + "\",\"outcome\":\"ok\"}");
        HttpResponse<String> again = post(aliceToken, key,
                "{ \"outcome\" : \"ok\",\n  \"label\" : \"" + label + "\" }");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(again.body()).isEqualTo(first.body());
        JsonNode replayed = HttpCalls.body(again);
        assertThat(replayed.path("nested").path("amount").asText()).isEqualTo("12.50");
        assertThat(replayed.path("nested").path("list")).hasSize(3);
        assertThat(effects(label)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndRunsNothing() {
        String key = "reuse-" + UUID.randomUUID();
        String label = "reuse-" + UUID.randomUUID();
        post(aliceToken, key, "{\"label\":\"" + label + "\"}");

        HttpResponse<String> other = post(aliceToken, key, "{\"label\":\"" + label + "-other\"}");

        assertThat(other.statusCode()).isEqualTo(422);
        JsonNode error = HttpCalls.body(other);
        assertThat(error.path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(error.path("statusCode").asInt()).isEqualTo(422);
        assertThat(error.has("error")).isTrue();
        assertThat(error.has("details")).isTrue();
        assertThat(effects(label + "-other")).isZero();
        assertThat(effects(label)).isEqualTo(1);
    }

    @Test
    void refusalsFromTheWorkAreKeptAndReplayedInTheOneErrorShape() {
        for (String outcome : List.of("refuse", "rule", "missing")) {
            String key = outcome + "-" + UUID.randomUUID();
            String label = outcome + "-" + UUID.randomUUID();
            String body = "{\"label\":\"" + label + "\",\"outcome\":\"" + outcome + "\"}";

            HttpResponse<String> first = post(aliceToken, key, body);
            HttpResponse<String> again = post(aliceToken, key, body);

            int status = outcome.equals("missing") ? 404 : 409;
            String code = Map.of("refuse", "PROBE_REFUSED", "rule", "PROBE_RULE", "missing", "NOT_FOUND").get(outcome);
            assertThat(first.statusCode()).as(outcome).isEqualTo(status);
            JsonNode error = HttpCalls.body(first);
            assertThat(error.path("code").asText()).as(outcome).isEqualTo(code);
            assertThat(error.path("statusCode").asInt()).as(outcome).isEqualTo(status);
            assertThat(error.path("error").asText()).as(outcome).contains("attempt");
            assertThat(error.has("details")).as(outcome).isTrue();
            assertThat(again.statusCode()).as(outcome).isEqualTo(status);
            assertThat(again.headers().firstValue("Idempotent-Replayed")).as(outcome).contains("true");
            assertThat(again.body()).as(outcome).isEqualTo(first.body());
            assertThat(effects(label)).as(outcome).isEqualTo(1);
        }
        // Without a key the same refusal is rendered the same way by the exception mapper itself.
        String label = "refuse-plain-" + UUID.randomUUID();
        HttpResponse<String> plain = post(aliceToken, null, "{\"label\":\"" + label + "\",\"outcome\":\"refuse\"}");
        JsonNode direct = HttpCalls.body(plain);
        assertThat(plain.statusCode()).isEqualTo(409);
        assertThat(direct.path("code").asText()).isEqualTo("PROBE_REFUSED");
        assertThat(direct.path("details").path("attempt").isNumber()).isTrue();
    }

    @Test
    void serverErrorsAreNotKeptSoARetryRunsAgain() {
        for (String outcome : List.of("crash", "unavailable")) {
            String key = outcome + "-" + UUID.randomUUID();
            String label = outcome + "-" + UUID.randomUUID();
            String body = "{\"label\":\"" + label + "\",\"outcome\":\"" + outcome + "\"}";

            HttpResponse<String> first = post(aliceToken, key, body);
            HttpResponse<String> again = post(aliceToken, key, body);

            int status = outcome.equals("crash") ? 500 : 503;
            assertThat(first.statusCode()).as(outcome).isEqualTo(status);
            assertThat(again.statusCode()).as(outcome).isEqualTo(status);
            assertThat(again.headers().firstValue("Idempotent-Replayed")).as(outcome).isEmpty();
            assertThat(effects(label)).as(outcome).isEqualTo(2);
            assertThat(keyRows(key)).as(outcome).isZero();
        }
        HttpResponse<String> crash = post(aliceToken, "crash-body-" + UUID.randomUUID(),
                "{\"label\":\"x\",\"outcome\":\"crash\"}");
        assertThat(HttpCalls.body(crash).path("code").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(crash.body()).doesNotContain("probe crashed");
    }

    @Test
    void aKeyPastItsLifetimeIsNewAgain() {
        String key = "expiry-" + UUID.randomUUID();
        String label = "expiry-" + UUID.randomUUID();
        String body = "{\"label\":\"" + label + "\"}";
        HttpResponse<String> first = post(aliceToken, key, body);

        CLOCK.advance(Duration.ofHours(24).minusSeconds(1));
        HttpResponse<String> withinLifetime = post(aliceToken, key, body);
        CLOCK.advance(Duration.ofSeconds(1));
        HttpResponse<String> afterLifetime = post(aliceToken, key, body);
        HttpResponse<String> replayOfTheNewOne = post(aliceToken, key, body);

        assertThat(withinLifetime.body()).isEqualTo(first.body());
        assertThat(withinLifetime.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(afterLifetime.statusCode()).isEqualTo(201);
        assertThat(afterLifetime.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(afterLifetime.body()).isNotEqualTo(first.body());
        assertThat(replayOfTheNewOne.body()).isEqualTo(afterLifetime.body());
        assertThat(effects(label)).isEqualTo(2);
    }

    @Test
    void oneKeyUsedByTwoAccountsAndAnAnonymousCallerIsThreeKeys() {
        String key = "shared-" + UUID.randomUUID();
        String label = "shared-" + UUID.randomUUID();
        String body = "{\"label\":\"" + label + "\"}";

        HttpResponse<String> alice = post(aliceToken, key, body);
        HttpResponse<String> bob = post(bobToken, key, body);
        HttpResponse<String> anonymous = post(null, key, body);
        HttpResponse<String> aliceAgain = post(aliceToken, key, body);
        HttpResponse<String> anonymousAgain = post(null, key, body);

        assertThat(List.of(alice, bob, anonymous)).extracting(HttpResponse::statusCode).containsOnly(201);
        assertThat(List.of(alice, bob, anonymous)).extracting(response -> response.headers()
                .firstValue("Idempotent-Replayed").isPresent()).containsOnly(false);
        assertThat(HttpCalls.body(bob).path("madeBy").asText()).startsWith("user:")
                .isNotEqualTo(HttpCalls.body(alice).path("madeBy").asText());
        assertThat(HttpCalls.body(anonymous).path("madeBy").asText()).startsWith("ip:");
        assertThat(aliceAgain.body()).isEqualTo(alice.body());
        assertThat(anonymousAgain.body()).isEqualTo(anonymous.body());
        assertThat(effects(label)).isEqualTo(3);
    }

    @Test
    void aRequestWhoseTwinIsStillRunningWaitsThenGets409AndLaterTheReplay() throws Exception {
        String key = "slow-" + UUID.randomUUID();
        String label = "slow-" + UUID.randomUUID();
        String gate = "gate-" + UUID.randomUUID();
        CountDownLatch open = IdempotencyProbeResource.GATES.computeIfAbsent(gate, name -> new CountDownLatch(1));
        String body = "{\"label\":\"" + label + "\",\"gate\":\"" + gate + "\"}";
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<HttpResponse<String>> first = pool.submit(() -> post(aliceToken, key, body));
            // The first request's work has started (so its claim is committed) before the twin is sent.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (effects(label) == 0) {
                assertThat(System.nanoTime()).as("the first request never started its work").isLessThan(deadline);
                Thread.sleep(20);
            }

            HttpResponse<String> twin = post(aliceToken, key, body);
            open.countDown();
            HttpResponse<String> firstAnswer = first.get(60, TimeUnit.SECONDS);
            HttpResponse<String> later = post(aliceToken, key, body);

            assertThat(twin.statusCode()).isEqualTo(409);
            assertThat(HttpCalls.body(twin).path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_IN_PROGRESS");
            assertThat(twin.headers().firstValue("Retry-After")).contains("1");
            assertThat(firstAnswer.statusCode()).isEqualTo(201);
            assertThat(later.body()).isEqualTo(firstAnswer.body());
            assertThat(later.headers().firstValue("Idempotent-Replayed")).contains("true");
            assertThat(effects(label)).isEqualTo(1);
        } finally {
            open.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void malformedKeysAreRefusedAndAbsentKeysAreNotRequired() {
        String label = "keys-" + UUID.randomUUID();
        String body = "{\"label\":\"" + label + "\"}";
        for (String bad : List.of("has space", "x".repeat(256), "")) {
            HttpResponse<String> refused = post(aliceToken, bad, body);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(HttpCalls.body(refused).path("code").asText()).isEqualTo("INVALID_IDEMPOTENCY_KEY");
        }
        assertThat(effects(label)).isZero();

        assertThat(post(aliceToken, "x".repeat(255), body).statusCode()).isEqualTo(201);
        assertThat(post(aliceToken, null, body).statusCode()).isEqualTo(201);
        assertThat(post(aliceToken, null, body).statusCode()).isEqualTo(201);
        assertThat(effects(label)).isEqualTo(3);
    }

    private static HttpResponse<String> post(String token, String key, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getLocalPort() + PATH))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long effects(String label) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT count(*) FROM idempotency_probe_effects WHERE label = :label")
                .bind("label", label).mapTo(Long.class).one());
    }

    private static long keyRows(String key) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM idempotency_keys WHERE key = :key")
                .bind("key", key).mapTo(Long.class).one());
    }
}
