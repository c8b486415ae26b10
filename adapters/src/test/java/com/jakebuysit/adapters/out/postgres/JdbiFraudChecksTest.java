package com.jakebuysit.adapters.out.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jakebuysit.application.port.Offers.Origin;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.Reason;
import com.jakebuysit.domain.account.User;
import com.jakebuysit.domain.fraud.Assessment;
import com.jakebuysit.domain.fraud.Verdict;
import com.jakebuysit.domain.offer.Offer;
import com.jakebuysit.domain.testing.OfferBuilder;
import com.jakebuysit.testsupport.TestDatabase;
import io.dropwizard.jackson.Jackson;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fraud verdicts on the real PostgreSQL: one row per verdict, with its reasons and facts as JSON. */
class JdbiFraudChecksTest {

    private static final ObjectMapper JSON = Jackson.newObjectMapper();

    private static TestDatabase db;
    private static Jdbi jdbi;
    private static JdbiFraudChecks checks;

    @BeforeAll
    static void migrate() {
        db = TestDatabase.migrated("jdbifraudchecks");
        jdbi = db.jdbi();
        checks = new JdbiFraudChecks(jdbi, JSON);
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void a_verdict_is_stored_with_its_reasons_and_facts() throws Exception {
        User seller = Accounts.anAccount("Suspect");
        new JdbiUsers(jdbi).insert(seller);
        Offer offer = OfferBuilder.anOffer().anonymous().build();
        new JdbiOffers(jdbi).insert(offer, new Origin(Optional.empty(), Optional.empty()));
        Assessment assessment = new Assessment(Verdict.ESCALATE, List.of(
                new Reason("fraud.photo_similarity", "photo 1 matches an offer of another account"),
                new Reason("fraud.velocity", "6 offers in the last hour")));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("offersLastHour", 6);
        facts.put("matchedOffers", List.of("offer-a", "offer-b"));
        facts.put("capturedAt", Instant.parse("2026-03-01T12:00:00Z"));
        facts.put("software", Optional.of("Photoshop"));

        checks.record(Optional.of(offer.id()), Optional.of(seller.id()), "intake", assessment, facts);

        Map<String, Object> row = only(offer.id());
        assertThat(row).containsEntry("user_id", seller.id().value()).containsEntry("check_type", "intake")
                .containsEntry("result", "escalate").containsEntry("score", null);
        assertThat(JSON.readTree((String) row.get("reasons"))).isEqualTo(JSON.readTree("""
                [{"rule": "fraud.photo_similarity", "message": "photo 1 matches an offer of another account"},
                 {"rule": "fraud.velocity", "message": "6 offers in the last hour"}]"""));
        JsonNode storedFacts = JSON.readTree((String) row.get("facts"));
        assertThat(storedFacts.get("offersLastHour").asInt()).isEqualTo(6);
        assertThat(storedFacts.get("matchedOffers")).isEqualTo(JSON.readTree("[\"offer-a\", \"offer-b\"]"));
        assertThat(storedFacts.get("capturedAt").asText()).isEqualTo("2026-03-01T12:00:00Z");
        assertThat(storedFacts.get("software").asText()).isEqualTo("Photoshop");
    }

    @Test
    void a_pass_without_offer_or_user_is_a_row_too() throws Exception {
        String checkType = "payout-" + UUID.randomUUID();

        checks.record(Optional.empty(), Optional.empty(), checkType, Assessment.pass(), Map.of());
        checks.record(Optional.empty(), Optional.empty(), checkType,
                Assessment.reject("fraud.new_account", "too new for this amount"), Map.of("amount", "250.00"));

        List<Map<String, Object>> rows = jdbi.withHandle(h -> h.createQuery("""
                        SELECT offer_id, user_id, result, reasons::text AS reasons, facts::text AS facts
                          FROM fraud_checks WHERE check_type = :type ORDER BY created_at, result""")
                .bind("type", checkType).mapToMap().list());
        assertThat(rows).hasSize(2);
        assertThat(rows).extracting(r -> r.get("result")).containsExactlyInAnyOrder("pass", "reject");
        assertThat(rows).allSatisfy(r -> assertThat(r).containsEntry("offer_id", null).containsEntry("user_id", null));
        Map<String, Object> pass = rows.stream().filter(r -> r.get("result").equals("pass")).findFirst().orElseThrow();
        assertThat(JSON.readTree((String) pass.get("reasons"))).isEqualTo(JSON.readTree("[]"));
        assertThat(JSON.readTree((String) pass.get("facts"))).isEqualTo(JSON.readTree("{}"));
    }

    private static Map<String, Object> only(OfferId offer) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT user_id, check_type, result, score, reasons::text AS reasons, facts::text AS facts
                          FROM fraud_checks WHERE offer_id = :offer""")
                .bind("offer", offer.value()).mapToMap().one());
    }
}
