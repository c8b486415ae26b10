package com.jakebuysit.adapters.out.jwt;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.jakebuysit.application.port.AccessTokens;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.account.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Access tokens as HS256 JWTs. The verifier is bound to one algorithm and one key, so a token
 * with {@code alg: none}, another algorithm or another key is refused before any claim is read.
 */
public final class JwtAccessTokens implements AccessTokens {

    public static final int MIN_SECRET_BYTES = 32;

    private final Algorithm algorithm;
    private final String issuer;
    private final String audience;
    private final Duration lifetime;

    public JwtAccessTokens(byte[] secret, String issuer, String audience, Duration lifetime) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the JWT secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.algorithm = Algorithm.HMAC256(secret);
        this.issuer = issuer;
        this.audience = audience;
        this.lifetime = lifetime;
    }

    @Override
    public Issued issue(UserId userId, Set<Role> roles, Instant now) {
        Instant expiresAt = now.plus(lifetime);
        String token = JWT.create()
                .withIssuer(issuer)
                .withAudience(audience)
                .withSubject(userId.toString())
                .withClaim("roles", roles.stream().map(Role::code).sorted().toList())
                .withIssuedAt(now)
                .withExpiresAt(expiresAt)
                .withJWTId(UUID.randomUUID().toString())
                .sign(algorithm);
        return new Issued(token, expiresAt);
    }

    @Override
    public Optional<Claims> verify(String token, Instant now) {
        // BaseVerification is the one that takes a clock; the time is ours, not the JVM's.
        JWTVerifier verifier = ((JWTVerifier.BaseVerification) JWT.require(algorithm)
                .withIssuer(issuer)
                .withAudience(audience)
                .withClaimPresence("sub")
                .withClaimPresence("jti")
                .withClaimPresence("roles")
                .withClaimPresence("exp")
                .withClaimPresence("iat")
                .acceptLeeway(0))
                .build(new FixedClock(now));
        try {
            DecodedJWT jwt = verifier.verify(token);
            // Presence checks let a claim through whose value is JSON null; a token of ours has every one.
            List<String> codes = jwt.getClaim("roles").asList(String.class);
            if (jwt.getExpiresAtAsInstant() == null || jwt.getIssuedAtAsInstant() == null || jwt.getId() == null
                    || jwt.getId().isBlank() || codes == null || codes.isEmpty()) {
                return Optional.empty();
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String code : codes) {
                roles.add(Role.fromCode(code));
            }
            return Optional.of(new Claims(UserId.of(jwt.getSubject()), roles, jwt.getId(),
                    jwt.getExpiresAtAsInstant()));
        } catch (JWTVerificationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** java-jwt reads time through java.time.Clock; ours comes from the caller. */
    private static final class FixedClock extends java.time.Clock {
        private final Instant now;

        FixedClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
