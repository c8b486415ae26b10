package com.jakebuysit.domain.account;

import com.jakebuysit.domain.TrustScore;
import com.jakebuysit.domain.UserId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an admin may change on an account: its roles, whether it is banned, its trust score. An
 * absent part is left as it is. The one rule: no admin locks themselves out (drops their own admin
 * role or bans themselves), so there is always someone left who can grant roles back.
 */
public record AdminChange(Optional<Set<Role>> roles, Optional<Boolean> banned, Optional<TrustScore> trustScore) {

    public AdminChange {
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(banned, "banned");
        Objects.requireNonNull(trustScore, "trustScore");
        roles = roles.map(given -> {
            if (given.isEmpty()) {
                throw new IllegalArgumentException("an account has at least one role");
            }
            return Set.copyOf(EnumSet.copyOf(given));
        });
    }

    public boolean isEmpty() {
        return roles.isEmpty() && banned.isEmpty() && trustScore.isEmpty();
    }

    /**
     * The account after this change, made by {@code actor}.
     *
     * @throws SelfLockout when the actor is the account and the change would remove its admin role or ban it
     */
    public User applyTo(User account, UserId actor) {
        if (account.id().equals(actor)) {
            if (roles.isPresent() && account.hasRole(Role.ADMIN) && !roles.get().contains(Role.ADMIN)) {
                throw new SelfLockout("an admin cannot remove their own admin role");
            }
            if (banned.orElse(false)) {
                throw new SelfLockout("an admin cannot ban themselves");
            }
        }
        User next = account;
        if (roles.isPresent()) {
            next = next.withRoles(roles.get());
        }
        if (banned.isPresent()) {
            next = next.withBanned(banned.get());
        }
        if (trustScore.isPresent()) {
            next = next.withTrustScore(trustScore.get());
        }
        return next;
    }
}
