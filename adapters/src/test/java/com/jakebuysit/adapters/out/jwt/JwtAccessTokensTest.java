package com.jakebuysit.adapters.out.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import com.jakebuysit.application.port.AccessTokens;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.account.Role;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The access-token verifier against the known JWT attacks, with the real library: each forged
 * token differs from a good one in exactly one way, so each refusal pins one check.
 */
class JwtAccessTokensTest {

    private static final byte[] SECRET = "a-test-secret-of-at-least-thirty-two-bytes!".getBytes(StandardCharsets.UTF_8);
    private static final String ISSUER = "jakebuysit";
    private static final String AUDIENCE = "jakebuysit-api";
    private static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final UserId USER = UserId.of("3f2b8c1e-5d4a-4b6f-9a7e-1c2d3e4f5a6b");

    private final JwtAccessTokens tokens = new JwtAccessTokens(SECRET, ISSUER, AUDIENCE, LIFETIME);

    @Test
    void a_token_it_issued_verifies_with_its_claims() {
        AccessTokens.Issued issued = tokens.issue(USER, EnumSet.of(Role.USER, Role.ADMIN), NOW);

        AccessTokens.Claims claims = tokens.verify(issued.token(), NOW.plusSeconds(60)).orElseThrow();

        assertThat(claims.userId()).isEqualTo(USER);
        assertThat(claims.roles()).containsExactlyInAnyOrder(Role.USER, Role.ADMIN);
        assertThat(claims.tokenId()).isNotBlank();
        assertThat(claims.expiresAt()).isEqualTo(NOW.plus(LIFETIME));
        assertThat(issued.expiresAt()).isEqualTo(NOW.plus(LIFETIME));
        assertThat(JWT.decode(issued.token()).getAlgorithm()).isEqualTo("HS256");
    }

    @Test
    void a_hand_made_good_token_verifies_so_the_forgeries_below_fail_for_their_one_difference() {
        assertThat(tokens.verify(good().sign(Algorithm.HMAC256(SECRET)), NOW)).isPresent();
        assertThat(tokens.verify(without("no-such-claim"), NOW)).isPresent();
    }

    @Test
    void refuses_alg_none() {
        String unsigned = good().sign(Algorithm.none());
        assertThat(JWT.decode(unsigned).getAlgorithm()).isEqualTo("none");

        assertThat(tokens.verify(unsigned, NOW)).isEmpty();
        // Also with the header rewritten by hand, in other spellings, and a signature left on.
        String[] parts = good().sign(Algorithm.HMAC256(SECRET)).split("\\.");
        for (String alg : List.of("none", "None", "NONE", "nOnE")) {
            String header = b64("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}");
            assertThat(tokens.verify(header + "." + parts[1] + ".", NOW)).as(alg).isEmpty();
            assertThat(tokens.verify(header + "." + parts[1] + "." + parts[2], NOW)).as(alg).isEmpty();
        }
    }

    @Test
    void refuses_hs256_with_another_key() {
        byte[] other = "another-secret-of-at-least-thirty-two-bytes".getBytes(StandardCharsets.UTF_8);
        assertThat(tokens.verify(good().sign(Algorithm.HMAC256(other)), NOW)).isEmpty();
    }

    @Test
    void refuses_another_hmac_algorithm_even_with_the_right_secret() {
        assertThat(tokens.verify(good().sign(Algorithm.HMAC384(SECRET)), NOW)).isEmpty();
        assertThat(tokens.verify(good().sign(Algorithm.HMAC512(SECRET)), NOW)).isEmpty();
    }

    @Test
    void refuses_rs256_tokens_hs_rs_confusion() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();

        String rs256 = good().sign(Algorithm.RSA256(publicKey, (RSAPrivateKey) pair.getPrivate()));
        // The classic confusion: HMAC keyed with the public key's bytes, as a verifier that
        // trusted the header's alg and handed it "the key" would check it.
        String hsWithPublicKey = good().sign(Algorithm.HMAC256(publicKey.getEncoded()));
        String hsWithPem = good().sign(Algorithm.HMAC256(pem(publicKey.getEncoded())));

