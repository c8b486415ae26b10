package com.jakebuysit.adapters.out.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jakebuysit.adapters.out.postgres.JdbiRulesConfig.InvalidConfigRow;
import com.jakebuysit.domain.rules.BusinessRules;
import com.jakebuysit.domain.rules.JakeBucksRules;
import com.jakebuysit.domain.testing.MutableClock;
import com.jakebuysit.testsupport.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules from the seeded config table: equal to the defaults, cached, re-read after invalidate or expiry, bad rows named. */
class JdbiRulesConfigTest {

    private static TestDatabase db;
    private static Jdbi jdbi;
    private static Map<String, String> seeded;

    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
    private final JdbiRulesConfig rules = new JdbiRulesConfig(jdbi, clock, Duration.ofSeconds(30));

    @BeforeAll
    static void migrate() {
        db = TestDatabase.migrated("jdbirulesconfig");
        jdbi = db.jdbi();
        seeded = jdbi.withHandle(h -> h.createQuery("SELECT key, value::text AS value FROM config")
                .map((rs, ctx) -> Map.entry(rs.getString("key"), rs.getString("value")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    @AfterEach
    void restoreTheSeed() {
        seeded.forEach((key, value) -> jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO config (key, value) VALUES (:key, CAST(:value AS jsonb))
                        ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value""")
                .bind("key", key).bind("value", value).execute()));
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void the_seeded_rows_are_the_default_rules() {
        assertThat(rules.current()).isEqualTo(BusinessRules.defaults());
    }

    @Test
    void a_changed_row_shows_after_invalidate_or_once_the_cache_expires() {
        BusinessRules before = rules.current();
        set("jake_bucks", "{\"bonusRate\": \"0.15\"}");

        assertThat(rules.current()).as("cached").isEqualTo(before);
        rules.invalidate();
        assertThat(rules.current().jakeBucks()).isEqualTo(new JakeBucksRules(new BigDecimal("0.15")));

        set("jake_bucks", "{\"bonusRate\": \"0.10\"}");
        clock.advance(Duration.ofSeconds(29));
        assertThat(rules.current().jakeBucks().bonusRate()).isEqualByComparingTo("0.15");
        clock.advance(Duration.ofSeconds(1));
        assertThat(rules.current().jakeBucks()).isEqualTo(new JakeBucksRules(new BigDecimal("0.1")));
        assertThat(rules.current()).isEqualTo(BusinessRules.defaults().withJakeBucks(new JakeBucksRules(
                new BigDecimal("0.10"))));
    }

    @Test
    void a_row_that_breaks_a_rule_is_named_with_the_rule() {
        jdbi.useHandle(h -> h.execute("""
                UPDATE config SET value = jsonb_set(value, '{conditionMultiplier,like_new}', '"1.5"')
                 WHERE key = 'pricing_rules'"""));

        assertThatThrownBy(rules::current)
                .isInstanceOfSatisfying(InvalidConfigRow.class, e -> assertThat(e.key()).isEqualTo("pricing_rules"))
                .hasMessageContaining("config row 'pricing_rules' is invalid")
                .hasMessageContaining("conditionMultiplier");
    }

    @Test
    void a_missing_field_an_unknown_code_or_a_wrong_type_is_named() {
        set("payouts", "{\"businessDaysToLeave\": 2}");
        assertThatThrownBy(rules::current).isInstanceOf(InvalidConfigRow.class)
                .hasMessageContaining("'payouts'").hasMessageContaining("maxRetries");

        restoreTheSeed();
        jdbi.useHandle(h -> h.execute("""
                UPDATE config SET value = jsonb_set(value, '{categoryPayoutRatio,furniture}', '"0.5"')
                 WHERE key = 'pricing_rules'"""));
        assertThatThrownBy(rules::current).isInstanceOf(InvalidConfigRow.class)
                .hasMessageContaining("'pricing_rules'").hasMessageContaining("furniture");

        restoreTheSeed();
        set("trust", "{\"initial\": \"fifty\", \"saleAlpha\": \"0.2\", \"fraudFlagAlpha\": \"0.3\","
                + " \"lostDisputeAlpha\": \"0.5\", \"escalateAllBelow\": 30, \"skipPayoutHoldAtOrAbove\": 80}");
        assertThatThrownBy(rules::current).isInstanceOf(InvalidConfigRow.class)
                .hasMessageContaining("'trust'").hasMessageContaining("initial");

        restoreTheSeed();
        set("verification", "{\"reviewerApprovalCutAbove\": \"0.20\", \"revisionAnswerDays\": 14.5,"
                + " \"regradesAllowed\": 1}");
        assertThatThrownBy(rules::current).isInstanceOf(InvalidConfigRow.class)
                .hasMessageContaining("'verification'").hasMessageContaining("revisionAnswerDays");
    }

    @Test
    void a_missing_row_is_named() {
        jdbi.useHandle(h -> h.execute("DELETE FROM config WHERE key = 'rate_limits'"));

        assertThatThrownBy(rules::current).isInstanceOfSatisfying(InvalidConfigRow.class,
                e -> assertThat(e.key()).isEqualTo("rate_limits")).hasMessageContaining("no such row");
    }

    @Test
    void the_rule_across_two_rows_names_both() {
        jdbi.useHandle(h -> h.execute("""
                UPDATE config SET value = jsonb_set(value, '{newAccountOfferCap}', '"4.00"')
                 WHERE key = 'fraud_settings'"""));

        assertThatThrownBy(rules::current).isInstanceOf(InvalidConfigRow.class)
                .hasMessageContaining("pricing_rules.offerFloor").hasMessageContaining("fraud_settings.newAccountOfferCap");
    }

    @Test
    void a_broken_row_is_not_cached_so_a_fix_shows_at_once() {
        set("jake_bucks", "{\"bonusRate\": \"2\"}");
        assertThatThrownBy(rules::current).isInstanceOf(InvalidConfigRow.class).hasMessageContaining("bonusRate");

        set("jake_bucks", "{\"bonusRate\": \"0.12\"}");
        assertThat(rules.current()).isEqualTo(BusinessRules.defaults());
    }

    private static void set(String key, String json) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE config SET value = CAST(:value AS jsonb) WHERE key = :key")
                .bind("key", key).bind("value", json).execute());
    }
}
