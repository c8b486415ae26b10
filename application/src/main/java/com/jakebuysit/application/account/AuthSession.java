package com.jakebuysit.application.account;

import com.jakebuysit.domain.account.User;
import java.time.Instant;
import java.util.Objects;

/**
 * What a successful sign-in, registration or refresh hands the client: the account, a short-lived
 * access token and the refresh token that replaces it. {@link #toString} never shows the tokens.
 *
 * @param refreshTokenExpiresAt when the refresh token dies unused (idle end, capped by the family's absolute end)
 */
public record AuthSession(User user, String accessToken, Instant accessTokenExpiresAt, String refreshToken,
                          Instant refreshTokenExpiresAt) {

    public AuthSession {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(accessTokenExpiresAt, "accessTokenExpiresAt");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(refreshTokenExpiresAt, "refreshTokenExpiresAt");
    }

    @Override
    public String toString() {
        return "AuthSession[user=" + user.id() + ", accessTokenExpiresAt=" + accessTokenExpiresAt
                + ", refreshTokenExpiresAt=" + refreshTokenExpiresAt + "]";
    }
}
