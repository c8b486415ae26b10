package com.jakebuysit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.jakebuysit.application.account.SecretTokens;
import com.jakebuysit.application.port.AccessTokens;
import com.jakebuysit.testsupport.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /api/v1/auth} over HTTP on the real stack (PostgreSQL, Redis, bcrypt, JWT, the local
 * mailer): each answer of the contract, and each refusal with a test that fails without its check.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AuthApiTest {

    private static final TestDatabase DB = TestDatabase.create("authapi");
    private static final Path MAIL = tempDirectory();
    private static final String ADMIN_EMAIL = "first-admin@jakebuysit.test";
    private static final String ADMIN_PASSWORD = "a-long-and-unusual-admin-passphrase";
    private static final String PASSWORD = "correct horse battery staple";

    static final DropwizardAppExtension<JakeBuysItConfiguration> APP = new DropwizardAppExtension<>(
            TestApplication.class, "config.yml", TestSupport.overrides(DB, "authapi", Map.of(
                    "mail.directory", MAIL.toString(),
                    "auth.publicBaseUrl", "https://app.jakebuysit.test",
                    "auth.bootstrapAdminEmail", ADMIN_EMAIL,
                    "auth.bootstrapAdminPassword", ADMIN_PASSWORD)));

    private static HttpCalls http;
    private static Jdbi jdbi;

    @BeforeAll
    static void start() {
        http = new HttpCalls(APP.getLocalPort());
        jdbi = DB.jdbi();
    }

    @AfterAll
    static void dropSchema() {
        DB.close();
    }

    // ---- register ----

    @Test
    void registerAnswers201WithTheUserAndAWorkingPairOfTokens() {
        String email = unique("ann");
        HttpResponse<String> response = post("/register", "{\"email\":\"  " + email.toUpperCase()
                + " \",\"password\":\"" + PASSWORD + "\",\"name\":\" Ann Seller \",\"phone\":\"+1 512 555 0100\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode body = HttpCalls.body(response);
        JsonNode user = body.path("user");
        assertThat(iterable(user.fieldNames())).contains("id", "email", "name", "phone", "roles", "verified",
                "trustScore", "jakeBucksBalance", "createdAt").doesNotContain("passwordHash", "password");
        assertThat(user.path("email").asText()).isEqualTo(email);
        assertThat(user.path("name").asText()).isEqualTo("Ann Seller");
        assertThat(user.path("phone").asText()).isEqualTo("+15125550100");
        assertThat(user.path("roles")).extracting(JsonNode::asText).containsExactly("user");
        assertThat(user.path("verified").asBoolean()).isFalse();
        assertThat(user.path("trustScore").asInt()).isEqualTo(50);
        assertThat(user.path("jakeBucksBalance").asText()).isEqualTo("0.00");
        assertThat(Instant.parse(user.path("createdAt").asText())).isNotNull();

        AccessTokens.Claims claims = HttpCalls.TOKENS.verify(body.path("accessToken").asText(), Instant.now()).orElseThrow();
        assertThat(claims.userId().toString()).isEqualTo(user.path("id").asText());
        assertThat(Instant.parse(body.path("accessTokenExpiresAt").asText())).isAfter(Instant.now());
        assertThat(body.path("refreshToken").asText()).matches("[A-Za-z0-9_-]{43}");
        assertThat(refresh(body.path("refreshToken").asText()).statusCode()).isEqualTo(200);
    }

    @Test
    void registerStoresABcryptHashAndOnlyTheHashOfTheRefreshToken() {
        String email = unique("hashes");
        JsonNode body = HttpCalls.body(register(email, PASSWORD));
        String refreshToken = body.path("refreshToken").asText();

        String hash = jdbi.withHandle(h -> h.createQuery("SELECT password_hash FROM users WHERE email = :e")
                .bind("e", email).mapTo(String.class).one());
        List<String> stored = jdbi.withHandle(h -> h.createQuery(
                "SELECT token_hash FROM refresh_tokens WHERE user_id = CAST(:id AS uuid)")
                .bind("id", body.path("user").path("id").asText()).mapTo(String.class).list());

        assertThat(hash).startsWith("$2").doesNotContain(PASSWORD);
        assertThat(stored).containsExactly(SecretTokens.hash(refreshToken));
    }

    @Test
    void registerIsAuditedWithTheCallersAddressAndRequestIdAndNoSecret() {
        String email = unique("audited");
        HttpResponse<String> response = register(email, PASSWORD);
        JsonNode body = HttpCalls.body(response);

        Map<String, Object> row = jdbi.withHandle(h -> h.createQuery("""
                SELECT action, actor_id::text AS actor, host(ip) AS ip, request_id, after::text AS after
                  FROM audit_log WHERE entity_type = 'user' AND entity_id = :id AND action = 'register'
                """).bind("id", body.path("user").path("id").asText()).mapToMap().one());

        assertThat(row.get("actor")).isEqualTo(body.path("user").path("id").asText());
        assertThat(row.get("ip")).isIn("127.0.0.1", "::1");
        assertThat(row.get("request_id")).isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat((String) row.get("after")).contains(email)
                .doesNotContain(PASSWORD).doesNotContain(body.path("refreshToken").asText()).doesNotContain("$2");
    }

    @Test
    void registerRefusesAnEmailThatIsTakenWhateverItsCase() {
        String email = unique("dup");
        assertThat(register(email, PASSWORD).statusCode()).isEqualTo(201);

        assertError(register(email, "another good passphrase"), 409, "EMAIL_TAKEN");
        assertError(register(" " + email.toUpperCase() + " ", "another good passphrase"), 409, "EMAIL_TAKEN");
        assertThat((Integer) jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM users WHERE email = :e")
                .bind("e", email).mapTo(Integer.class).one())).isEqualTo(1);
    }

    @Test
    void registerRefusesAShortPassword() {
        JsonNode body = assertError(register(unique("short"), "nine char"), 422, "VALIDATION_FAILED");
        assertThat(body.path("details").path("fields").has("password")).isTrue();
    }

    @Test
    void registerRefusesACommonPassword() {
        JsonNode body = assertError(register(unique("common"), "password123"), 422, "VALIDATION_FAILED");
        assertThat(body.path("details").path("fields").path("password").asText()).contains("common");
    }

    @Test
    void registerRefusesAPasswordLongerThanBcryptReads() {
        assertError(register(unique("long"), "x".repeat(73)), 422, "VALIDATION_FAILED");
    }

    @Test
    void registerRefusesABadEmail() {
        for (String bad : List.of("not-an-email", "a@b", "two@@example.com", "@example.com", "")) {
            JsonNode body = assertError(register(bad, PASSWORD), 422, "VALIDATION_FAILED");
            assertThat(body.path("details").path("fields").has("email")).as(bad).isTrue();
        }
    }

    @Test
    void registerGrantsNothingTheBodyAsksFor() {
        String email = unique("escalate");
        HttpResponse<String> response = post("/register", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\",\"name\":\"Mallory\",\"roles\":[\"admin\"],\"verified\":true,\"trustScore\":100,"
                + "\"jakeBucksBalance\":\"1000.00\"}");

        assertThat(response.statusCode()).isIn(201, 400);
        Map<String, Object> row = jdbi.withHandle(h -> h.createQuery(
                "SELECT array_to_string(roles, ',') AS roles, verified, trust_score, jake_bucks_balance FROM users WHERE email = :e")
                .bind("e", email).mapToMap().findOne()).orElse(Map.of("roles", "user", "verified", false));
        assertThat(row.get("roles")).isEqualTo("user");
        assertThat(row.get("verified")).isEqualTo(false);
    }

    @Test
    void registerRefusesAPhoneThatIsNotInternational() {
        JsonNode body = assertError(post("/register", "{\"email\":\"" + unique("phone") + "\",\"password\":\""
                + PASSWORD + "\",\"name\":\"P\",\"phone\":\"call me maybe\"}"), 422, "VALIDATION_FAILED");
        assertThat(body.path("details").path("fields").has("phone")).isTrue();
    }

    @Test
    void registerRefusesMissingFields() {
        JsonNode body = assertError(post("/register", "{}"), 422, "VALIDATION_FAILED");
        assertThat(iterable(body.path("details").path("fields").fieldNames())).contains("email", "password", "name");
        assertError(post("/register", "{\"email\":\"" + unique("noname") + "\",\"password\":\"" + PASSWORD + "\"}"),
                422, "VALIDATION_FAILED");
        assertThat(post("/register", "").statusCode()).isIn(400, 422);
    }

    // ---- login ----

    @Test
    void loginAnswersTheUserAndTokens() {
        String email = unique("login");
        register(email, PASSWORD);

        HttpResponse<String> response = login(" " + email.toUpperCase(), PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = HttpCalls.body(response);
        assertThat(body.path("user").path("email").asText()).isEqualTo(email);
        assertThat(HttpCalls.TOKENS.verify(body.path("accessToken").asText(), Instant.now())).isPresent();
        assertThat(body.path("refreshToken").asText()).isNotBlank();
    }

    @Test
    void loginRefusesAWrongPasswordAndAnUnknownEmailWithTheSameAnswer() {
        String email = unique("same");
        register(email, PASSWORD);

        HttpResponse<String> wrongPassword = login(email, "not the right passphrase");
        HttpResponse<String> unknownEmail = login(unique("nobody"), "not the right passphrase");

        JsonNode wrong = assertError(wrongPassword, 401, "INVALID_CREDENTIALS");
        JsonNode unknown = assertError(unknownEmail, 401, "INVALID_CREDENTIALS");
        assertThat(unknown).isEqualTo(wrong);
        assertThat(login(email, "").statusCode()).isEqualTo(401);
        assertThat(login(email, "x".repeat(500)).statusCode()).isEqualTo(401);
        assertThat(login("not an email", PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    void loginRefusesAnAccountWithoutAPasswordLikeAWrongOne() {
        String email = unique("oauthonly");
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO users (email, name, google_subject) VALUES (:e, 'G', :s)")
                .bind("e", email).bind("s", "g-" + UUID.randomUUID()).execute());

        JsonNode body = assertError(login(email, PASSWORD), 401, "INVALID_CREDENTIALS");
        assertThat(body).isEqualTo(HttpCalls.body(login(unique("ghost"), PASSWORD)));
    }

    @Test
    void loginRefusesMissingFields() {
        assertError(post("/login", "{\"email\":\"" + unique("x") + "\"}"), 422, "VALIDATION_FAILED");
        assertError(post("/login", "{\"password\":\"" + PASSWORD + "\"}"), 422, "VALIDATION_FAILED");
    }

    @Test
    void loginOfABannedAccountIsRefusedOnlyOnceThePasswordIsRight() {
        String email = unique("banned");
        register(email, PASSWORD);
        jdbi.useHandle(h -> h.createUpdate("UPDATE users SET banned = true WHERE email = :e").bind("e", email).execute());

        assertError(login(email, PASSWORD), 403, "ACCOUNT_BANNED");
        assertError(login(email, "not the right passphrase"), 401, "INVALID_CREDENTIALS");
    }

    @Test
    void fiveFailedLoginsThrottleTheEmailEvenForTheRightPassword() {
        String email = unique("throttled");
        register(email, PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertError(login(email, "wrong guess number " + i), 401, "INVALID_CREDENTIALS");
        }

        HttpResponse<String> withRightPassword = login(email, PASSWORD);
        HttpResponse<String> withWrongPassword = login(email, "wrong guess again");

        JsonNode body = assertError(withRightPassword, 429, "RATE_LIMITED");
        assertThat(body.path("details").path("retryAfterSeconds").asLong()).isBetween(1L, 900L);
        long retryAfter = Long.parseLong(withRightPassword.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 900L);
        assertError(withWrongPassword, 429, "RATE_LIMITED");
        // Another email is not affected.
        String other = unique("unaffected");
        register(other, PASSWORD);
        assertThat(login(other, PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void theThrottleCountsFailuresOfOneMailboxWhateverTheSpelling() {
        String email = unique("spelling");
        register(email, PASSWORD);
        for (String spelling : List.of(email, email.toUpperCase(), " " + email, email + " ", capitalised(email))) {
            assertError(login(spelling, "wrong"), 401, "INVALID_CREDENTIALS");
        }

        assertError(login(email, PASSWORD), 429, "RATE_LIMITED");
    }

    @Test
    void theThrottleAppliesToUnknownEmailsTooSoItRevealsNothing() {
        String ghost = unique("ghost");
        for (int i = 0; i < 5; i++) {
            assertError(login(ghost, "guess " + i), 401, "INVALID_CREDENTIALS");
        }
        assertError(login(ghost, "guess 6"), 429, "RATE_LIMITED");
    }

    @Test
    void successfulLoginsSpendNoneOfTheFailureBudget() {
        String email = unique("frequent");
        register(email, PASSWORD);

        for (int i = 0; i < 8; i++) {
            assertThat(login(email, PASSWORD).statusCode()).as("login %d", i).isEqualTo(200);
        }
    }

    @Test
    void aSuccessfulLoginDoesNotWipeEarlierFailures() {
        String email = unique("history");
        register(email, PASSWORD);
        for (int i = 0; i < 4; i++) {
            login(email, "wrong " + i);
        }
        assertThat(login(email, PASSWORD).statusCode()).isEqualTo(200);
        assertError(login(email, "wrong 5"), 401, "INVALID_CREDENTIALS");

        assertError(login(email, PASSWORD), 429, "RATE_LIMITED");
    }

    @Test
    void concurrentGuessesCannotGetPastTheBudget() throws Exception {
        String email = unique("burst");
        register(email, PASSWORD);

        List<Integer> statuses = concurrently(12, () -> login(email, "parallel guess").statusCode());

        assertThat(statuses).filteredOn(s -> s == 401).hasSize(5);
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(7);
    }

    // ---- refresh ----

    @Test
    void refreshRotatesThePairAndTheOldTokenStopsWorking() {
        JsonNode session = HttpCalls.body(register(unique("rotate"), PASSWORD));
        String first = session.path("refreshToken").asText();

        HttpResponse<String> response = refresh(first);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode pair = HttpCalls.body(response);
        String second = pair.path("refreshToken").asText();
        assertThat(second).isNotBlank().isNotEqualTo(first);
        assertThat(HttpCalls.TOKENS.verify(pair.path("accessToken").asText(), Instant.now())).isPresent();
        assertThat(refresh(second).statusCode()).isEqualTo(200);
    }

    @Test
    void aRotatedTokenPresentedAgainIsReuseAndRevokesTheWholeFamily() {
        JsonNode session = HttpCalls.body(register(unique("reuse"), PASSWORD));
        String first = session.path("refreshToken").asText();
        String second = HttpCalls.body(refresh(first)).path("refreshToken").asText();

        assertError(refresh(first), 401, "TOKEN_REUSED");

        assertError(refresh(second), 401, "TOKEN_REVOKED");
        assertThat(liveTokensOfFamilyOf(first)).isZero();
        assertThat((Integer) jdbi.withHandle(h -> h.createQuery("""
                SELECT count(*) FROM audit_log WHERE entity_id = :id AND action = 'refresh_token_reuse'
                """).bind("id", session.path("user").path("id").asText()).mapTo(Integer.class).one())).isEqualTo(1);
    }

    @Test
    void reuseRevokesOnlyThatFamilyNotTheAccountsOtherSessions() {
        String email = unique("twodevices");
        String phone = HttpCalls.body(register(email, PASSWORD)).path("refreshToken").asText();
        String laptop = HttpCalls.body(login(email, PASSWORD)).path("refreshToken").asText();
        refresh(phone);

        assertError(refresh(phone), 401, "TOKEN_REUSED");

        assertThat(refresh(laptop).statusCode()).isEqualTo(200);
    }

    @Test
    void ofSixteenRacingRefreshesWithOneTokenExactlyOneSucceeds() throws Exception {
        String token = HttpCalls.body(register(unique("race"), PASSWORD)).path("refreshToken").asText();

        List<HttpResponse<String>> responses = concurrently(16, () -> refresh(token));

        assertThat(responses).filteredOn(r -> r.statusCode() == 200).hasSize(1);
        assertThat(responses).filteredOn(r -> r.statusCode() == 401).hasSize(15);
        assertThat(responses).filteredOn(r -> r.statusCode() == 401)
                .allSatisfy(r -> assertThat(HttpCalls.body(r).path("code").asText()).isEqualTo("TOKEN_REUSED"));
        // The losers saw the token already rotated, as a thief would: the family is revoked.
        assertThat(liveTokensOfFamilyOf(token)).isLessThanOrEqualTo(1).isZero();
    }

    @Test
    void refreshRefusesATokenItNeverIssued() {
        assertError(refresh(SecretTokens.newToken()), 401, "INVALID_TOKEN");
        assertError(post("/refresh", "{}"), 422, "VALIDATION_FAILED");
        assertError(post("/refresh", "{\"refreshToken\":\"" + "a".repeat(600) + "\"}"), 422, "VALIDATION_FAILED");
    }

    @Test
    void refreshRefusesATokenPastItsIdleOrAbsoluteEnd() {
        String idle = HttpCalls.body(register(unique("idle"), PASSWORD)).path("refreshToken").asText();
        String absolute = HttpCalls.body(register(unique("absolute"), PASSWORD)).path("refreshToken").asText();
        jdbi.useHandle(h -> h.createUpdate("UPDATE refresh_tokens SET idle_expires_at = now() - interval '1 second'"
                + " WHERE token_hash = :h").bind("h", SecretTokens.hash(idle)).execute());
        jdbi.useHandle(h -> h.createUpdate("UPDATE refresh_tokens SET expires_at = now() - interval '1 second'"
                + " WHERE token_hash = :h").bind("h", SecretTokens.hash(absolute)).execute());

        assertError(refresh(idle), 401, "TOKEN_EXPIRED");
        assertError(refresh(absolute), 401, "TOKEN_EXPIRED");
    }

    @Test
    void refreshOfABannedAccountIsRefused() {
        String email = unique("bannedlater");
        String token = HttpCalls.body(register(email, PASSWORD)).path("refreshToken").asText();
        jdbi.useHandle(h -> h.createUpdate("UPDATE users SET banned = true WHERE email = :e").bind("e", email).execute());

        assertError(refresh(token), 403, "ACCOUNT_BANNED");
        jdbi.useHandle(h -> h.createUpdate("UPDATE users SET banned = false WHERE email = :e").bind("e", email).execute());
        assertThat(refresh(token).statusCode()).as("the ban revoked the family").isEqualTo(401);
    }

    // ---- logout ----

    @Test
    void logoutRevokesTheFamilyAndNothingElse() {
        String email = unique("logout");
        String first = HttpCalls.body(register(email, PASSWORD)).path("refreshToken").asText();
        String rotated = HttpCalls.body(refresh(first)).path("refreshToken").asText();
        String otherDevice = HttpCalls.body(login(email, PASSWORD)).path("refreshToken").asText();

        HttpResponse<String> response = post("/logout", "{\"refreshToken\":\"" + rotated + "\"}");

        assertThat(response.statusCode()).isEqualTo(204);
        assertError(refresh(rotated), 401, "TOKEN_REVOKED");
        assertThat(liveTokensOfFamilyOf(first)).isZero();
        assertThat(refresh(otherDevice).statusCode()).isEqualTo(200);
    }

    @Test
    void logoutWithAnUnknownTokenAnswersTheSame() {
        assertThat(post("/logout", "{\"refreshToken\":\"" + SecretTokens.newToken() + "\"}").statusCode()).isEqualTo(204);
        assertError(post("/logout", "{}"), 422, "VALIDATION_FAILED");
    }

    // ---- password reset ----

    @Test
    void passwordResetMailsALinkThatSetsANewPasswordOnceAndEndsEverySession() throws Exception {
        String email = unique("forgot");
        String sessionA = HttpCalls.body(register(email, PASSWORD)).path("refreshToken").asText();
        String sessionB = HttpCalls.body(login(email, PASSWORD)).path("refreshToken").asText();

        HttpResponse<String> requested = post("/password-reset/request", "{\"email\":\"" + email.toUpperCase() + "\"}");
        assertThat(requested.statusCode()).isEqualTo(202);
        String mail = mailTo(email).orElseThrow();
        assertThat(mail).contains("Subject: Reset your JakeBuysIt password").contains("https://app.jakebuysit.test/reset-password?token=");
        String token = resetToken(mail);
        assertThat((Integer) jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM password_reset_tokens WHERE token_hash = :h")
                .bind("h", SecretTokens.hash(token)).mapTo(Integer.class).one())).isEqualTo(1);

        String newPassword = "a brand new passphrase";
        HttpResponse<String> confirmed = confirm(token, newPassword);

        assertThat(confirmed.statusCode()).isEqualTo(204);
        assertError(login(email, PASSWORD), 401, "INVALID_CREDENTIALS");
        assertThat(login(email, newPassword).statusCode()).isEqualTo(200);
        assertError(refresh(sessionA), 401, "TOKEN_REVOKED");
        assertError(refresh(sessionB), 401, "TOKEN_REVOKED");
        assertError(confirm(token, "yet another passphrase"), 400, "INVALID_RESET_TOKEN");
        assertThat(login(email, newPassword).statusCode()).isEqualTo(200);
    }

    @Test
    void passwordResetAnswersTheSameForAnUnknownEmailAndSendsNothing() {
        String ghost = unique("nomailbox");
        HttpResponse<String> response = post("/password-reset/request", "{\"email\":\"" + ghost + "\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEmpty();
        assertThat(mailTo(ghost)).isEmpty();
        assertError(post("/password-reset/request", "{}"), 422, "VALIDATION_FAILED");
    }

    @Test
    void aBannedAccountGetsNoResetMailButTheSameAnswer() {
        String email = unique("bannedreset");
        register(email, PASSWORD);
        jdbi.useHandle(h -> h.createUpdate("UPDATE users SET banned = true WHERE email = :e").bind("e", email).execute());

        assertThat(post("/password-reset/request", "{\"email\":\"" + email + "\"}").statusCode()).isEqualTo(202);

        assertThat(mailTo(email)).isEmpty();
    }

    @Test
    void aWeakNewPasswordIsRefusedAndTheLinkStillWorks() {
        String email = unique("weaknew");
        register(email, PASSWORD);
        post("/password-reset/request", "{\"email\":\"" + email + "\"}");
        String token = resetToken(mailTo(email).orElseThrow());

        assertError(confirm(token, "short"), 422, "VALIDATION_FAILED");
        assertError(confirm(token, "password123"), 422, "VALIDATION_FAILED");

        assertThat(confirm(token, "strong enough passphrase").statusCode()).isEqualTo(204);
    }

    @Test
    void anUnknownOrExpiredResetTokenIsRefused() {
        String email = unique("expiredlink");
        register(email, PASSWORD);
        post("/password-reset/request", "{\"email\":\"" + email + "\"}");
        String token = resetToken(mailTo(email).orElseThrow());
        jdbi.useHandle(h -> h.createUpdate("UPDATE password_reset_tokens SET expires_at = now() - interval '1 second'"
                + " WHERE token_hash = :h").bind("h", SecretTokens.hash(token)).execute());

        assertError(confirm(token, "a fresh passphrase"), 400, "INVALID_RESET_TOKEN");
        assertError(confirm(SecretTokens.newToken(), "a fresh passphrase"), 400, "INVALID_RESET_TOKEN");
        assertThat(login(email, PASSWORD).statusCode()).as("the old password still works").isEqualTo(200);
    }

    @Test
    void resetMailsToOneAddressAreCapped() {
        String email = unique("flooded");
        register(email, PASSWORD);

        for (int i = 0; i < 5; i++) {
            assertThat(post("/password-reset/request", "{\"email\":\"" + email + "\"}").statusCode()).isEqualTo(202);
        }

        assertThat(mailsTo(email)).hasSize(3);
    }

    // ---- bootstrap admin, providers ----

    @Test
    void theBootstrapAdminWasCreatedAtStartWithTheAdminRole() {
        HttpResponse<String> response = login(ADMIN_EMAIL, ADMIN_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode user = HttpCalls.body(response).path("user");
        assertThat(user.path("roles")).extracting(JsonNode::asText).containsExactlyInAnyOrder("admin", "user");
        assertThat((List<String>) jdbi.withHandle(h -> h.createQuery("""
                SELECT actor_role FROM audit_log WHERE action = 'bootstrap_admin_created' AND entity_id = :id
                """).bind("id", user.path("id").asText()).mapTo(String.class).list())).containsExactly("system");
    }

    @Test
    void signInWithAProviderThatIsNotConfiguredIsRefused() {
        assertError(post("/oauth/google", "{\"idToken\":\"eyJhbGciOiJSUzI1NiJ9.e30.c2ln\"}"), 401, "INVALID_ID_TOKEN");
        assertError(post("/oauth/apple", "{\"identityToken\":\"eyJhbGciOiJSUzI1NiJ9.e30.c2ln\"}"), 401,
                "INVALID_ID_TOKEN");
        assertError(post("/oauth/google", "{}"), 422, "VALIDATION_FAILED");
        assertError(post("/oauth/apple", "{\"idToken\":\"x\"}"), 422, "VALIDATION_FAILED");
    }

    // ---- helpers ----

    private static HttpResponse<String> register(String email, String password) {
        return post("/register", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"name\":\"Test Seller\"}");
    }

    private static HttpResponse<String> login(String email, String password) {
        return post("/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    private static HttpResponse<String> refresh(String token) {
        return post("/refresh", "{\"refreshToken\":\"" + token + "\"}");
    }

    private static HttpResponse<String> confirm(String token, String newPassword) {
        return post("/password-reset/confirm", "{\"token\":\"" + token + "\",\"newPassword\":\"" + newPassword + "\"}");
    }

    private static HttpResponse<String> post(String path, String json) {
        return http.send("POST", "/api/v1/auth" + path, null, json);
    }

    static JsonNode assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = HttpCalls.body(response);
        assertThat(body.path("code").asText()).isEqualTo(code);
        assertThat(body.path("statusCode").asInt()).isEqualTo(status);
        assertThat(body.path("error").asText()).isNotBlank();
        assertThat(body.path("details").isObject()).isTrue();
        return body;
    }

    private static int liveTokensOfFamilyOf(String token) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT count(*) FROM refresh_tokens
                 WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = :h)
                   AND revoked_at IS NULL AND rotated_at IS NULL AND expires_at > now()
                """).bind("h", SecretTokens.hash(token)).mapTo(Integer.class).one());
    }

    private static Optional<String> mailTo(String email) {
        List<String> mails = mailsTo(email);
        return mails.isEmpty() ? Optional.empty() : Optional.of(mails.get(mails.size() - 1));
    }

    private static List<String> mailsTo(String email) {
        try (Stream<Path> files = Files.exists(MAIL) ? Files.list(MAIL) : Stream.empty()) {
            List<String> found = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                String text = Files.readString(file);
                if (text.contains("\r\nTo: " + email + "\r\n")) {
                    found.add(text);
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resetToken(String mail) {
        Matcher matcher = Pattern.compile("/reset-password\\?token=([A-Za-z0-9_-]+)").matcher(mail);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static <T> List<T> concurrently(int callers, java.util.concurrent.Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static String capitalised(String email) {
        return Character.toUpperCase(email.charAt(0)) + email.substring(1);
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("jakebuysit-mail");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
