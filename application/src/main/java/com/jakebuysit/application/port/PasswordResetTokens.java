package com.jakebuysit.application.port;

import com.jakebuysit.domain.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Single-use password-reset tokens, stored only as hashes. */
public interface PasswordResetTokens {

    void insert(StoredResetToken token);

    /** Reads the token with this hash and locks it until the transaction ends. */
    Optional<StoredResetToken> lockByHash(String tokenHash);

    void markUsed(UUID id, Instant at);

    record StoredResetToken(UUID id, UserId userId, String tokenHash, Instant createdAt, Instant expiresAt,
                            Optional<Instant> usedAt) {

        public boolean isUsable(Instant now) {
            return usedAt.isEmpty() && now.isBefore(expiresAt);
        }
    }
}
