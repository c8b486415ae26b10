package com.jakebuysit.adapters.out.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jakebuysit.application.port.IdempotencyKeys.Claim;
import com.jakebuysit.application.port.IdempotencyKeys.Claimed;
import com.jakebuysit.application.port.IdempotencyKeys.Completed;
import com.jakebuysit.application.port.IdempotencyKeys.InProgress;
import com.jakebuysit.application.port.IdempotencyKeys.KeyReused;
import com.jakebuysit.application.port.IdempotencyKeys.Scope;
import com.jakebuysit.application.port.IdempotencyKeys.StoredResponse;
import com.jakebuysit.testsupport.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

/** Idempotency-Key records on the real PostgreSQL: claim, complete, abandon, expiry, races. */
class JdbiIdempotencyKeysTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Instant EXPIRES = NOW.plus(Duration.ofHours(24));
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestDatabase db;
    private static Jdbi jdbi;
    private static JdbiIdempotencyKeys keys;

    @BeforeAll
    static void migrate() {
        db = TestDatabase.migrated("idempotencykeys");
        jdbi = db.jdbi();
        keys = new JdbiIdempotencyKeys(jdbi);
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    private static Scope scope() {
        return Scope.account(UUID.randomUUID().toString());
    }

    private static UUID claimed(Claim claim) {
        assertThat(claim).isInstanceOf(Claimed.class);
        return ((Claimed) claim).id();
    }

    @Test
    void aFreeKeyIsClaimedAndThenInProgressForTheSameRequestAndReusedForAnother() {
        Scope scope = scope();
        claimed(keys.claim(scope, "k-1", "hash-a", NOW, EXPIRES));

        assertThat(keys.claim(scope, "k-1", "hash-a", NOW, EXPIRES)).isInstanceOf(InProgress.class);
        assertThat(keys.claim(scope, "k-1", "hash-b", NOW, EXPIRES)).isInstanceOf(KeyReused.class);
        assertThat(row(scope, "k-1")).containsEntry("status", "in_progress").containsEntry("request_hash", "hash-a");
    }

    @Test
    void aCompletedKeyAnswersWithTheStoredResponseAndRefusesAnotherRequest() throws Exception {
        Scope scope = scope();
        UUID claim = claimed(keys.claim(scope, "k-2", "hash-a", NOW, EXPIRES));

        Optional<StoredResponse> stored = keys.complete(claim, 201,
                Optional.of("{\"id\": \"x\",\"amount\":\"12.50\", \"n\": 1.50}"), NOW.plusSeconds(1));

        assertThat(stored).isPresent();
        assertThat(stored.get().status()).isEqualTo(201);
        assertThat(JSON.readTree(stored.get().body().orElseThrow()))
                .isEqualTo(JSON.readTree("{\"id\":\"x\",\"amount\":\"12.50\",\"n\":1.50}"));
        Claim again = keys.claim(scope, "k-2", "hash-a", NOW.plusSeconds(2), EXPIRES);
        assertThat(again).isEqualTo(new Completed(stored.get()));
        assertThat(keys.claim(scope, "k-2", "hash-b", NOW.plusSeconds(2), EXPIRES)).isInstanceOf(KeyReused.class);
        // A second completion of the same claim changes nothing.
        assertThat(keys.complete(claim, 500, Optional.empty(), NOW.plusSeconds(3))).isEmpty();
        assertThat(keys.claim(scope, "k-2", "hash-a", NOW.plusSeconds(4), EXPIRES)).isEqualTo(again);
    }

    @Test
    void aResponseWithoutABodyIsStoredAsSuch() {
        Scope scope = scope();
        UUID claim = claimed(keys.claim(scope, "k-3", "h", NOW, EXPIRES));

        keys.complete(claim, 204, Optional.empty(), NOW);

        assertThat(keys.claim(scope, "k-3", "h", NOW, EXPIRES))
                .isEqualTo(new Completed(new StoredResponse(204, Optional.empty())));
    }

    @Test
    void anAbandonedClaimFreesTheKeyButACompletedOneCannotBeAbandoned() {
        Scope scope = scope();
        UUID first = claimed(keys.claim(scope, "k-4", "h", NOW, EXPIRES));

        keys.abandon(first);
        UUID second = claimed(keys.claim(scope, "k-4", "h", NOW, EXPIRES));
        assertThat(second).isNotEqualTo(first);

        keys.complete(second, 200, Optional.of("{}"), NOW);
        keys.abandon(second);
        assertThat(keys.claim(scope, "k-4", "h", NOW, EXPIRES)).isInstanceOf(Completed.class);
    }

    @Test
    void oneKeyInTwoScopesIsTwoKeys() {
        Scope alice = scope();
        Scope bob = scope();
        Scope anonymous = Scope.address("10.0.0.7");
        UUID aliceClaim = claimed(keys.claim(alice, "shared", "h", NOW, EXPIRES));
        keys.complete(aliceClaim, 200, Optional.of("{\"who\":\"alice\"}"), NOW);

        claimed(keys.claim(bob, "shared", "h", NOW, EXPIRES));
        claimed(keys.claim(anonymous, "shared", "other-hash", NOW, EXPIRES));
    }

    @Test
    void anExpiredRecordIsReplacedByANewClaimThatTheOldHolderCannotTouch() {
        Scope scope = scope();
        UUID old = claimed(keys.claim(scope, "k-5", "h", NOW, NOW.plusSeconds(60)));
        keys.complete(old, 200, Optional.of("{\"v\":1}"), NOW);
        Instant later = NOW.plusSeconds(60);

        // Expired at exactly its expiry; a different request may now use the key too.
        UUID fresh = claimed(keys.claim(scope, "k-5", "other", later, later.plusSeconds(60)));
        assertThat(fresh).isNotEqualTo(old);
        assertThat(row(scope, "k-5")).containsEntry("status", "in_progress").containsEntry("request_hash", "other")
                .containsEntry("response_status", null).containsEntry("completed_at", null);

        keys.abandon(old);
        assertThat(keys.complete(old, 200, Optional.of("{}"), later)).isEmpty();
        assertThat(keys.claim(scope, "k-5", "other", later, later.plusSeconds(60))).isInstanceOf(InProgress.class);

        // An in-progress claim expires the same way (its holder crashed).
        Instant muchLater = later.plusSeconds(61);
        claimed(keys.claim(scope, "k-5", "other", muchLater, muchLater.plusSeconds(60)));
    }

    @Test
    void deleteExpiredRemovesOnlyExpiredRecordsInBatches() {
        Scope scope = scope();
        Instant base = Instant.parse("2030-01-01T00:00:00Z");
        db.execute("""
                INSERT INTO idempotency_keys (scope, key, request_hash, expires_at)
                SELECT 'ip:sweep', 'old-' || n, 'h', TIMESTAMPTZ '2030-01-01 00:00:00+00' - interval '1 second'
                  FROM generate_series(1, 2500) AS n
                """);
        claimed(keys.claim(scope, "live", "h", base, base.plusSeconds(1)));
        UUID doneAtTheEdge = claimed(keys.claim(scope, "edge", "h", base.minusSeconds(10), base));
        keys.complete(doneAtTheEdge, 200, Optional.of("{}"), base.minusSeconds(5));

        int deleted = keys.deleteExpired(base);

        assertThat(deleted).isGreaterThanOrEqualTo(2501);
        assertThat(count("expires_at <= TIMESTAMPTZ '2030-01-01 00:00:00+00'")).isZero();
        assertThat(row(scope, "live")).isNotEmpty();
        assertThat(row(scope, "edge")).isEmpty();
    }

    @Test
    void aClaimIsCommittedAtOnceEvenWhenTheCallerIsInsideATransaction() throws Exception {
        Scope scope = scope();
        CountDownLatch claimedInside = new CountDownLatch(1);
        CountDownLatch seen = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<Claim> observer = other.submit(() -> {
                claimedInside.await(10, TimeUnit.SECONDS);
                Claim claim = keys.claim(scope, "k-6", "h", NOW, EXPIRES);
                seen.countDown();
                return claim;
            });
            jdbi.useTransaction(handle -> {
                claimed(keys.claim(scope, "k-6", "h", NOW, EXPIRES));
                claimedInside.countDown();
                // The outer transaction is still open while the other thread looks.
                assertThat(seen.await(10, TimeUnit.SECONDS)).isTrue();
                handle.rollback();
            });
            assertThat(observer.get(10, TimeUnit.SECONDS)).isInstanceOf(InProgress.class);
            assertThat(row(scope, "k-6")).containsEntry("status", "in_progress");
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void manyConcurrentClaimsOfOneKeyMakeExactlyOneWinner() throws Exception {
        Scope scope = scope();
        List<Claim> claims = race(scope, "race");
        assertThat(claims).filteredOn(Claimed.class::isInstance).hasSize(1);
        assertThat(claims).filteredOn(InProgress.class::isInstance).hasSize(RACERS - 1);
    }

    @Test
    void manyConcurrentClaimsOfOneExpiredKeyMakeExactlyOneWinner() throws Exception {
        Scope scope = scope();
        UUID stale = claimed(keys.claim(scope, "stale-race", "h", NOW.minusSeconds(120), NOW.minusSeconds(60)));
        List<Claim> claims = race(scope, "stale-race");
        assertThat(claims).filteredOn(Claimed.class::isInstance).hasSize(1)
                .noneMatch(claim -> ((Claimed) claim).id().equals(stale));
        assertThat(claims).filteredOn(InProgress.class::isInstance).hasSize(RACERS - 1);
    }

    private static final int RACERS = 32;

    /** {@value #RACERS} threads claim one key with one request at the same moment. */
    private List<Claim> race(Scope scope, String key) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Claim>> futures = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return keys.claim(scope, key, "h", NOW, EXPIRES);
                }));
            }
            start.countDown();
            List<Claim> claims = new ArrayList<>();
            for (Future<Claim> future : futures) {
                claims.add(future.get(30, TimeUnit.SECONDS));
            }
            return claims;
        } finally {
            pool.shutdownNow();
        }
    }

    private static java.util.Map<String, Object> row(Scope scope, String key) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT status, request_hash, response_status, completed_at
                          FROM idempotency_keys WHERE scope = :scope AND key = :key
                        """)
                .bind("scope", scope.value())
                .bind("key", key)
                .mapToMap()
                .findOne()
                .orElse(java.util.Map.of()));
    }

    private static long count(String where) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM idempotency_keys WHERE " + where)
                .mapTo(Long.class).one());
    }
}
