package com.jakebuysit.adapters.out.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jakebuysit.application.port.ConcurrentUpdate;
import com.jakebuysit.application.port.PasswordResetTokens.StoredResetToken;
import com.jakebuysit.domain.account.User;
import com.jakebuysit.testsupport.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Password-reset tokens on the real PostgreSQL: by hash, single use, expiring. */
class JdbiPasswordResetTokensTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private static TestDatabase db;
    private static JdbiPasswordResetTokens tokens;
    private static JdbiUsers users;
    private static JdbiTransactor transactor;

    @BeforeAll
    static void migrate() {
        db = TestDatabase.migrated("resettokens");
        tokens = new JdbiPasswordResetTokens(db.jdbi());
        users = new JdbiUsers(db.jdbi());
        transactor = new JdbiTransactor(db.jdbi());
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void stores_and_finds_a_token_by_its_hash_only() {
        StoredResetToken token = token(anAccount());

        tokens.insert(token);

        assertThat(transactor.inTransaction(() -> tokens.lockByHash(token.tokenHash()))).contains(token);
        assertThat(transactor.inTransaction(() -> tokens.lockByHash("unknown"))).isEmpty();
    }

    @Test
    void a_token_is_used_once() {
        StoredResetToken token = token(anAccount());
        tokens.insert(token);

        tokens.markUsed(token.id(), NOW.plusSeconds(60));

        StoredResetToken used = transactor.inTransaction(() -> tokens.lockByHash(token.tokenHash())).orElseThrow();
        assertThat(used.usedAt()).contains(NOW.plusSeconds(60));
        assertThat(used.isUsable(NOW.plusSeconds(61))).isFalse();
        assertThatThrownBy(() -> tokens.markUsed(token.id(), NOW.plusSeconds(62))).isInstanceOf(ConcurrentUpdate.class);
    }

    @Test
    void a_token_is_usable_until_it_expires() {
        StoredResetToken token = token(anAccount());

        assertThat(token.isUsable(NOW.plus(Duration.ofMinutes(29)))).isTrue();
        assertThat(token.isUsable(NOW.plus(Duration.ofMinutes(30)))).isFalse();
    }

    @Test
    void the_same_hash_cannot_be_stored_twice() {
        User user = anAccount();
        StoredResetToken token = token(user);
        tokens.insert(token);

        assertThatThrownBy(() -> tokens.insert(new StoredResetToken(UUID.randomUUID(), user.id(), token.tokenHash(),
                NOW, NOW.plusSeconds(60), Optional.empty()))).isInstanceOf(RuntimeException.class);
    }

    private static StoredResetToken token(User user) {
        return new StoredResetToken(UUID.randomUUID(), user.id(), "hash-" + UUID.randomUUID(), NOW,
                NOW.plus(Duration.ofMinutes(30)), Optional.empty());
    }

    private static User anAccount() {
        User user = Accounts.anAccount("Forgetful");
        users.insert(user);
        return user;
    }
}