        assertThat(tokens.verify(rs256, NOW)).isEmpty();
        assertThat(tokens.verify(hsWithPublicKey, NOW)).isEmpty();
        assertThat(tokens.verify(hsWithPem, NOW)).isEmpty();
    }

    @Test
    void refuses_a_wrong_audience() {
        assertThat(tokens.verify(good().withAudience("someone-else").sign(Algorithm.HMAC256(SECRET)), NOW)).isEmpty();
        assertThat(tokens.verify(good().withAudience((String) null).sign(Algorithm.HMAC256(SECRET)), NOW)).isEmpty();
    }

    @Test
    void refuses_a_wrong_issuer() {
        assertThat(tokens.verify(good().withIssuer("evil").sign(Algorithm.HMAC256(SECRET)), NOW)).isEmpty();
        assertThat(tokens.verify(good().withIssuer(null).sign(Algorithm.HMAC256(SECRET)), NOW)).isEmpty();
    }

    @Test
    void refuses_an_expired_token_and_accepts_it_until_then() {
        String token = tokens.issue(USER, EnumSet.of(Role.USER), NOW).token();

        assertThat(tokens.verify(token, NOW.plus(LIFETIME).minusSeconds(1))).isPresent();
        assertThat(tokens.verify(token, NOW.plus(LIFETIME).plusSeconds(1))).isEmpty();
        assertThat(tokens.verify(token, NOW.plus(Duration.ofDays(1)))).isEmpty();
    }

    @Test
    void refuses_a_token_without_an_expiry_or_issue_time() {
        assertThat(tokens.verify(good().withExpiresAt((Instant) null).sign(Algorithm.HMAC256(SECRET)), NOW)).isEmpty();
        assertThat(tokens.verify(without("exp"), NOW)).isEmpty();
        assertThat(tokens.verify(without("iat"), NOW)).isEmpty();
    }

    @Test
    void refuses_a_token_issued_in_the_future() {
        String future = good().withIssuedAt(NOW.plus(Duration.ofHours(1))).withExpiresAt(NOW.plus(Duration.ofHours(2)))
                .sign(Algorithm.HMAC256(SECRET));
        assertThat(tokens.verify(future, NOW)).isEmpty();
    }

    @Test
    void refuses_a_tampered_payload_under_the_original_signature() {
        String[] parts = tokens.issue(USER, EnumSet.of(Role.USER), NOW).token().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String escalated = payload.replace("[\"user\"]", "[\"admin\",\"user\"]");
        assertThat(escalated).isNotEqualTo(payload);

        assertThat(tokens.verify(parts[0] + "." + b64(escalated) + "." + parts[2], NOW)).isEmpty();
        // And the untouched token still verifies, so it is the change that is refused.
        assertThat(tokens.verify(parts[0] + "." + parts[1] + "." + parts[2], NOW)).isPresent();
    }

    @Test
    void refuses_a_token_missing_sub_jti_or_roles() {
        assertThat(tokens.verify(without("sub"), NOW)).isEmpty();
        assertThat(tokens.verify(without("jti"), NOW)).isEmpty();
        assertThat(tokens.verify(without("roles"), NOW)).isEmpty();
        assertThat(tokens.verify(good().withClaim("roles", List.of()).sign(Algorithm.HMAC256(SECRET)), NOW)).isEmpty();
        // Claims present with a JSON null value:
        assertThat(tokens.verify(good().withSubject(null).sign(Algorithm.HMAC256(SECRET)), NOW)).isEmpty();
        assertThat(tokens.verify(good().withJWTId(null).sign(Algorithm.HMAC256(SECRET)), NOW)).isEmpty();
        assertThat(tokens.verify(good().withClaim("roles", (List<String>) null).sign(Algorithm.HMAC256(SECRET)), NOW))
                .isEmpty();
    }

    @Test
    void refuses_claims_that_do_not_parse() {
        assertThat(tokens.verify(good().withSubject("not-a-uuid").sign(Algorithm.HMAC256(SECRET)), NOW)).isEmpty();
        assertThat(tokens.verify(good().withClaim("roles", List.of("superuser")).sign(Algorithm.HMAC256(SECRET)), NOW))
                .isEmpty();
    }

    @Test
    void refuses_what_is_not_a_jwt() {
        assertThat(tokens.verify("", NOW)).isEmpty();
        assertThat(tokens.verify("a.b", NOW)).isEmpty();
        assertThat(tokens.verify("not even close", NOW)).isEmpty();
        assertThat(tokens.verify("eyJhbGciOiJIUzI1NiJ9.e30.", NOW)).isEmpty();
    }

    /** Every claim the service's own tokens carry, valid at {@link #NOW}. */
    private static JWTCreator.Builder good() {
        return JWT.create()
                .withIssuer(ISSUER)
                .withAudience(AUDIENCE)
                .withSubject(USER.toString())
                .withClaim("roles", List.of("user"))
                .withIssuedAt(NOW)
                .withExpiresAt(NOW.plus(LIFETIME))
                .withJWTId(UUID.randomUUID().toString());
    }

    /** A good token, correctly signed, whose payload lacks {@code claim} altogether. */
    private static String without(String claim) {
        java.util.Map<String, Object> payload = new java.util.LinkedHashMap<>();
        payload.put("iss", ISSUER);
        payload.put("aud", AUDIENCE);
        payload.put("sub", USER.toString());
        payload.put("roles", List.of("user"));
        payload.put("iat", NOW.getEpochSecond());
        payload.put("exp", NOW.plus(LIFETIME).getEpochSecond());
        payload.put("jti", UUID.randomUUID().toString());
        payload.remove(claim);
        return JWT.create().withPayload(payload).sign(Algorithm.HMAC256(SECRET));
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] pem(byte[] der) {
        return ("-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n").getBytes(StandardCharsets.UTF_8);
    }
}
