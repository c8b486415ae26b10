package com.jakebuysit.adapters.out.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jakebuysit.application.port.ConcurrentUpdate;
import com.jakebuysit.application.port.RefreshTokens.StoredRefreshToken;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.account.User;
import com.jakebuysit.testsupport.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Refresh tokens on the real PostgreSQL: by hash, locked, rotated once, revoked by family or account. */
class JdbiRefreshTokensTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    /** Threads of our own: the common pool may have a single thread on a small machine. */
    private static final ExecutorService POOL = Executors.newFixedThreadPool(4);

    private static TestDatabase db;
    private static Jdbi jdbi;
    private static JdbiRefreshTokens tokens;
    private static JdbiUsers users;
    private static JdbiTransactor transactor;

    @BeforeAll
    static void migrate() {
        db = TestDatabase.migrated("refreshtokens");
        jdbi = db.jdbi();
        tokens = new JdbiRefreshTokens(jdbi);
        users = new JdbiUsers(jdbi);
        transactor = new JdbiTransactor(jdbi);
    }

    @AfterAll
    static void drop() {
        POOL.shutdownNow();
        db.close();
    }

    @Test
    void stores_and_finds_a_token_by_its_hash() {
        User user = anAccount();
        StoredRefreshToken token = token(user.id(), UUID.randomUUID());

        tokens.insert(token);

        assertThat(transactor.inTransaction(() -> tokens.lockByHash(token.tokenHash()))).contains(token);
        assertThat(transactor.inTransaction(() -> tokens.lockByHash("no-such-hash"))).isEmpty();
    }

    @Test
    void rotation_marks_the_token_and_links_its_successor_once() {
        User user = anAccount();
        UUID family = UUID.randomUUID();
        StoredRefreshToken first = token(user.id(), family);
        StoredRefreshToken second = token(user.id(), family);
        tokens.insert(first);
        tokens.insert(second);

        tokens.markRotated(first.id(), second.id(), NOW.plusSeconds(5));

        StoredRefreshToken rotated = transactor.inTransaction(() -> tokens.lockByHash(first.tokenHash())).orElseThrow();
        assertThat(rotated.rotatedAt()).contains(NOW.plusSeconds(5));
        assertThat(rotated.isLive(NOW.plusSeconds(6))).isFalse();
        UUID replacedBy = jdbi.withHandle(h -> h.createQuery("SELECT replaced_by FROM refresh_tokens WHERE id = :id")
                .bind("id", first.id()).mapTo(UUID.class).one());
        assertThat(replacedBy).isEqualTo(second.id());
        assertThatThrownBy(() -> tokens.markRotated(first.id(), second.id(), NOW.plusSeconds(7)))
                .isInstanceOf(ConcurrentUpdate.class);
    }

    @Test
    void revoking_a_family_ends_its_live_tokens_and_no_other_family() {
        User user = anAccount();
        UUID family = UUID.randomUUID();
        StoredRefreshToken rotated = token(user.id(), family);
        StoredRefreshToken live = token(user.id(), family);
        StoredRefreshToken otherFamily = token(user.id(), UUID.randomUUID());
        tokens.insert(rotated);
        tokens.insert(live);
        tokens.insert(otherFamily);
        tokens.markRotated(rotated.id(), live.id(), NOW);

        int revoked = transactor.inTransaction(() -> tokens.revokeFamily(family, NOW.plusSeconds(1), "reuse"));

        assertThat(revoked).isEqualTo(1);
        assertThat(find(live).revokedAt()).contains(NOW.plusSeconds(1));
        assertThat(find(otherFamily).revokedAt()).isEmpty();
        String reason = jdbi.withHandle(h -> h.createQuery("SELECT revoked_reason FROM refresh_tokens WHERE id = :id")
                .bind("id", live.id()).mapTo(String.class).one());
        assertThat(reason).isEqualTo("reuse");
        assertThat(transactor.inTransaction(() -> tokens.revokeFamily(family, NOW.plusSeconds(2), "again"))).isZero();
    }

    @Test
    void revoking_an_account_ends_every_family_of_it_and_nobody_elses() {
        User user = anAccount();
        User someoneElse = anAccount();
        StoredRefreshToken a = token(user.id(), UUID.randomUUID());
        StoredRefreshToken b = token(user.id(), UUID.randomUUID());
        StoredRefreshToken theirs = token(someoneElse.id(), UUID.randomUUID());
        tokens.insert(a);
        tokens.insert(b);
        tokens.insert(theirs);

        int revoked = transactor.inTransaction(() -> tokens.revokeAllOf(user.id(), NOW, "password_reset"));

        assertThat(revoked).isEqualTo(2);
        assertThat(find(a).revokedAt()).isPresent();
        assertThat(find(b).revokedAt()).isPresent();
        assertThat(find(theirs).revokedAt()).isEmpty();
    }

    @Test
    void a_locked_token_keeps_a_second_transaction_waiting_until_the_first_commits() throws Exception {
        User user = anAccount();
        StoredRefreshToken token = token(user.id(), UUID.randomUUID());
        tokens.insert(token);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> transactor.inTransaction(() -> {
            tokens.lockByHash(token.tokenHash()).orElseThrow();
            locked.countDown();
            await(release);
            tokens.markRotated(token.id(), null, NOW);
        }), POOL);
        assertThat(locked.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Optional<StoredRefreshToken>> waiter = CompletableFuture.supplyAsync(
                () -> transactor.inTransaction(() -> tokens.lockByHash(token.tokenHash())), POOL);

        Thread.sleep(300);
        assertThat(waiter).isNotDone();
        release.countDown();
        holder.get(5, TimeUnit.SECONDS);

        // The waiter reads the row as the first transaction left it: rotated.
        assertThat(waiter.get(5, TimeUnit.SECONDS).orElseThrow().rotatedAt()).contains(NOW);
    }

    @Test
    void a_revocation_waiting_on_a_rotation_also_revokes_the_token_that_rotation_issued() throws Exception {
        User user = anAccount();
        UUID family = UUID.randomUUID();
        StoredRefreshToken head = token(user.id(), family);
        tokens.insert(head);
        StoredRefreshToken successor = token(user.id(), family);
        CountDownLatch rotating = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        CompletableFuture<Void> rotation = CompletableFuture.runAsync(() -> transactor.inTransaction(() -> {
            tokens.lockByHash(head.tokenHash()).orElseThrow();
            tokens.insert(successor);
            tokens.markRotated(head.id(), successor.id(), NOW);
            rotating.countDown();
            await(release);
        }), POOL);
        assertThat(rotating.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Integer> revocation = CompletableFuture.supplyAsync(
                () -> transactor.inTransaction(() -> tokens.revokeFamily(family, NOW.plusSeconds(1), "reuse")), POOL);
        Thread.sleep(300);
        assertThat(revocation).isNotDone();

        release.countDown();
        rotation.get(5, TimeUnit.SECONDS);

        assertThat(revocation.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(find(successor).revokedAt()).isPresent();
    }

    @Test
    void rows_keep_their_times_to_the_microsecond() {
        User user = anAccount();
        Instant created = Instant.parse("2025-06-01T12:00:00.123456Z");
        StoredRefreshToken token = new StoredRefreshToken(UUID.randomUUID(), user.id(), UUID.randomUUID(),
                "hash-" + UUID.randomUUID(), created, created.plus(Duration.ofDays(30)), created.plus(Duration.ofDays(7)),
                Optional.empty(), Optional.empty());

        tokens.insert(token);

        assertThat(find(token)).isEqualTo(token);
    }

    private static StoredRefreshToken find(StoredRefreshToken token) {
        return transactor.inTransaction(() -> tokens.lockByHash(token.tokenHash())).orElseThrow();
    }

    private static StoredRefreshToken token(UserId userId, UUID family) {
        return new StoredRefreshToken(UUID.randomUUID(), userId, family, "hash-" + UUID.randomUUID(), NOW,
                NOW.plus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(7)), Optional.empty(), Optional.empty());
    }

    private static User anAccount() {
        User user = Accounts.anAccount("Token Holder", Instant.now().truncatedTo(ChronoUnit.MICROS));
        users.insert(user);
        return user;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the lock");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
