package com.jakebuysit.bootstrap;

import static com.jakebuysit.bootstrap.AuthApiTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.jakebuysit.adapters.out.oauth.LocalJwksServer;
import com.jakebuysit.testsupport.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Google and Apple sign-in over HTTP with the real JWKS verifier against local key servers the
 * test runs: account creation, return visits, linking only on a verified email, forgeries.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OAuthSignInTest {

    private static final TestDatabase DB = TestDatabase.create("oauthsignin");
    private static final LocalJwksServer GOOGLE = LocalJwksServer.start("https://accounts.google.test",
            "google-client-id.apps.test", Clock.systemUTC());
    private static final LocalJwksServer APPLE = LocalJwksServer.start("https://appleid.apple.test",
            "com.jakebuysit.app", Clock.systemUTC());
    private static final String PASSWORD = "correct horse battery staple";

    static final DropwizardAppExtension<JakeBuysItConfiguration> APP = new DropwizardAppExtension<>(
            TestApplication.class, "config.yml", TestSupport.overrides(DB, "oauthsignin", Map.of(
                    "auth.google.clientId", GOOGLE.clientId(),
                    "auth.google.jwksUrl", GOOGLE.url().toString(),
                    "auth.google.issuers[0]", GOOGLE.issuer(),
                    "auth.google.issuers[1]", GOOGLE.issuer(),
                    "auth.apple.clientId", APPLE.clientId(),
                    "auth.apple.jwksUrl", APPLE.url().toString(),
                    "auth.apple.issuers[0]", APPLE.issuer())));

    private static HttpCalls http;
    private static Jdbi jdbi;

    @BeforeAll
    static void start() {
        http = new HttpCalls(APP.getLocalPort());
        jdbi = DB.jdbi();
    }

    @AfterAll
    static void stop() {
        GOOGLE.close();
        APPLE.close();
        DB.close();
    }

    @Test
    void theFirstSignInCreatesAnAccountWithoutAPasswordAndTheNextSignsIntoIt() {
        String email = unique("newcomer");
        String subject = "g-" + UUID.randomUUID();

        HttpResponse<String> first = google(GOOGLE.signIdToken(claims(subject, email, true, "Nia Newcomer")));
        HttpResponse<String> second = google(GOOGLE.signIdToken(claims(subject, email, true, "Nia Newcomer")));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode body = HttpCalls.body(first);
        assertThat(body.path("user").path("email").asText()).isEqualTo(email);
        assertThat(body.path("user").path("name").asText()).isEqualTo("Nia Newcomer");
        assertThat(body.path("user").path("roles")).extracting(JsonNode::asText).containsExactly("user");
        assertThat(HttpCalls.TOKENS.verify(body.path("accessToken").asText(), Instant.now())).isPresent();
        assertThat(body.path("refreshToken").asText()).isNotBlank();
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(HttpCalls.body(second).path("user").path("id").asText()).isEqualTo(body.path("user").path("id").asText());
        Map<String, Object> row = jdbi.withHandle(h -> h.createQuery(
                "SELECT password_hash, google_subject FROM users WHERE email = :e").bind("e", email).mapToMap().one());
        assertThat(row.get("password_hash")).isNull();
        assertThat(row.get("google_subject")).isEqualTo(subject);
        assertThat(auditActions(body.path("user").path("id").asText())).contains("register", "login");
    }

    @Test
    void aReturningUserSignsInByTheirSubjectEvenWithAnotherEmailNow() {
        String subject = "g-" + UUID.randomUUID();
        String id = HttpCalls.body(google(GOOGLE.signIdToken(claims(subject, unique("old"), true, null))))
                .path("user").path("id").asText();

        HttpResponse<String> later = google(GOOGLE.signIdToken(claims(subject, unique("renamed"), false, null)));

        assertThat(later.statusCode()).isEqualTo(200);
        assertThat(HttpCalls.body(later).path("user").path("id").asText()).isEqualTo(id);
    }

    @Test
    void aVerifiedEmailLinksTheExistingPasswordAccount() {
        String email = unique("linked");
        String id = HttpCalls.body(register(email)).path("user").path("id").asText();
        String subject = "g-" + UUID.randomUUID();

        HttpResponse<String> response = google(GOOGLE.signIdToken(claims(subject, email.toUpperCase(), true, null)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(HttpCalls.body(response).path("user").path("id").asText()).isEqualTo(id);
        assertThat((String) jdbi.withHandle(h -> h.createQuery("SELECT google_subject FROM users WHERE email = :e")
                .bind("e", email).mapTo(String.class).one())).isEqualTo(subject);
        assertThat(auditActions(id)).contains("identity_linked");
        assertThat(login(email).statusCode()).as("the password still works").isEqualTo(200);
    }

    @Test
    void anUnverifiedEmailNeverTakesOverAnExistingAccount() {
        String email = unique("victim");
        register(email);

        HttpResponse<String> response = google(GOOGLE.signIdToken(claims("g-" + UUID.randomUUID(), email, false, null)));

        assertError(response, 409, "EMAIL_TAKEN");
        assertThat(response.body()).doesNotContain("accessToken");
        assertThat((String) jdbi.withHandle(h -> h.createQuery("SELECT google_subject FROM users WHERE email = :e")
                .bind("e", email).mapTo(String.class).one())).isNull();
    }

    @Test
    void anUnverifiedEmailDoesNotOpenAnAccountEither() {
        String email = unique("squatter");

        assertError(google(GOOGLE.signIdToken(claims("g-" + UUID.randomUUID(), email, false, null))), 403,
                "EMAIL_NOT_VERIFIED");
        assertError(google(GOOGLE.signIdToken(claims("g-" + UUID.randomUUID(), null, false, null))), 403,
                "EMAIL_NOT_VERIFIED");
        assertThat((Integer) jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM users WHERE email = :e")
                .bind("e", email).mapTo(Integer.class).one())).isZero();
    }

    @Test
    void anAccountLinkedToOneGoogleIdentityIsNotLinkedToAnother() {
        String email = unique("onegoogle");
        String first = "g-" + UUID.randomUUID();
        assertThat(google(GOOGLE.signIdToken(claims(first, email, true, null))).statusCode()).isEqualTo(200);

        assertError(google(GOOGLE.signIdToken(claims("g-" + UUID.randomUUID(), email, true, null))), 409, "EMAIL_TAKEN");
        assertThat((String) jdbi.withHandle(h -> h.createQuery("SELECT google_subject FROM users WHERE email = :e")
                .bind("e", email).mapTo(String.class).one())).isEqualTo(first);
    }

    @Test
    void aForgedTokenIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair attacker = generator.generateKeyPair();
        Map<String, Object> payload = new LinkedHashMap<>(claims("g-" + UUID.randomUUID(), unique("forged"), true, null));
        payload.put("iss", GOOGLE.issuer());
        payload.put("aud", GOOGLE.clientId());
        payload.put("iat", Instant.now().getEpochSecond());
        payload.put("exp", Instant.now().plusSeconds(600).getEpochSecond());
        payload.values().removeIf(java.util.Objects::isNull);
        // The real key's kid, the attacker's signature.
        String forged = JWT.create().withKeyId(GOOGLE.kid()).withPayload(payload)
                .sign(Algorithm.RSA256((RSAPublicKey) attacker.getPublic(), (RSAPrivateKey) attacker.getPrivate()));

        assertError(google(forged), 401, "INVALID_ID_TOKEN");
        assertThat((Integer) jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM users WHERE email = :e")
                .bind("e", payload.get("email")).mapTo(Integer.class).one())).isZero();
    }

    @Test
    void aTokenForAnotherAudienceOrProviderIsRefused() {
        Map<String, Object> otherAudience = new HashMap<>(claims("g-" + UUID.randomUUID(), unique("aud"), true, null));
        otherAudience.put("aud", "someone-elses-client-id");

        assertError(google(GOOGLE.signIdToken(otherAudience)), 401, "INVALID_ID_TOKEN");
        // A genuine Google token presented as an Apple one.
        assertError(apple(GOOGLE.signIdToken(claims("g-" + UUID.randomUUID(), unique("cross"), true, null)), null),
                401, "INVALID_ID_TOKEN");
        assertError(google("not-a-token"), 401, "INVALID_ID_TOKEN");
    }

    @Test
    void theNonceMustMatchWhenTheAppSendsOne() {
        Map<String, Object> withNonce = new HashMap<>(claims("g-" + UUID.randomUUID(), unique("nonce"), true, null));
        withNonce.put("nonce", "n-0S6_WzA2Mj");
        String token = GOOGLE.signIdToken(withNonce);

        assertError(http.send("POST", "/api/v1/auth/oauth/google", null,
                "{\"idToken\":\"" + token + "\",\"nonce\":\"another-nonce\"}"), 401, "INVALID_ID_TOKEN");
        assertThat(http.send("POST", "/api/v1/auth/oauth/google", null,
                "{\"idToken\":\"" + token + "\",\"nonce\":\"n-0S6_WzA2Mj\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void appleSignInTakesTheIdentityTokenAndItsStringEmailVerified() {
        String email = unique("apple");
        String subject = "001234." + UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", subject);
        claims.put("email", email);
        claims.put("email_verified", "true");

        HttpResponse<String> response = apple(APPLE.signIdToken(claims), null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(HttpCalls.body(response).path("user").path("email").asText()).isEqualTo(email);
        assertThat((String) jdbi.withHandle(h -> h.createQuery("SELECT apple_subject FROM users WHERE email = :e")
                .bind("e", email).mapTo(String.class).one())).isEqualTo(subject);
    }

    @Test
    void aBannedAccountCannotSignInWithAProvider() {
        String email = unique("bannedgoogle");
        String subject = "g-" + UUID.randomUUID();
        google(GOOGLE.signIdToken(claims(subject, email, true, null)));
        jdbi.useHandle(h -> h.createUpdate("UPDATE users SET banned = true WHERE email = :e").bind("e", email).execute());

        assertError(google(GOOGLE.signIdToken(claims(subject, email, true, null))), 403, "ACCOUNT_BANNED");
    }

    private static Map<String, Object> claims(String subject, String email, boolean verified, String name) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", subject);
        claims.put("email", email);
        claims.put("email_verified", email == null ? null : verified);
        claims.put("name", name);
        return claims;
    }

    private static HttpResponse<String> google(String idToken) {
        return http.send("POST", "/api/v1/auth/oauth/google", null, "{\"idToken\":\"" + idToken + "\"}");
    }

    private static HttpResponse<String> apple(String identityToken, String nonce) {
        return http.send("POST", "/api/v1/auth/oauth/apple", null, "{\"identityToken\":\"" + identityToken + "\""
                + (nonce == null ? "" : ",\"nonce\":\"" + nonce + "\"") + "}");
    }

    private static HttpResponse<String> register(String email) {
        return http.send("POST", "/api/v1/auth/register", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"Pat Password\"}");
    }

    private static HttpResponse<String> login(String email) {
        return http.send("POST", "/api/v1/auth/login", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
    }

    private static java.util.List<String> auditActions(String userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT action FROM audit_log WHERE entity_id = :id ORDER BY id")
                .bind("id", userId).mapTo(String.class).list());
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
