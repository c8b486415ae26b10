package com.jakebuysit.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jakebuysit.domain.Email;
import com.jakebuysit.domain.TrustScore;
import com.jakebuysit.domain.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdminChangeTest {

    private static final User ADMIN = User.register(UserId.random(), Email.of("admin@example.com"), Optional.empty(),
            "Ada", Optional.empty(), TrustScore.of(50), Instant.parse("2024-01-01T00:00:00Z"))
            .withRoles(Set.of(Role.USER, Role.ADMIN));
    private static final User SELLER = User.register(UserId.random(), Email.of("seller@example.com"), Optional.empty(),
            "Sam", Optional.empty(), TrustScore.of(50), Instant.parse("2024-01-01T00:00:00Z"));

    @Test
    void changesOnlyWhatIsGiven() {
        User after = new AdminChange(Optional.of(Set.of(Role.USER, Role.REVIEWER)), Optional.empty(),
                Optional.of(TrustScore.of(80))).applyTo(SELLER, ADMIN.id());
        assertThat(after.roles()).containsExactlyInAnyOrder(Role.USER, Role.REVIEWER);
        assertThat(after.trustScore()).isEqualTo(TrustScore.of(80));
        assertThat(after.banned()).isFalse();
        assertThat(after.name()).isEqualTo("Sam");
    }

    @Test
    void anAdminMayBanAndDemoteAnotherAdmin() {
        User other = ADMIN.withProfile("Other", Optional.empty());
        User changed = new AdminChange(Optional.of(Set.of(Role.USER)), Optional.of(true), Optional.empty())
                .applyTo(other, UserId.random());
        assertThat(changed.banned()).isTrue();
        assertThat(changed.hasRole(Role.ADMIN)).isFalse();
    }

    @Test
    void anAdminCannotDropTheirOwnAdminRole() {
        AdminChange demote = new AdminChange(Optional.of(Set.of(Role.USER)), Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> demote.applyTo(ADMIN, ADMIN.id()))
                .isInstanceOf(SelfLockout.class)
                .satisfies(e -> assertThat(((SelfLockout) e).code()).isEqualTo("SELF_LOCKOUT"));
    }

    @Test
    void anAdminCannotBanThemselvesButMayChangeTheirOtherRolesAndTrust() {
        assertThatThrownBy(() -> new AdminChange(Optional.empty(), Optional.of(true), Optional.empty())
                .applyTo(ADMIN, ADMIN.id())).isInstanceOf(SelfLockout.class);
        User changed = new AdminChange(Optional.of(Set.of(Role.ADMIN, Role.REVIEWER)), Optional.of(false),
                Optional.of(TrustScore.of(90))).applyTo(ADMIN, ADMIN.id());
        assertThat(changed.roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.REVIEWER);
    }

    @Test
    void rolesWhenGivenAreNeverEmpty() {
        assertThatThrownBy(() -> new AdminChange(Optional.of(Set.of()), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new AdminChange(Optional.empty(), Optional.empty(), Optional.empty()).isEmpty()).isTrue();
    }
}
