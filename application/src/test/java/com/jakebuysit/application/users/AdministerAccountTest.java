package com.jakebuysit.application.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jakebuysit.application.port.AuditLog;
import com.jakebuysit.application.port.Transactor;
import com.jakebuysit.application.testing.MemoryRefreshTokens;
import com.jakebuysit.application.testing.MemoryUsers;
import com.jakebuysit.domain.Email;
import com.jakebuysit.domain.TrustScore;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.account.AdminChange;
import com.jakebuysit.domain.account.Role;
import com.jakebuysit.domain.account.SelfLockout;
import com.jakebuysit.domain.account.User;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The admin's changes on in-memory ports: what is written, audited and revoked, and what is not. */
class AdministerAccountTest {

    private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

    private final MemoryUsers users = new MemoryUsers();
    private final List<AuditLog.AuditEntry> audit = new ArrayList<>();
    private final MemoryRefreshTokens refreshTokens = new MemoryRefreshTokens();
    private final AdministerAccount administer = new AdministerAccount(new Transactor() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }
    }, users, refreshTokens, audit::add, Clock.fixed(NOW, ZoneOffset.UTC));

    private final User admin = users.add(account("admin@example.com").withRoles(EnumSet.of(Role.USER, Role.ADMIN)));
    private final User seller = users.add(account("seller@example.com"));

    @Test
    void aBanIsWrittenAuditedAndEndsTheSessions() {
        User banned = run(seller, new AdminChange(Optional.empty(), Optional.of(true), Optional.empty())).orElseThrow();

        assertThat(banned.banned()).isTrue();
        assertThat(users.byId(seller.id()).orElseThrow().banned()).isTrue();
        assertThat(revoked()).containsExactly(seller.id());
        assertThat(audit).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("admin_updated");
            assertThat(entry.before()).isEqualTo(Map.of("banned", false));
            assertThat(entry.after()).isEqualTo(Map.of("banned", true));
            assertThat(entry.actor().actorId()).contains(admin.id().toString());
        });
    }

    @Test
    void aChangeThatChangesNothingWritesAndAuditsNothing() {
        run(seller, new AdminChange(Optional.of(Set.of(Role.USER)), Optional.of(false), Optional.of(TrustScore.of(50))));

        assertThat(users.updates).isZero();
        assertThat(audit).isEmpty();
        assertThat(revoked()).isEmpty();
    }

    @Test
    void unbanningRevokesNothing() {
        run(seller, new AdminChange(Optional.empty(), Optional.of(true), Optional.empty()));
        refreshTokens.revocations.clear();
        run(seller, new AdminChange(Optional.empty(), Optional.of(false), Optional.empty()));
        assertThat(revoked()).isEmpty();
        assertThat(audit).hasSize(2);
    }

    @Test
    void selfLockoutWritesNothing() {
        assertThatThrownBy(() -> run(admin, new AdminChange(Optional.of(Set.of(Role.USER)), Optional.empty(),
                Optional.empty()))).isInstanceOf(SelfLockout.class);
        assertThat(users.updates).isZero();
        assertThat(audit).isEmpty();
    }

    @Test
    void anUnknownAccountIsEmpty() {
        User stranger = account("stranger@example.com");
        assertThat(run(stranger, new AdminChange(Optional.empty(), Optional.of(true), Optional.empty()))).isEmpty();
        assertThat(revoked()).isEmpty();
    }

    private Optional<User> run(User target, AdminChange change) {
        AuditLog.Actor actor = new AuditLog.Actor(Optional.of(admin.id().toString()), "admin", Optional.empty(),
                Optional.empty(), Optional.empty());
        return administer.execute(new AdministerAccount.Command(target.id(), change, admin.id(), actor));
    }

    private static User account(String email) {
        return User.register(UserId.random(), Email.of(email), Optional.empty(), "Name", Optional.empty(),
                TrustScore.of(50), NOW);
    }

    /** Who had every session revoked; each revocation is the ban's, at the admin's time. */
    private List<UserId> revoked() {
        refreshTokens.revocations.forEach(revocation -> {
            assertThat(revocation.reason()).isEqualTo("banned");
            assertThat(revocation.at()).isEqualTo(NOW);
        });
        return refreshTokens.revocations.stream().map(MemoryRefreshTokens.Revocation::userId).toList();
    }
}
