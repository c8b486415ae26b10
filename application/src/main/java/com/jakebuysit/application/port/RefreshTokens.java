package com.jakebuysit.application.port;

import com.jakebuysit.domain.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Refresh tokens, stored only as hashes, grouped in families that rotate together. */
public interface RefreshTokens {

    void insert(StoredRefreshToken token);

    /** Reads the token with this hash and locks it until the transaction ends. */
    Optional<StoredRefreshToken> lockByHash(String tokenHash);

    /** Marks {@code id} rotated at {@code at}, replaced by {@code replacedBy}. */
    void markRotated(UUID id, UUID replacedBy, Instant at);

    /** Revokes every live token of the family; returns how many. */
    int revokeFamily(UUID familyId, Instant at, String reason);

    /** Revokes every live token of the account (password reset, ban); returns how many. */
    int revokeAllOf(UserId userId, Instant at, String reason);

    /**
     * @param expiresAt the absolute end of the family (30 days from sign-in), carried across rotations
     * @param idleExpiresAt when this token dies unused (7 days from issue)
     */
    record StoredRefreshToken(UUID id, UserId userId, UUID familyId, String tokenHash, Instant createdAt,
                              Instant expiresAt, Instant idleExpiresAt, Optional<Instant> rotatedAt,
                              Optional<Instant> revokedAt) {

        public boolean isLive(Instant now) {
            return rotatedAt.isEmpty() && revokedAt.isEmpty() && now.isBefore(expiresAt) && now.isBefore(idleExpiresAt);
        }
    }
}
