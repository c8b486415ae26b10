package com.jakebuysit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.jakebuysit.domain.account.Role;
import com.jakebuysit.domain.account.User;
import com.jakebuysit.testsupport.AccountFixtures;
import com.jakebuysit.testsupport.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Admins find accounts and change roles, bans and trust; every change is audited, no admin locks themselves out. */
@ExtendWith(DropwizardExtensionsSupport.class)
class AdminUsersApiTest {

    private static final TestDatabase DB = TestDatabase.create("adminusers");

    static final DropwizardAppExtension<JakeBuysItConfiguration> APP = new DropwizardAppExtension<>(
            TestApplication.class, "config.yml", TestSupport.overrides(DB, "adminusers"));

    private static Jdbi jdbi;
    private static AccountFixtures fixtures;
    private static HttpCalls http;
    private static User admin;
    private static String adminToken;

    @BeforeAll
    static void start() {
        jdbi = DB.jdbi();
        fixtures = new AccountFixtures(jdbi);
        http = new HttpCalls(APP.getLocalPort());
        admin = fixtures.account("root-admin@example.com", EnumSet.of(Role.USER, Role.ADMIN), false);
        adminToken = HttpCalls.tokenFor(admin);
    }

    @AfterAll
    static void dropSchema() {
        DB.close();
    }

