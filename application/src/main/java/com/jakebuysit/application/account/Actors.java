package com.jakebuysit.application.account;

import com.jakebuysit.application.port.AuditLog.Actor;
import com.jakebuysit.domain.account.Role;
import com.jakebuysit.domain.account.User;
import java.util.Optional;

/** The audit actor of an account use case, once the account acting is known. */
final class Actors {

    private Actors() {
    }

    /** {@code from}'s address, agent and request id, acting as {@code user}. */
    static Actor as(Actor from, User user) {
        // The most powerful role the account holds names the actor.
        String role = user.roles().stream().max(java.util.Comparator.naturalOrder()).map(Role::code).orElse("user");
        return new Actor(Optional.of(user.id().toString()), role, from.ip(), from.userAgent(), from.requestId());
    }
}
