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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The users API over HTTP on the real stack: profile, payout method, dashboard, history, Jake Bucks. */
@ExtendWith(DropwizardExtensionsSupport.class)
class UsersApiTest {

    private static final TestDatabase DB = TestDatabase.create("usersapi");

    static final DropwizardAppExtension<JakeBuysItConfiguration> APP = new DropwizardAppExtension<>(
            TestApplication.class, "config.yml", TestSupport.overrides(DB, "usersapi"));

    private static Jdbi jdbi;
    private static AccountFixtures fixtures;
    private static HttpCalls http;

    @BeforeAll
    static void start() {
        jdbi = DB.jdbi();
        fixtures = new AccountFixtures(jdbi);
        http = new HttpCalls(APP.getLocalPort());
    }

    @AfterAll
    static void dropSchema() {
        DB.close();
    }

    @Test
    void meAnswersWithTheContractsUserFields() {
        User seller = seller();
        JsonNode me = HttpCalls.body(http.get("/api/v1/users/me", HttpCalls.tokenFor(seller)));

        assertThat(me.path("id").asText()).isEqualTo(seller.id().toString());
        assertThat(me.path("email").asText()).isEqualTo(seller.email().value());
        assertThat(me.path("name").asText()).isEqualTo(seller.name());
        assertThat(me.has("phone")).isTrue();
        assertThat(me.path("phone").isNull()).isTrue();
        assertThat(me.path("roles")).extracting(JsonNode::asText).containsExactly("user");
        assertThat(me.path("verified").isBoolean()).isTrue();
        assertThat(me.path("trustScore").asInt()).isEqualTo(50);
        assertThat(me.path("jakeBucksBalance").asText()).isEqualTo("0.00");
        assertThat(Instant.parse(me.path("createdAt").asText())).isNotNull();
        assertThat(me.has("passwordHash")).isFalse();
    }

