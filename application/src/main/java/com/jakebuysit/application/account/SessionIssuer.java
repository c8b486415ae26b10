package com.jakebuysit.application.account;

import com.jakebuysit.application.port.AccessTokens;
import com.jakebuysit.application.port.RefreshTokens;
import com.jakebuysit.application.port.RefreshTokens.StoredRefreshToken;
import com.jakebuysit.domain.account.User;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues an access token and a refresh token, either in a new family (a sign-in) or as the next
 * link of an existing one (a refresh). Runs inside the calling use case's transaction.
 */
public final class SessionIssuer {

    /**
     * @param idle how long a refresh token lives unused (7 days)
     * @param absolute how long a family lives from sign-in, however often it rotates (30 days)
     */
    public record Lifetimes(Duration idle, Duration absolute) {
        public Lifetimes {
            if (idle == null || absolute == null || idle.isNegative() || idle.isZero() || absolute.compareTo(idle) < 0) {
                throw new IllegalArgumentException("refresh lifetimes must be positive, absolute >= idle");
            }
        }
    }

    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final Lifetimes lifetimes;

    public SessionIssuer(AccessTokens accessTokens, RefreshTokens refreshTokens, Lifetimes lifetimes) {
        this.accessTokens = Objects.requireNonNull(accessTokens, "accessTokens");
        this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
        this.lifetimes = Objects.requireNonNull(lifetimes, "lifetimes");
    }

    /** A new family: the refresh chain of one sign-in, ending {@code absolute} after it at the latest. */
    public AuthSession start(User user, Instant now) {
        return issue(user, UUID.randomUUID(), now.plus(lifetimes.absolute()), now, Optional.empty());
    }

    /**
     * The next token of {@code current}'s family; {@code current} (locked by the caller and checked
     * live) is marked rotated. The family's absolute end carries over unchanged.
     */
    public AuthSession rotate(StoredRefreshToken current, User user, Instant now) {
        return issue(user, current.familyId(), current.expiresAt(), now, Optional.of(current));
    }

    private AuthSession issue(User user, UUID familyId, Instant familyEnd, Instant now,
                              Optional<StoredRefreshToken> replacing) {
        String token = SecretTokens.newToken();
        Instant idleEnd = now.plus(lifetimes.idle());
        if (idleEnd.isAfter(familyEnd)) {
            idleEnd = familyEnd;
        }
        UUID id = UUID.randomUUID();
        refreshTokens.insert(new StoredRefreshToken(id, user.id(), familyId, SecretTokens.hash(token), now,
                familyEnd, idleEnd, Optional.empty(), Optional.empty()));
        // After the insert: replaced_by references the new row.
        replacing.ifPresent(old -> refreshTokens.markRotated(old.id(), id, now));
        AccessTokens.Issued access = accessTokens.issue(user.id(), user.roles(), now);
        return new AuthSession(user, access.token(), access.expiresAt(), token, idleEnd);
    }
}
