package com.jakebuysit.adapters.out.oauth;

import com.jakebuysit.domain.testing.MutableClock;
import static com.jakebuysit.domain.account.IdentityProvider.APPLE;
import static com.jakebuysit.domain.account.IdentityProvider.GOOGLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.jakebuysit.application.port.IdentityVerifier.InvalidIdentityToken;
import com.jakebuysit.application.port.IdentityVerifier.VerifiedIdentity;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JwksIdentityVerifierTest {

    private static final String GOOGLE_ISSUER = "https://accounts.google.com";
    private static final String APPLE_ISSUER = "https://appleid.apple.com";

    private final MutableClock clock = MutableClock.at("2025-06-01T12:00:00Z");
    private final List<LocalJwksServer> servers = new ArrayList<>();
    private LocalJwksServer google;
    private JwksIdentityVerifier verifier;

    @BeforeEach
    void startGoogle() {
        google = server(LocalJwksServer.start(GOOGLE_ISSUER, "google-client", clock));
        verifier = new JwksIdentityVerifier(Map.of(GOOGLE, google.provider()), google.httpClient(), clock);
    }

    @AfterEach
    void stopServers() {
        servers.forEach(LocalJwksServer::close);
    }

    private LocalJwksServer server(LocalJwksServer server) {
        servers.add(server);
        return server;
    }

    private VerifiedIdentity verify(String token) {
        return verifier.verify(GOOGLE, token, Optional.empty());
    }

    private void assertRefused(String token, String reason) {
        assertThatThrownBy(() -> verify(token))
                .isInstanceOf(InvalidIdentityToken.class)
                .hasMessage(reason);
    }

    private static Map<String, Object> claims(Object... pairs) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", "google-123");
        for (int i = 0; i < pairs.length; i += 2) {
            claims.put((String) pairs[i], pairs[i + 1]);
        }
        return claims;
    }

    private static KeyPair anotherRsaKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String sha256Hex(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    @Nested
    class Accepts {

        @Test
        void a_valid_google_token_with_its_identity() {
            String token = google.signIdToken(claims("email", "ann@example.com", "email_verified", true,
                    "name", "Ann Example", "nonce", "n-0S6_WzA2Mj"));

            VerifiedIdentity identity = verifier.verify(GOOGLE, token, Optional.of("n-0S6_WzA2Mj"));

            assertThat(identity).isEqualTo(new VerifiedIdentity(GOOGLE, "google-123",
                    Optional.of("ann@example.com"), true, Optional.of("Ann Example")));
        }

        @Test
        void an_audience_list_that_contains_our_client_id() {
            String token = google.signIdToken(claims("aud", List.of("someone-else", "google-client")));

            assertThat(verify(token).subject()).isEqualTo("google-123");
        }

        @Test
        void any_of_the_provider_issuers() {
            LocalJwksServer twoIssuers = server(LocalJwksServer.start("accounts.google.com", "google-client", clock));
            var provider = new JwksIdentityVerifier.Provider("google-client", twoIssuers.url(),
                    List.of(GOOGLE_ISSUER, "accounts.google.com"));
            var verifier = new JwksIdentityVerifier(Map.of(GOOGLE, provider), twoIssuers.httpClient(), clock);

            assertThat(verifier.verify(GOOGLE, twoIssuers.signIdToken(claims()), Optional.empty()).subject())
                    .isEqualTo("google-123");
        }

        @Test
        void unverified_or_missing_email_as_not_verified() {
            assertThat(verify(google.signIdToken(claims("email", "ann@example.com", "email_verified", false))))
                    .extracting(VerifiedIdentity::email, VerifiedIdentity::emailVerified)
                    .containsExactly(Optional.of("ann@example.com"), false);
            assertThat(verify(google.signIdToken(claims("email", "ann@example.com"))).emailVerified()).isFalse();
            assertThat(verify(google.signIdToken(claims("email_verified", true))))
                    .extracting(VerifiedIdentity::email, VerifiedIdentity::emailVerified, VerifiedIdentity::name)
                    .containsExactly(Optional.empty(), false, Optional.empty());
        }

        @Test
        void an_expiry_within_the_leeway() {
            clock.advance(Duration.ofMinutes(-10));
            String token = google.signIdToken(claims());
            clock.advance(Duration.ofMinutes(10).plusSeconds(30));

            assertThat(verify(token).subject()).isEqualTo("google-123");
        }

        @Test
        void a_token_signed_with_an_ec_key() {
            google.addEcKey();

            assertThat(verify(google.signIdToken(claims())).subject()).isEqualTo("google-123");
        }
    }

    @Nested
    class Apple {

        private LocalJwksServer apple;
        private JwksIdentityVerifier appleVerifier;

        @BeforeEach
        void startApple() {
            apple = server(LocalJwksServer.start(APPLE_ISSUER, "com.jakebuysit.app", clock));
            appleVerifier = new JwksIdentityVerifier(Map.of(APPLE, apple.provider()), apple.httpClient(), clock);
        }

        private Map<String, Object> appleClaims(Object... pairs) {
            Map<String, Object> claims = claims(pairs);
            claims.put("sub", "000123.abc.0456");
            return claims;
        }

        @Test
        void reads_email_verified_sent_as_a_string() {
            VerifiedIdentity verified = appleVerifier.verify(APPLE, apple.signIdToken(appleClaims(
                    "email", "x7@privaterelay.appleid.com", "email_verified", "true", "is_private_email", "true")),
                    Optional.empty());
            VerifiedIdentity unverified = appleVerifier.verify(APPLE, apple.signIdToken(appleClaims(
                    "email", "x7@privaterelay.appleid.com", "email_verified", "false")), Optional.empty());

            assertThat(verified).isEqualTo(new VerifiedIdentity(APPLE, "000123.abc.0456",
                    Optional.of("x7@privaterelay.appleid.com"), true, Optional.empty()));
            assertThat(unverified.emailVerified()).isFalse();
        }

        @Test
        void accepts_the_raw_nonce_or_its_sha256_hex() throws Exception {
            String raw = "raw-nonce-kept-by-the-app";

            assertThat(appleVerifier.verify(APPLE, apple.signIdToken(appleClaims("nonce", sha256Hex(raw))),
                    Optional.of(raw)).subject()).isEqualTo("000123.abc.0456");
            assertThat(appleVerifier.verify(APPLE, apple.signIdToken(appleClaims("nonce", raw)),
                    Optional.of(raw)).subject()).isEqualTo("000123.abc.0456");
            assertThatThrownBy(() -> appleVerifier.verify(APPLE,
                    apple.signIdToken(appleClaims("nonce", sha256Hex("another"))), Optional.of(raw)))
                    .isInstanceOf(InvalidIdentityToken.class)
                    .hasMessage("nonce does not match");
        }

        @Test
        void refuses_a_google_token_even_when_signed_by_a_key_it_knows() {
            // Same keys, Google's issuer: the issuer check alone keeps providers apart.
            String token = apple.signIdToken(appleClaims("iss", GOOGLE_ISSUER));

            assertThatThrownBy(() -> appleVerifier.verify(APPLE, token, Optional.empty()))
                    .isInstanceOf(InvalidIdentityToken.class)
                    .hasMessage("wrong issuer");
        }
    }

    @Nested
    class Refuses {

        @Test
        void a_signature_by_another_key_under_a_known_kid() throws Exception {
            KeyPair other = anotherRsaKey();
            String forged = JWT.create()
                    .withKeyId(google.kid())
                    .withPayload(Map.of("iss", GOOGLE_ISSUER, "aud", "google-client", "sub", "google-123",
                            "iat", clock.instant().getEpochSecond(), "exp", clock.instant().plusSeconds(600).getEpochSecond()))
                    .sign(Algorithm.RSA256((RSAPublicKey) other.getPublic(), (RSAPrivateKey) other.getPrivate()));

            assertRefused(forged, "signature does not verify");
        }

        @Test
        void a_tampered_payload() {
            String[] parts = google.signIdToken(claims("email", "ann@example.com", "email_verified", false)).split("\\.");
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                    .replace("\"email_verified\":false", "\"email_verified\":true");
            String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

            assertThat(payload).contains("\"email_verified\":true");
            assertRefused(tampered, "signature does not verify");
        }

        @Test
        void alg_none_without_fetching_keys() {
            String unsigned = JWT.create()
                    .withKeyId(google.kid())
                    .withPayload(claims("iss", GOOGLE_ISSUER, "aud", "google-client",
                            "iat", clock.instant().getEpochSecond(), "exp", clock.instant().plusSeconds(600).getEpochSecond()))
                    .sign(Algorithm.none());

            assertRefused(unsigned, "signing algorithm not accepted");
            assertThat(google.hits()).isZero();
        }

        @Test
        void hs256_keyed_with_the_rsa_public_key() {
            String confused = JWT.create()
                    .withKeyId(google.kid())
                    .withPayload(claims("iss", GOOGLE_ISSUER, "aud", "google-client",
                            "iat", clock.instant().getEpochSecond(), "exp", clock.instant().plusSeconds(600).getEpochSecond()))
                    .sign(Algorithm.HMAC256(google.publicKey().getEncoded()));

            assertRefused(confused, "signing algorithm not accepted");
        }

        @Test
        void an_rsa_algorithm_other_than_the_one_the_key_declares() {
            // Correctly signed by the real key, but as RS512 while the key publishes RS256.
            String token = google.signIdTokenWithAlgorithm("RS512", claims());

            assertRefused(token, "signing algorithm does not match the key");
        }

        @Test
        void a_wrong_issuer() {
            assertRefused(google.signIdToken(claims("iss", "https://evil.example")), "wrong issuer");
        }

        @Test
        void a_wrong_audience() {
            assertRefused(google.signIdToken(claims("aud", "another-client")), "wrong audience");
        }

        @Test
        void an_expired_token() {
            String token = google.signIdToken(claims());
            clock.advance(LocalJwksServer.DEFAULT_LIFETIME.plusSeconds(61));

            assertRefused(token, "token expired");
        }

        @Test
        void a_token_issued_in_the_future() {
            clock.advance(Duration.ofMinutes(5));
            String token = google.signIdToken(claims());
            clock.advance(Duration.ofMinutes(-5));

            assertRefused(token, "token issued in the future");
        }

        @Test
        void a_token_without_expiry_subject_or_issued_at() {
            assertRefused(google.signIdToken(claims("exp", null)), "token has no exp");
            assertRefused(google.signIdToken(claims("iat", null)), "token has no iat");
            assertRefused(google.signIdToken(claims("sub", null)), "token has no sub");
            assertRefused(google.signIdToken(claims("sub", " ")), "token has no subject");
        }

        @Test
        void a_nonce_that_does_not_match() {
            String token = google.signIdToken(claims("nonce", "expected"));

            assertThatThrownBy(() -> verifier.verify(GOOGLE, token, Optional.of("other")))
                    .isInstanceOf(InvalidIdentityToken.class)
                    .hasMessage("nonce does not match");
        }

        @Test
        void a_missing_nonce_when_one_is_expected() {
            assertThatThrownBy(() -> verifier.verify(GOOGLE, google.signIdToken(claims()), Optional.of("expected")))
                    .isInstanceOf(InvalidIdentityToken.class)
                    .hasMessage("token has no nonce");
        }

        @Test
        void a_hashed_nonce_from_google() throws Exception {
            String token = google.signIdToken(claims("nonce", sha256Hex("raw")));

            assertThatThrownBy(() -> verifier.verify(GOOGLE, token, Optional.of("raw")))
                    .isInstanceOf(InvalidIdentityToken.class)
                    .hasMessage("nonce does not match");
        }

        @Test
        void a_provider_that_is_not_configured() {
            String token = google.signIdToken(claims());
            var blank = new JwksIdentityVerifier(Map.of(GOOGLE, new JwksIdentityVerifier.Provider("",
                    google.url(), List.of(GOOGLE_ISSUER))), google.httpClient(), clock);

            assertThatThrownBy(() -> verifier.verify(APPLE, token, Optional.empty()))
                    .isInstanceOf(InvalidIdentityToken.class)
                    .hasMessage("apple sign-in is not configured");
            assertThatThrownBy(() -> blank.verify(GOOGLE, token, Optional.empty()))
                    .isInstanceOf(InvalidIdentityToken.class)
                    .hasMessage("google sign-in is not configured");
            assertThat(google.hits()).isZero();
        }

        @Test
        void what_is_not_a_jwt_and_never_echoes_it() {
            for (String junk : List.of("", "secret-looking-junk", "a.b.c", "x".repeat(20_000))) {
                assertThatThrownBy(() -> verify(junk))
                        .isInstanceOf(InvalidIdentityToken.class)
                        .hasMessage("not an ID token");
            }
            assertThat(google.hits()).isZero();
        }

        @Test
        void a_token_that_names_no_key() throws Exception {
            KeyPair other = anotherRsaKey();
            String token = JWT.create().withPayload(claims())
                    .sign(Algorithm.RSA256((RSAPublicKey) other.getPublic(), (RSAPrivateKey) other.getPrivate()));

            assertRefused(token, "token names no signing key");
        }

        @Test
        void a_token_whose_error_message_would_quote_it() {
            String token = google.signIdToken(claims("aud", "another-client"));

            assertThatThrownBy(() -> verify(token)).satisfies(error ->
                    assertThat(error.getMessage()).doesNotContain(token).doesNotContain(token.split("\\.")[1]));
        }
    }

    @Nested
    class KeySet {

        @Test
        void an_unknown_kid_triggers_one_refetch_that_picks_up_the_rotated_key() {
            String beforeRotation = google.signIdToken(claims());
            verify(beforeRotation);
            assertThat(google.hits()).isEqualTo(1);

            google.rotateKey();
            clock.advance(Duration.ofSeconds(31));
            String afterRotation = google.signIdToken(claims());

            assertThat(verify(afterRotation).subject()).isEqualTo("google-123");
            assertThat(google.hits()).isEqualTo(2);
            // The old key is gone from the set we now hold, and no refetch is due yet.
            assertRefused(beforeRotation, "unknown signing key");
            assertThat(google.hits()).isEqualTo(2);
        }

        @Test
        void a_removed_key_is_refused_once_the_set_is_refetched() {
            String oldKid = google.kid();
            String signedByOld = google.signIdToken(claims());
            google.addKey();
            verify(signedByOld);

            google.unpublish(oldKid);
            clock.advance(Duration.ofHours(1).plusSeconds(1));

            assertRefused(google.signIdToken(claims(), oldKid), "unknown signing key");
            assertThat(google.hits()).isEqualTo(2);
        }

        @Test
        void an_overlapping_rotation_accepts_old_and_new_keys() {
            String oldKid = google.kid();
            verify(google.signIdToken(claims()));
            google.addKey();
            clock.advance(Duration.ofSeconds(31));

            assertThat(verify(google.signIdToken(claims())).subject()).isEqualTo("google-123");
            assertThat(verify(google.signIdToken(claims(), oldKid)).subject()).isEqualTo("google-123");
            assertThat(google.hits()).isEqualTo(2);
        }

        @Test
        void unknown_kids_refetch_at_most_once_per_interval() throws Exception {
            verify(google.signIdToken(claims()));
            KeyPair other = anotherRsaKey();
            Algorithm junkSigner = Algorithm.RSA256((RSAPublicKey) other.getPublic(), (RSAPrivateKey) other.getPrivate());

            for (int i = 0; i < 20; i++) {
                String junk = JWT.create().withKeyId("junk-" + i).withPayload(claims()).sign(junkSigner);
                assertRefused(junk, "unknown signing key");
            }
            assertThat(google.hits()).isEqualTo(1);

            clock.advance(Duration.ofSeconds(30));
            assertRefused(JWT.create().withKeyId("junk-later").withPayload(claims()).sign(junkSigner),
                    "unknown signing key");
            assertThat(google.hits()).isEqualTo(2);
        }

        @Test
        void a_max_age_is_honoured() {
            google.cacheControl("public, max-age=600, must-revalidate");
            verify(google.signIdToken(claims()));
            verify(google.signIdToken(claims()));
            assertThat(google.hits()).isEqualTo(1);

            clock.advance(Duration.ofSeconds(599));
            verify(google.signIdToken(claims()));
            assertThat(google.hits()).isEqualTo(1);

            clock.advance(Duration.ofSeconds(2));
            verify(google.signIdToken(claims()));
            assertThat(google.hits()).isEqualTo(2);
        }

        @Test
        void an_hour_is_the_default_without_cache_control() {
            verify(google.signIdToken(claims()));
            clock.advance(Duration.ofMinutes(59));
            verify(google.signIdToken(claims()));
            assertThat(google.hits()).isEqualTo(1);

            clock.advance(Duration.ofMinutes(2));
            verify(google.signIdToken(claims()));
            assertThat(google.hits()).isEqualTo(2);
        }

        @Test
        void no_store_is_never_cached() {
            google.cacheControl("no-store");
            verify(google.signIdToken(claims()));
            verify(google.signIdToken(claims()));

            assertThat(google.hits()).isEqualTo(2);
        }

        @Test
        void a_failing_endpoint_refuses_quickly_and_recovers() {
            google.respondWith(500);
            String token = google.signIdToken(claims());

            long started = System.nanoTime();
            assertRefused(token, "google signing keys unavailable");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));

            google.respondWith(200);
            assertThat(verify(token).subject()).isEqualTo("google-123");
        }

        @Test
        void a_failed_refresh_does_not_fall_back_to_expired_keys() {
            verify(google.signIdToken(claims()));
            google.respondWith(503);
            clock.advance(Duration.ofHours(2));

            assertRefused(google.signIdToken(claims()), "google signing keys unavailable");
        }

        @Test
        void a_slow_endpoint_times_out() {
            google.delay(Duration.ofSeconds(3));
            var impatient = new JwksIdentityVerifier(Map.of(GOOGLE, google.provider()), google.httpClient(), clock,
                    Duration.ofMillis(300));

            long started = System.nanoTime();
            assertThatThrownBy(() -> impatient.verify(GOOGLE, google.signIdToken(claims()), Optional.empty()))
                    .isInstanceOf(InvalidIdentityToken.class)
                    .hasMessage("google signing keys unavailable");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        }

        @Test
        void concurrent_verifies_share_one_fetch() throws Exception {
            google.delay(Duration.ofMillis(300));
            String token = google.signIdToken(claims());

            List<Future<String>> results = inParallel(16, () -> verify(token).subject());

            for (Future<String> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("google-123");
            }
            assertThat(google.hits()).isEqualTo(1);
        }

        @Test
        void concurrent_verifies_share_one_failure() throws Exception {
            google.delay(Duration.ofMillis(300));
            google.respondWith(500);
            String token = google.signIdToken(claims());

            List<Future<String>> results = inParallel(16, () -> {
                try {
                    return verify(token).subject();
                } catch (InvalidIdentityToken e) {
                    return e.getMessage();
                }
            });

            for (Future<String> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("google signing keys unavailable");
            }
            assertThat(google.hits()).isEqualTo(1);
        }

        private List<Future<String>> inParallel(int threads, java.util.concurrent.Callable<String> work) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return work.call();
                }));
            }
            go.countDown();
            pool.shutdown();
            return results;
        }
    }

    @Nested
    class Https {

        @Test
        void fetches_keys_over_tls_from_a_server_the_client_trusts() {
            LocalJwksServer tls = server(LocalJwksServer.startHttps(GOOGLE_ISSUER, "google-client", clock));
            assertThat(tls.url().getScheme()).isEqualTo("https");
            String token = tls.signIdToken(claims());

            var trusting = new JwksIdentityVerifier(Map.of(GOOGLE, tls.provider()), tls.httpClient(), clock);
            var defaultTrust = new JwksIdentityVerifier(Map.of(GOOGLE, tls.provider()), HttpClient.newHttpClient(), clock);

            assertThat(trusting.verify(GOOGLE, token, Optional.empty()).subject()).isEqualTo("google-123");
            assertThatThrownBy(() -> defaultTrust.verify(GOOGLE, token, Optional.empty()))
                    .isInstanceOf(InvalidIdentityToken.class)
                    .hasMessage("google signing keys unavailable");
            assertThat(tls.hits()).isEqualTo(1);
        }
    }

    @Nested
    class Construction {

        @Test
        void refuses_a_key_set_url_that_is_not_https_off_loopback() {
            for (String url : List.of("http://www.googleapis.com/oauth2/v3/certs", "http://10.0.0.7/jwks",
                    "ftp://127.0.0.1/jwks", "file:///etc/jwks.json", "/relative/jwks")) {
                assertThatThrownBy(() -> new JwksIdentityVerifier.Provider("client", URI.create(url), List.of("iss")))
                        .as(url)
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }

        @Test
        void allows_https_anywhere_and_http_on_loopback() {
            for (String url : List.of("https://www.googleapis.com/oauth2/v3/certs", "http://127.0.0.1:8080/jwks",
                    "http://localhost:8080/jwks", "http://[::1]:8080/jwks", "https://127.0.0.1/jwks")) {
                assertThatCode(() -> new JwksIdentityVerifier(Map.of(GOOGLE,
                        new JwksIdentityVerifier.Provider("client", URI.create(url), List.of("iss"))),
                        HttpClient.newHttpClient(), clock))
                        .as(url)
                        .doesNotThrowAnyException();
            }
        }

        @Test
        void refuses_a_provider_without_issuers() {
            assertThatThrownBy(() -> new JwksIdentityVerifier.Provider("client", URI.create("https://x.test/jwks"), List.of()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