    @Test
    void patchMeChangesWhatIsGivenKeepsTheRestAndAuditsIt() {
        User seller = seller();
        String token = HttpCalls.tokenFor(seller);

        HttpResponse<String> renamed = http.send("PATCH", "/api/v1/users/me", token,
                "{\"name\":\"  Jane Seller \",\"phone\":\"+1 (512) 555-0123\"}");
        HttpResponse<String> phoneOnly = http.send("PATCH", "/api/v1/users/me", token, "{\"phone\":\"+44 20 7946 0958\"}");

        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(HttpCalls.body(renamed).path("name").asText()).isEqualTo("Jane Seller");
        assertThat(HttpCalls.body(renamed).path("phone").asText()).isEqualTo("+15125550123");
        assertThat(HttpCalls.body(phoneOnly).path("name").asText()).isEqualTo("Jane Seller");
        assertThat(HttpCalls.body(phoneOnly).path("phone").asText()).isEqualTo("+442079460958");

        List<Map<String, Object>> audit = audit(seller, "profile_updated");
        assertThat(audit).hasSize(2);
        assertThat(audit.get(0).get("actor_id")).hasToString(seller.id().toString());
        assertThat(audit.get(0).get("before").toString()).contains("\"name\"").contains(seller.name());
        assertThat(audit.get(0).get("after").toString()).contains("Jane Seller").contains("+15125550123");
        assertThat(audit.get(1).get("before").toString()).doesNotContain("name");

        HttpResponse<String> removed = http.send("PATCH", "/api/v1/users/me", token, "{\"phone\":\"\"}");
        assertThat(HttpCalls.body(removed).path("phone").isNull()).isTrue();
        HttpResponse<String> nothing = http.send("PATCH", "/api/v1/users/me", token, "{}");
        assertThat(nothing.statusCode()).isEqualTo(200);
        assertThat(audit(seller, "profile_updated")).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"name\":\"   \"}",
        "{\"name\":\"\"}",
        "{\"phone\":\"5125550123\"}",
        "{\"phone\":\"+1 512 CALL ME\"}",
        "{\"phone\":\"+12\"}",
        "null"})
    void patchMeRefusesBadFieldsWith422AndChangesNothing(String body) {
        User seller = seller();
        HttpResponse<String> response = http.send("PATCH", "/api/v1/users/me", HttpCalls.tokenFor(seller), body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(HttpCalls.body(response).path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(HttpCalls.body(http.get("/api/v1/users/me", HttpCalls.tokenFor(seller))).path("name").asText())
                .isEqualTo(seller.name());
        assertThat(audit(seller, "profile_updated")).isEmpty();
    }

    @Test
    void patchMeRefusesANameLongerThan100() {
        HttpResponse<String> response = http.send("PATCH", "/api/v1/users/me", HttpCalls.tokenFor(seller()),
                "{\"name\":\"" + "x".repeat(101) + "\"}");
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(HttpCalls.body(response).path("details").path("fields").has("name")).isTrue();
    }

    @Test
    void payoutDetailsAreSealedAtRestAndOnlyEverShownMasked() {
        record Case(String body, List<String> secrets, String masked) {
        }
        List<Case> cases = List.of(
                new Case("{\"method\":\"stripe\",\"details\":{\"accountId\":\"acct_1Nv0FGQ9RKHgCVdK\"}}",
                        List.of("acct_1Nv0FGQ9RKHgCVdK", "1Nv0FGQ9RKHg"), "Stripe account \u2022\u2022\u2022\u2022CVdK"),
                new Case("{\"method\":\"stripe\",\"details\":{\"routingNumber\":\"011000015\",\"accountNumber\":\"000987654321\"}}",
                        List.of("011000015", "000987654321", "0009876543", "98765"), "Bank account \u2022\u2022\u2022\u2022 4321"),
                new Case("{\"method\":\"paypal\",\"details\":{\"email\":\"jane.payee@example.org\"}}",
                        List.of("jane.payee@example.org", "jane.payee"), "j\u2022\u2022\u2022@example.org"));
        for (Case c : cases) {
            User seller = seller();
            String token = HttpCalls.tokenFor(seller);

            HttpResponse<String> response = http.send("PUT", "/api/v1/users/me/payout-method", token, c.body());
            HttpResponse<String> me = http.get("/api/v1/users/me", token);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode body = HttpCalls.body(response);
            assertThat(body.path("details").asText()).isEqualTo(c.masked());
            assertThat(body.path("user").path("payoutDetails").asText()).isEqualTo(c.masked());
            assertThat(HttpCalls.body(me).path("payoutDetails").asText()).isEqualTo(c.masked());
            byte[] raw = jdbi.withHandle(h -> h.createQuery(
                    "SELECT payout_details_ciphertext FROM users WHERE id = :id")
                    .bind("id", seller.id().value()).mapTo(byte[].class).one());
            assertThat(raw).isNotNull();
            String rawText = new String(raw, StandardCharsets.ISO_8859_1);
            String auditText = audit(seller, "payout_method_set").toString();
            for (String secret : c.secrets()) {
                assertThat(response.body()).doesNotContain(secret);
                assertThat(me.body()).doesNotContain(secret);
                assertThat(rawText).doesNotContain(secret);
                assertThat(auditText).doesNotContain(secret);
            }
            assertThat(auditText).contains(c.masked());
        }
    }

    @Test
    void switchingToJakeBucksForgetsTheSealedDetails() {
        User seller = seller();
        String token = HttpCalls.tokenFor(seller);
        http.send("PUT", "/api/v1/users/me/payout-method", token,
                "{\"method\":\"paypal\",\"details\":{\"email\":\"jane.payee@example.org\"}}");

        HttpResponse<String> response = http.send("PUT", "/api/v1/users/me/payout-method", token,
                "{\"method\":\"jake_bucks\",\"details\":{}}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(HttpCalls.body(response).path("method").asText()).isEqualTo("jake_bucks");
        assertThat(HttpCalls.body(response).path("details").isNull()).isTrue();
        Map<String, Object> row = jdbi.withHandle(h -> h.createQuery("""
                SELECT payout_method, payout_details_ciphertext, payout_details_key_id, payout_details_masked
                  FROM users WHERE id = :id""").bind("id", seller.id().value()).mapToMap().one());
        assertThat(row.get("payout_method")).isEqualTo("jake_bucks");
        assertThat(row.get("payout_details_ciphertext")).isNull();
        assertThat(row.get("payout_details_key_id")).isNull();
        assertThat(row.get("payout_details_masked")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"method\":\"bitcoin\",\"details\":{}}",
        "{\"details\":{\"accountId\":\"acct_1Nv0FGQ9RKHgCVdK\"}}",
        "{\"method\":\"stripe\"}",
        "{\"method\":\"stripe\",\"details\":{}}",
        "{\"method\":\"stripe\",\"details\":{\"accountId\":\"cus_123456789\"}}",
        "{\"method\":\"stripe\",\"details\":{\"routingNumber\":\"011000016\",\"accountNumber\":\"12345678\"}}",
        "{\"method\":\"stripe\",\"details\":{\"routingNumber\":11000015,\"accountNumber\":\"12345678\"}}",
        "{\"method\":\"stripe\",\"details\":{\"routingNumber\":\"011000015\"}}",
        "{\"method\":\"stripe\",\"details\":{\"routingNumber\":\"011000015\",\"accountNumber\":\"12345678\",\"ssn\":\"078051120\"}}",
        "{\"method\":\"stripe\",\"details\":\"acct_1Nv0FGQ9RKHgCVdK\"}",
        "{\"method\":\"paypal\",\"details\":{\"email\":\"not-an-email\"}}",
        "{\"method\":\"paypal\",\"details\":{}}",
        "{\"method\":\"jake_bucks\",\"details\":{\"email\":\"jane@example.org\"}}"})
    void payoutMethodRefusesDetailsThatDoNotFitTheMethod(String body) {
        User seller = seller();
        HttpResponse<String> response = http.send("PUT", "/api/v1/users/me/payout-method",
                HttpCalls.tokenFor(seller), body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(HttpCalls.body(response).path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.body()).doesNotContain("078051120").doesNotContain("12345678");
        assertThat(HttpCalls.body(http.get("/api/v1/users/me", HttpCalls.tokenFor(seller))).path("payoutMethod")
                .isNull()).isTrue();
    }

    @Test
    void dashboardShowsTheSellersFiguresAsMoneyStrings() {
        User seller = seller();
        fixtures.offer(seller.id(), "shipped", Instant.now());
        fixtures.offer(seller.id(), "declined", Instant.now());
        fixtures.payout(seller.id(), "jake_bucks", "paid", "40.00", "4.80", Instant.now());
        fixtures.balance(seller.id(), "44.80");

        JsonNode figures = HttpCalls.body(http.get("/api/v1/users/me/dashboard", HttpCalls.tokenFor(seller)));

        assertThat(figures.path("activeOffers").asInt()).isEqualTo(1);
        assertThat(figures.path("completedSales").asInt()).isEqualTo(1);
        assertThat(figures.path("totalEarned").asText()).isEqualTo("44.80");
        assertThat(figures.path("jakeBucksBalance").asText()).isEqualTo("44.80");
        assertThat(figures.path("trustScore").asInt()).isEqualTo(50);
    }

    @Test
    void historyPagesThroughEveryKindWithoutGapOrOverlap() {
        User seller = seller();
        Instant t = Instant.parse("2024-06-01T10:00:00Z");
        Set<String> made = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            made.add(fixtures.offer(seller.id(), "ready", t.plusSeconds(i * 10L)).toString());
            made.add(fixtures.jakeBucks(seller.id(), "credit", "1.00", (i + 1) + ".00", t.plusSeconds(i * 10L + 1))
                    .toString());
        }
        made.add(fixtures.payout(seller.id(), "paypal", "sent", "5.00", "0.00", t.plusSeconds(5)).toString());
        // The payout's own offer is history too.
        int expected = made.size() + 1;
        String token = HttpCalls.tokenFor(seller);

        List<JsonNode> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpResponse<String> response = http.get("/api/v1/users/me/history?limit=3"
                    + (cursor == null ? "" : "&cursor=" + cursor), token);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode page = HttpCalls.body(response);
            assertThat(page.path("data").size()).isLessThanOrEqualTo(3);
            page.path("data").forEach(seen::add);
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(seen).hasSize(expected);
        assertThat(seen.stream().map(item -> item.path("id").asText()).distinct()).hasSize(expected);
        assertThat(seen.stream().map(item -> item.path("id").asText())).containsAll(made);
        List<Instant> times = seen.stream().map(item -> Instant.parse(item.path("createdAt").asText())).toList();
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(seen).extracting(item -> item.path("type").asText())
                .containsOnly("offer", "payout", "jake_bucks");
        JsonNode payout = seen.stream().filter(item -> item.path("type").asText().equals("payout")).findFirst()
                .orElseThrow();
        assertThat(payout.path("amount").asText()).isEqualTo("5.00");
        assertThat(payout.path("method").asText()).isEqualTo("paypal");
        assertThat(payout.path("status").asText()).isEqualTo("sent");
    }

    @Test
    void badCursorsAndLimitsAre400() {
        String token = HttpCalls.tokenFor(seller());
        for (String path : List.of("/api/v1/users/me/history?cursor=bogus", "/api/v1/users/me/jake-bucks?cursor=bogus")) {
            HttpResponse<String> response = http.get(path, token);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(HttpCalls.body(response).path("code").asText()).isEqualTo("INVALID_CURSOR");
        }
        HttpResponse<String> limit = http.get("/api/v1/users/me/history?limit=lots", token);
        assertThat(limit.statusCode()).isEqualTo(400);
        assertThat(HttpCalls.body(limit).path("code").asText()).isEqualTo("INVALID_LIMIT");
    }

    @Test
    void jakeBucksShowsTheBalanceAndPagesTheEntries() {
        User seller = seller();
        Instant t = Instant.parse("2024-06-01T10:00:00Z");
        fixtures.jakeBucks(seller.id(), "credit", "100.00", "100.00", t);
        fixtures.jakeBucks(seller.id(), "bonus", "12.00", "112.00", t.plusSeconds(1));
        fixtures.jakeBucks(seller.id(), "debit", "-30.50", "81.50", t.plusSeconds(2));
        fixtures.balance(seller.id(), "81.50");
        String token = HttpCalls.tokenFor(seller);

        JsonNode first = HttpCalls.body(http.get("/api/v1/users/me/jake-bucks?limit=2", token));
        JsonNode second = HttpCalls.body(http.get("/api/v1/users/me/jake-bucks?limit=2&cursor="
                + first.path("nextCursor").asText(), token));

        assertThat(first.path("balance").asText()).isEqualTo("81.50");
        assertThat(first.path("data")).extracting(e -> e.path("type").asText()).containsExactly("debit", "bonus");
        assertThat(second.path("data")).extracting(e -> e.path("type").asText()).containsExactly("credit");
        assertThat(second.path("nextCursor").isNull()).isTrue();
        JsonNode debit = first.path("data").get(0);
        assertThat(debit.path("amount").asText()).isEqualTo("-30.50");
        assertThat(debit.path("balanceAfter").asText()).isEqualTo("81.50");
        assertThat(debit.path("referenceType").asText()).isEqualTo("offer");
        assertThat(debit.path("referenceId").asText()).hasSize(36);
        assertThat(debit.path("description").asText()).isNotBlank();
        assertThat(debit.path("createdAt").asText()).isEqualTo("2024-06-01T10:00:02Z");
    }

    private static User seller() {
        return fixtures.account("seller-" + java.util.UUID.randomUUID() + "@example.com", Set.of(Role.USER), false);
    }

    private static List<Map<String, Object>> audit(User user, String action) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT actor_id, actor_role, before::text AS before, after::text AS after FROM audit_log
                 WHERE entity_type = 'user' AND entity_id = :id AND action = :action ORDER BY id""")
                .bind("id", user.id().toString()).bind("action", action).mapToMap().list());
    }
}