    @Test
    void searchFindsByEmailOrNameAndPagesWithoutGapOrOverlap() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(fixtures.account("needle" + i + "@haystack.example", Set.of(Role.USER), false).id().toString());
        }
        fixtures.account("someone-else@example.com", Set.of(Role.USER), false);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpResponse<String> response = http.get("/api/v1/admin/users?query=NEEDLE&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor), adminToken);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode page = HttpCalls.body(response);
            page.path("data").forEach(user -> seen.add(user.path("id").asText()));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(seen).hasSize(5).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(made);
        assertThat(pages).isEqualTo(3);
        HttpResponse<String> bad = http.get("/api/v1/admin/users?cursor=xyz", adminToken);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(HttpCalls.body(bad).path("code").asText()).isEqualTo("INVALID_CURSOR");
    }

    @Test
    void searchShowsTheUserFieldsAndTheBan() {
        User banned = fixtures.account("listed-banned@example.com", Set.of(Role.USER), true);
        JsonNode page = HttpCalls.body(http.get("/api/v1/admin/users?query=listed-banned", adminToken));

        assertThat(page.path("data").size()).isEqualTo(1);
        JsonNode user = page.path("data").get(0);
        assertThat(user.path("id").asText()).isEqualTo(banned.id().toString());
        assertThat(user.path("email").asText()).isEqualTo("listed-banned@example.com");
        assertThat(user.path("banned").asBoolean()).isTrue();
        assertThat(user.path("jakeBucksBalance").asText()).isEqualTo("0.00");
    }

    @Test
    void patchChangesRolesBanAndTrustAndAuditsBeforeAndAfterWithTheAdminAsActor() {
        User target = fixtures.account("staff-to-be@example.com", Set.of(Role.USER), false);

        HttpResponse<String> response = http.send("PATCH", "/api/v1/admin/users/" + target.id(), adminToken,
                "{\"roles\":[\"user\",\"reviewer\"],\"trustScore\":72}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode user = HttpCalls.body(response);
        assertThat(user.path("roles")).extracting(JsonNode::asText).containsExactly("reviewer", "user");
        assertThat(user.path("trustScore").asInt()).isEqualTo(72);
        List<Map<String, Object>> audit = audit(target);
        assertThat(audit).hasSize(1);
        Map<String, Object> row = audit.get(0);
        assertThat(row.get("action")).isEqualTo("admin_updated");
        assertThat(row.get("actor_id")).hasToString(admin.id().toString());
        assertThat(row.get("actor_role")).isEqualTo("admin");
        assertThat(row.get("request_id")).isNotNull();
        JsonNode before = HttpCalls.body(response).deepCopy();
        before = json(row.get("before"));
        JsonNode after = json(row.get("after"));
        assertThat(before.path("roles")).extracting(JsonNode::asText).containsExactly("user");
        assertThat(before.path("trustScore").asInt()).isEqualTo(50);
        assertThat(after.path("roles")).extracting(JsonNode::asText).containsExactly("reviewer", "user");
        assertThat(after.path("trustScore").asInt()).isEqualTo(72);
        assertThat(after.has("banned")).isFalse();

        // The new role works at once, with the token the account already holds.
        User reviewer = target;
        assertThat(http.get("/api/v1/users/me", HttpCalls.tokenFor(reviewer)).body()).contains("reviewer");
    }

    @Test
    void aBanEndsEverySessionOfTheAccount() {
        User target = fixtures.account("to-be-banned@example.com", Set.of(Role.USER), false);
        String token = HttpCalls.tokenFor(target);
        UUID family = UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            jdbi.useHandle(h -> h.createUpdate("""
                    INSERT INTO refresh_tokens (token_hash, user_id, family_id, expires_at, idle_expires_at)
                    VALUES (:hash, :user, :family, :exp, :exp)""")
                    .bind("hash", UUID.randomUUID().toString()).bind("user", target.id().value())
                    .bind("family", family)
                    .bind("exp", Instant.now().plus(7, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC)).execute());
        }
        assertThat(http.get("/api/v1/users/me", token).statusCode()).isEqualTo(200);

        HttpResponse<String> response = http.send("PATCH", "/api/v1/admin/users/" + target.id(), adminToken,
                "{\"banned\":true}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(HttpCalls.body(response).path("banned").asBoolean()).isTrue();
        assertThat(http.get("/api/v1/users/me", token).statusCode()).isEqualTo(401);
        Integer live = jdbi.withHandle(h -> h.createQuery(
                "SELECT count(*) FROM refresh_tokens WHERE user_id = :u AND revoked_at IS NULL")
                .bind("u", target.id().value()).mapTo(Integer.class).one());
        assertThat(live).isZero();
        assertThat(json(audit(target).get(0).get("after")).path("banned").asBoolean()).isTrue();

        HttpResponse<String> unbanned = http.send("PATCH", "/api/v1/admin/users/" + target.id(), adminToken,
                "{\"banned\":false}");
        assertThat(HttpCalls.body(unbanned).path("banned").asBoolean()).isFalse();
        assertThat(http.get("/api/v1/users/me", token).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"roles\":[\"user\"]}", "{\"roles\":[\"reviewer\"]}", "{\"banned\":true}"})
    void anAdminCannotLockThemselvesOut(String body) {
        User self = fixtures.account("self-" + UUID.randomUUID() + "@example.com", EnumSet.of(Role.USER, Role.ADMIN),
                false);

        HttpResponse<String> response = http.send("PATCH", "/api/v1/admin/users/" + self.id(),
                HttpCalls.tokenFor(self), body);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(HttpCalls.body(response).path("code").asText()).isEqualTo("SELF_LOCKOUT");
        JsonNode me = HttpCalls.body(http.get("/api/v1/users/me", HttpCalls.tokenFor(self)));
        assertThat(me.path("roles")).extracting(JsonNode::asText).contains("admin");
        assertThat(me.path("banned").asBoolean()).isFalse();
        assertThat(audit(self)).isEmpty();
    }

    @Test
    void anAdminMayStillChangeTheirOwnTrustAndOtherRoles() {
        User self = fixtures.account("self-ok@example.com", EnumSet.of(Role.USER, Role.ADMIN), false);
        HttpResponse<String> response = http.send("PATCH", "/api/v1/admin/users/" + self.id(),
                HttpCalls.tokenFor(self), "{\"roles\":[\"admin\",\"warehouse\"],\"trustScore\":90}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(HttpCalls.body(response).path("roles")).extracting(JsonNode::asText)
                .containsExactly("admin", "warehouse");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"roles\":[]}",
        "{\"roles\":[\"king\"]}",
        "{\"roles\":[\"user\",\"ADMIN\"]}",
        "{\"trustScore\":101}",
        "{\"trustScore\":-1}",
        "null"})
    void invalidChangesAre422AndChangeNothing(String body) {
        User target = fixtures.account("invalid-" + UUID.randomUUID() + "@example.com", Set.of(Role.USER), false);

        HttpResponse<String> response = http.send("PATCH", "/api/v1/admin/users/" + target.id(), adminToken, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(HttpCalls.body(response).path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(audit(target)).isEmpty();
    }

    @Test
    void anUnknownAccountIs404() {
        for (String id : List.of(UUID.randomUUID().toString(), "not-a-uuid")) {
            HttpResponse<String> response = http.send("PATCH", "/api/v1/admin/users/" + id, adminToken,
                    "{\"trustScore\":10}");
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(HttpCalls.body(response).path("code").asText()).isEqualTo("NOT_FOUND");
        }
    }

    private static List<Map<String, Object>> audit(User user) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT action, actor_id, actor_role, request_id, before::text AS before, after::text AS after
                  FROM audit_log WHERE entity_type = 'user' AND entity_id = :id ORDER BY id""")
                .bind("id", user.id().toString()).mapToMap().list());
    }

    private static JsonNode json(Object text) {
        try {
            return HttpCalls.JSON.readTree(text.toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
