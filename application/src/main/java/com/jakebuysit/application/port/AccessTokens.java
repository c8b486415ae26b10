package com.jakebuysit.application.port;

import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.account.Role;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Short-lived signed access tokens (JWT). */
public interface AccessTokens {

    Issued issue(UserId userId, Set<Role> roles, Instant now);

    /** The claims of a token this service signed and that has not expired; empty otherwise. */
    Optional<Claims> verify(String token, Instant now);

    record Issued(String token, Instant expiresAt) {
    }

    record Claims(UserId userId, Set<Role> roles, String tokenId, Instant expiresAt) {
        public Claims {
            roles = Set.copyOf(roles);
        }
    }
}
