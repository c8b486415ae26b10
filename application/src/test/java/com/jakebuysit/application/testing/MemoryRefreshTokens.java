package com.jakebuysit.application.testing;

import com.jakebuysit.application.port.RefreshTokens;
import com.jakebuysit.domain.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/** Refresh tokens in a map; every account-wide revocation is also kept, for tests to read. */
public final class MemoryRefreshTokens implements RefreshTokens {

    /** One {@link #revokeAllOf} call. */
    public record Revocation(UserId userId, Instant at, String reason) {
    }

    private final Map<UUID, StoredRefreshToken> rows = new LinkedHashMap<>();
    public final List<Revocation> revocations = new ArrayList<>();

    @Override
    public void insert(StoredRefreshToken token) {
        rows.put(token.id(), token);
    }

    @Override
    public Optional<StoredRefreshToken> lockByHash(String tokenHash) {
        return rows.values().stream().filter(t -> t.tokenHash().equals(tokenHash)).findFirst();
    }

    @Override
    public void markRotated(UUID id, UUID replacedBy, Instant at) {
        rows.computeIfPresent(id, (key, t) -> new StoredRefreshToken(t.id(), t.userId(), t.familyId(), t.tokenHash(),
                t.createdAt(), t.expiresAt(), t.idleExpiresAt(), Optional.of(at), t.revokedAt()));
    }

    @Override
    public int revokeFamily(UUID familyId, Instant at, String reason) {
        return revokeWhere(t -> t.familyId().equals(familyId), at);
    }

    @Override
    public int revokeAllOf(UserId userId, Instant at, String reason) {
        revocations.add(new Revocation(userId, at, reason));
        return revokeWhere(t -> t.userId().equals(userId), at);
    }

    private int revokeWhere(Predicate<StoredRefreshToken> which, Instant at) {
        int revoked = 0;
        for (StoredRefreshToken t : List.copyOf(rows.values())) {
            if (which.test(t) && t.revokedAt().isEmpty() && t.rotatedAt().isEmpty()) {
                rows.put(t.id(), new StoredRefreshToken(t.id(), t.userId(), t.familyId(), t.tokenHash(),
                        t.createdAt(), t.expiresAt(), t.idleExpiresAt(), t.rotatedAt(), Optional.of(at)));
                revoked++;
            }
        }
        return revoked;
    }
}
