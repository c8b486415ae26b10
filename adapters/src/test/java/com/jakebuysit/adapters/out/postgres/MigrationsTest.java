package com.jakebuysit.adapters.out.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jakebuysit.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.changelog.ChangeSet;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

/**
 * The changelog against a real PostgreSQL: every changeset applies to an empty schema,
 * the constraints that guard money and state bite, and every changeset rolls back exactly.
 */
class MigrationsTest {

    private static final List<String> TABLES = List.of(
            "users", "offers", "offer_photos", "shipments", "verifications", "payouts",
            "jake_bucks_transactions", "fraud_checks", "audit_log", "config", "refresh_tokens",
            "password_reset_tokens", "idempotency_keys", "webhook_events", "pipeline_leases");

    private static final String CHECK_VIOLATION = "23514";
    private static final String UNIQUE_VIOLATION = "23505";

    private static TestDatabase db;
    private static Jdbi jdbi;

    @BeforeAll
    static void migrate() {
        db = TestDatabase.migrated("MigrationsTest");
        jdbi = db.jdbi();
    }

    @AfterAll
    static void dropSchema() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void appliesEveryChangesetAndLeavesNothingPending() throws Exception {
        assertThat(unrun(db)).isEmpty();
        assertThat(changesetCount(db)).isGreaterThanOrEqualTo(16);

        List<String> files = jdbi.withHandle(h -> h.createQuery(
                        "SELECT DISTINCT filename FROM databasechangelog").mapTo(String.class).list());
        assertThat(files)
                .as("logicalFilePath keeps changeset identity independent of how the changelog is loaded")
                .allMatch(f -> f.matches("migrations/\\d{3}-[a-z0-9-]+\\.sql"));
    }

    @Test
    void createsTheExpectedTablesAndTheTriggerFunctionInItsSchema() {
        List<String> tables = jdbi.withHandle(h -> h.createQuery("""
                        SELECT table_name FROM information_schema.tables
                        WHERE table_schema = :schema AND table_type = 'BASE TABLE'
                          AND table_name NOT LIKE 'databasechangelog%'""")
                .bind("schema", db.schema()).mapTo(String.class).list());
        assertThat(tables).containsExactlyInAnyOrderElementsOf(TABLES);

        List<String> functions = jdbi.withHandle(h -> h.createQuery("""
                        SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                        WHERE n.nspname = :schema""")
                .bind("schema", db.schema()).mapTo(String.class).list());
        assertThat(functions).containsExactly("set_updated_at");
    }

    @Test
    void everyTableWithUpdatedAtHasTheBeforeUpdateTrigger() {
        List<String> withColumn = jdbi.withHandle(h -> h.createQuery("""
                        SELECT table_name FROM information_schema.columns
                        WHERE table_schema = :schema AND column_name = 'updated_at'""")
                .bind("schema", db.schema()).mapTo(String.class).list());
        List<String> withTrigger = jdbi.withHandle(h -> h.createQuery("""
                        SELECT c.relname FROM pg_trigger t
                        JOIN pg_class c ON c.oid = t.tgrelid
                        JOIN pg_namespace n ON n.oid = c.relnamespace
                        JOIN pg_proc p ON p.oid = t.tgfoid
                        WHERE n.nspname = :schema AND NOT t.tgisinternal AND p.proname = 'set_updated_at'
                          AND pg_get_triggerdef(t.oid) LIKE '%BEFORE UPDATE%FOR EACH ROW%'""")
                .bind("schema", db.schema()).mapTo(String.class).list());
        assertThat(withColumn).contains("users", "offers", "shipments", "payouts", "config");
        assertThat(withTrigger).containsExactlyInAnyOrderElementsOf(withColumn);
    }

    @Test
    void updatedAtMovesOnUpdate() {
        UUID user = insertUser();
        OffsetDateTime inserted = updatedAt("users", user);
        db.execute("UPDATE users SET name = 'Renamed' WHERE id = '" + user + "'");
        assertThat(updatedAt("users", user)).isAfter(inserted);

        // The trigger wins even over an explicit value.
        db.execute("UPDATE users SET updated_at = '2000-01-01T00:00:00Z' WHERE id = '" + user + "'");
        assertThat(updatedAt("users", user)).isAfter(inserted);

        OffsetDateTime seeded = configUpdatedAt();
        db.execute("UPDATE config SET description = description WHERE key = 'trust'");
        assertThat(configUpdatedAt()).isAfter(seeded);
    }

    @Test
    void usersGuardBalancesRolesEmailAndTrust() {
        UUID user = insertUser();
        assertViolates(CHECK_VIOLATION, "users_jake_bucks_balance_check",
                "UPDATE users SET jake_bucks_balance = -0.01 WHERE id = '" + user + "'");
        assertViolates(CHECK_VIOLATION, "users_jake_bucks_debt_check",
                "UPDATE users SET jake_bucks_debt = -1 WHERE id = '" + user + "'");
        assertViolates(CHECK_VIOLATION, "users_roles_check",
                "UPDATE users SET roles = ARRAY['superuser'] WHERE id = '" + user + "'");
        assertViolates(CHECK_VIOLATION, "users_roles_check",
                "UPDATE users SET roles = '{}' WHERE id = '" + user + "'");
        assertViolates(CHECK_VIOLATION, "users_roles_check",
                "UPDATE users SET roles = ARRAY['user', NULL] WHERE id = '" + user + "'");
        assertViolates(CHECK_VIOLATION, "users_trust_score_check",
                "UPDATE users SET trust_score = 100.01 WHERE id = '" + user + "'");
        assertViolates(CHECK_VIOLATION, "users_email_lower_check",
                "INSERT INTO users (email, name) VALUES ('Jake@Example.com', 'Jake')");
        assertViolates(CHECK_VIOLATION, "users_payout_method_check",
                "UPDATE users SET payout_method = 'bitcoin' WHERE id = '" + user + "'");

        String email = jdbi.withHandle(h -> h.createQuery("SELECT email FROM users WHERE id = :id")
                .bind("id", user).mapTo(String.class).one());
        assertViolates(UNIQUE_VIOLATION, "users_email_key",
                "INSERT INTO users (email, name) VALUES ('" + email + "', 'Twin')");

        db.execute("UPDATE users SET roles = ARRAY['user', 'reviewer', 'warehouse', 'admin'], "
                + "trust_score = 100, jake_bucks_balance = 0 WHERE id = '" + user + "'");
        Map<String, Object> row = jdbi.withHandle(h -> h.createQuery(
                        "SELECT trust_score, verified, banned, version FROM users WHERE id = :id")
                .bind("id", user).mapToMap().one());
        assertThat(row).containsEntry("verified", false).containsEntry("banned", false)
                .containsEntry("version", 0);
    }

    @Test
    void offersGuardStatusConditionAndOwnershipAfterAccept() {
        UUID user = insertUser();
        assertViolates(CHECK_VIOLATION, "offers_status_check",
                "INSERT INTO offers (user_id, status, accepted_at) VALUES ('" + user + "', 'sold', now())");
        assertViolates(CHECK_VIOLATION, "offers_condition_check",
                "INSERT INTO offers (user_id, condition) VALUES ('" + user + "', 'mint')");
        assertViolates(CHECK_VIOLATION, "offers_owner_after_accept_check",
                "INSERT INTO offers (status, accepted_at) VALUES ('accepted', now())");
        assertViolates(CHECK_VIOLATION, "offers_accepted_at_after_accept_check",
                "INSERT INTO offers (user_id, status) VALUES ('" + user + "', 'paid')");
        assertViolates(CHECK_VIOLATION, "offers_offer_amount_check",
                "INSERT INTO offers (user_id, offer_amount) VALUES ('" + user + "', -1)");

        // An anonymous offer is fine until it is accepted, and keeps its step results apart.
        UUID anonymous = jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO offers (anonymous_ip, description, identify_result)
                        VALUES (CAST(:ip AS inet), 'a lamp', CAST(:identify AS jsonb)) RETURNING id""")
                .bind("ip", "203.0.113.7").bind("identify", "{\"category\":\"small_appliances\"}")
                .mapTo(UUID.class).one());
        Map<String, Object> offer = jdbi.withHandle(h -> h.createQuery(
                        "SELECT status, escalated, version, market_result FROM offers WHERE id = :id")
                .bind("id", anonymous).mapToMap().one());
        assertThat(offer).containsEntry("status", "processing").containsEntry("escalated", false)
                .containsEntry("version", 0).containsEntry("market_result", null);
    }

    @Test
    void oneShipmentPerOfferAndUniqueTrackingNumbers() {
        UUID offer = insertAcceptedOffer(insertUser());
        String tracking = "TRK" + UUID.randomUUID();
        db.execute("INSERT INTO shipments (offer_id, carrier, tracking_number) VALUES ('"
                + offer + "', 'local', '" + tracking + "')");
        assertViolates(UNIQUE_VIOLATION, "shipments_offer_id_key",
                "INSERT INTO shipments (offer_id, carrier, tracking_number) VALUES ('"
                        + offer + "', 'local', 'TRK" + UUID.randomUUID() + "')");
        assertViolates(UNIQUE_VIOLATION, "shipments_tracking_number_key",
                "INSERT INTO shipments (offer_id, carrier, tracking_number) VALUES ('"
                        + insertAcceptedOffer(insertUser()) + "', 'local', '" + tracking + "')");
        assertViolates(CHECK_VIOLATION, "shipments_status_check",
                "UPDATE shipments SET status = 'lost_in_space' WHERE offer_id = '" + offer + "'");
    }

    @Test
    void onlyOneLivePayoutPerOffer() {
        UUID user = insertUser();
        UUID offer = insertAcceptedOffer(user);
        String insert = "INSERT INTO payouts (offer_id, user_id, method, amount, status) VALUES ('"
                + offer + "', '" + user + "', 'stripe', 120.00, ";
        db.execute(insert + "'pending')");
        assertViolates(UNIQUE_VIOLATION, "payouts_one_live_per_offer_idx", insert + "'held')");
        db.execute("UPDATE payouts SET status = 'failed' WHERE offer_id = '" + offer + "'");
        db.execute(insert + "'pending')");

        assertViolates(CHECK_VIOLATION, "payouts_amount_check",
                "INSERT INTO payouts (offer_id, user_id, method, amount) VALUES ('"
                        + insertAcceptedOffer(user) + "', '" + user + "', 'paypal', -5)");
        assertViolates(CHECK_VIOLATION, "payouts_status_check",
                "UPDATE payouts SET status = 'lost' WHERE offer_id = '" + offer + "'");
    }

    @Test
    void ledgerNeverGoesNegativeAndCreditsASaleOnce() {
        UUID user = insertUser();
        UUID payout = UUID.randomUUID();
        String insert = "INSERT INTO jake_bucks_transactions "
                + "(user_id, type, amount, balance_after, reference_type, reference_id) VALUES ('" + user + "', ";
        db.execute(insert + "'credit', 100.00, 100.00, 'payout', '" + payout + "')");
        db.execute(insert + "'bonus', 12.00, 112.00, 'payout', '" + payout + "')");
        assertViolates(UNIQUE_VIOLATION, "jake_bucks_transactions_once_per_reference_idx",
                insert + "'credit', 100.00, 212.00, 'payout', '" + payout + "')");
        assertViolates(CHECK_VIOLATION, "jake_bucks_transactions_balance_after_check",
                insert + "'debit', -200.00, -88.00, 'order', '" + UUID.randomUUID() + "')");
        assertViolates(CHECK_VIOLATION, "jake_bucks_transactions_amount_sign_check",
                insert + "'credit', -1.00, 111.00, 'payout', '" + UUID.randomUUID() + "')");
        assertViolates(CHECK_VIOLATION, "jake_bucks_transactions_type_check",
                insert + "'gift', 1.00, 113.00, NULL, NULL)");
        db.execute(insert + "'clawback', -112.00, 0.00, 'payout', '" + payout + "')");
    }

    @Test
    void webhookEventsAreDeduplicatedPerProvider() {
        String event = "evt_" + UUID.randomUUID();
        db.execute("INSERT INTO webhook_events (provider, event_id, payload) VALUES ('stripe', '" + event + "', '{}')");
        db.execute("INSERT INTO webhook_events (provider, event_id, payload) VALUES ('paypal', '" + event + "', '{}')");
        assertViolates(UNIQUE_VIOLATION, "webhook_events_provider_event_id_key",
                "INSERT INTO webhook_events (provider, event_id, payload) VALUES ('stripe', '" + event + "', '{}')");
    }

    @Test
    void idempotencyKeysAreUniquePerScopeAndCompletedOnesCarryAResponse() {
        String insert = "INSERT INTO idempotency_keys (scope, key, request_hash, expires_at) VALUES ";
        db.execute(insert + "('user:a', 'k1', 'h', now() + interval '1 day')");
        db.execute(insert + "('user:b', 'k1', 'h', now() + interval '1 day')");
        assertViolates(UNIQUE_VIOLATION, "idempotency_keys_scope_key_key",
                insert + "('user:a', 'k1', 'h2', now() + interval '1 day')");
        assertViolates(CHECK_VIOLATION, "idempotency_keys_response_check",
                "UPDATE idempotency_keys SET status = 'completed' WHERE scope = 'user:a' AND key = 'k1'");
        assertViolates(CHECK_VIOLATION, "idempotency_keys_status_check",
                "UPDATE idempotency_keys SET status = 'done', response_status = 200, completed_at = now() "
                        + "WHERE scope = 'user:a' AND key = 'k1'");
        db.execute("UPDATE idempotency_keys SET status = 'completed', response_status = 200, "
                + "response_body = '{\"ok\":true}', completed_at = now() WHERE scope = 'user:a' AND key = 'k1'");
    }

    @Test
    void tokensAreUniqueByHash() {
        UUID user = insertUser();
        UUID family = UUID.randomUUID();
        String insert = "INSERT INTO refresh_tokens (token_hash, user_id, family_id, expires_at) VALUES ";
        db.execute(insert + "('hash-1', '" + user + "', '" + family + "', now() + interval '30 days')");
        assertViolates(UNIQUE_VIOLATION, "refresh_tokens_token_hash_key",
                insert + "('hash-1', '" + user + "', '" + family + "', now() + interval '30 days')");
        db.execute("INSERT INTO password_reset_tokens (token_hash, user_id, expires_at) VALUES ('reset-1', '"
                + user + "', now() + interval '1 hour')");
        assertViolates(UNIQUE_VIOLATION, "password_reset_tokens_token_hash_key",
                "INSERT INTO password_reset_tokens (token_hash, user_id, expires_at) VALUES ('reset-1', '"
                        + user + "', now() + interval '1 hour')");
    }

    @Test
    void fraudCheckResultsAndPhotoHashesAreConstrainedAndIndexed() {
        UUID offer = insertAcceptedOffer(insertUser());
        assertViolates(CHECK_VIOLATION, "fraud_checks_result_check",
                "INSERT INTO fraud_checks (offer_id, check_type, result) VALUES ('" + offer + "', 'exif', 'maybe')");
        db.execute("INSERT INTO offer_photos (offer_id, position, storage_key, content_type, size_bytes, perceptual_hash) "
                + "VALUES ('" + offer + "', 0, 'k0', 'image/jpeg', 1024, -8070450532247928832)");
        assertViolates(UNIQUE_VIOLATION, "offer_photos_offer_position_key",
                "INSERT INTO offer_photos (offer_id, position, storage_key, content_type, size_bytes) "
                        + "VALUES ('" + offer + "', 0, 'k1', 'image/png', 1024)");
        List<String> indexes = jdbi.withHandle(h -> h.createQuery(
                        "SELECT indexdef FROM pg_indexes WHERE schemaname = :schema AND tablename = 'offer_photos'")
                .bind("schema", db.schema()).mapTo(String.class).list());
        assertThat(indexes).anyMatch(def -> def.contains("(perceptual_hash)"));
    }

    @Test
    void auditLogKeepsInsertionOrder() {
        db.execute("INSERT INTO audit_log (entity_type, entity_id, action, ip, before, after) VALUES "
                + "('config', 'trust', 'update', '198.51.100.1', '{\"a\":1}', '{\"a\":2}'), "
                + "('config', 'trust', 'update', NULL, '{\"a\":2}', '{\"a\":3}')");
        List<String> afters = jdbi.withHandle(h -> h.createQuery(
                        "SELECT after->>'a' FROM audit_log WHERE entity_id = 'trust' ORDER BY id")
                .mapTo(String.class).list());
        assertThat(afters).containsExactly("2", "3");
    }

    @Test
    void seedsTheDefaultRulesWithExactDecimals() {
        Map<String, String> descriptions = jdbi.withHandle(h -> h.createQuery(
                        "SELECT key, description FROM config")
                .map((rs, ctx) -> Map.entry(rs.getString("key"), rs.getString("description")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertThat(descriptions).containsOnlyKeys("pricing_rules", "confidence_thresholds", "fraud_settings",
                "trust", "jake_bucks", "verification", "payouts", "rate_limits");
        assertThat(descriptions.values()).allSatisfy(d -> assertThat(d).isNotBlank().doesNotContain("\n"));

        assertThat(configPath("pricing_rules", "{conditionMultiplier,like_new}")).isEqualTo("0.925");
        assertThat(configPath("pricing_rules", "{categoryPayoutRatio,phones_tablets}")).isEqualTo("0.65");
        assertThat(configPath("pricing_rules", "{categoryCeiling,collectibles_vintage}")).isEqualTo("5000.00");
        assertThat(configPath("pricing_rules", "{offerValidDays}")).isEqualTo("7");
        assertThat(configPath("confidence_thresholds", "{reviewAboveAmount}")).isEqualTo("500.00");
        assertThat(configPath("fraud_settings", "{exifFlagEditingSoftware}")).isEqualTo("true");
        assertThat(configPath("trust", "{skipPayoutHoldAtOrAbove}")).isEqualTo("80");
        assertThat(configPath("jake_bucks", "{bonusRate}")).isEqualTo("0.12");
        assertThat(configPath("verification", "{revisionAnswerDays}")).isEqualTo("14");
        assertThat(configPath("payouts", "{maxRetries}")).isEqualTo("3");
        assertThat(configPath("rate_limits", "{routePerMinute}")).isEqualTo("100");
        String likeNewType = jdbi.withHandle(h -> h.createQuery(
                        "SELECT jsonb_typeof(value #> '{conditionMultiplier,like_new}') FROM config WHERE key = 'pricing_rules'")
                .mapTo(String.class).one());
        assertThat(likeNewType)
                .as("decimals are JSON strings so they stay exact").isEqualTo("string");
        assertViolates(CHECK_VIOLATION, "config_value_object_check",
                "INSERT INTO config (key, value) VALUES ('bad', '[1]')");
    }

    @Test
    void rollsTheLastChangesetBackExactlyAndForwardAgain() throws Exception {
        try (TestDatabase full = TestDatabase.migrated("MigrationsLast");
                TestDatabase allButLast = TestDatabase.create("MigrationsAllButLast")) {
            int count = changesetCount(full);
            List<String> complete = fingerprint(full);
            ChangeSet last = lastChangeset(full);

            try (Connection c = allButLast.dataSource().getConnection()) {
                allButLast.liquibase(c).update(count - 1, "");
            }
            List<String> expectedAfterRollback = fingerprint(allButLast);

            try (Connection c = full.dataSource().getConnection()) {
                full.liquibase(c).rollback(1, "");
            }
            assertThat(unrun(full)).extracting(ChangeSet::getId).containsExactly(last.getId());
            assertThat(fingerprint(full))
                    .as("rolling back %s leaves what the changesets before it built", last.getId())
                    .isNotEqualTo(complete)
                    .containsExactlyElementsOf(expectedAfterRollback);

            full.migrate();
            assertThat(unrun(full)).isEmpty();
            assertThat(fingerprint(full)).containsExactlyElementsOf(complete);
        }
    }

    @Test
    void rollsEverythingBackToEmptyAndForwardAgain() throws Exception {
        try (TestDatabase scratch = TestDatabase.migrated("MigrationsAll")) {
            int count = changesetCount(scratch);
            List<String> complete = fingerprint(scratch);
            assertThat(complete).anyMatch(line -> line.startsWith("relation users "));

            try (Connection c = scratch.dataSource().getConnection()) {
                scratch.liquibase(c).rollback(count, "");
            }
            assertThat(unrun(scratch)).hasSize(count);
            assertThat(fingerprint(scratch)).as("every rollback undoes its changeset").isEmpty();

            scratch.migrate();
            assertThat(unrun(scratch)).isEmpty();
            assertThat(fingerprint(scratch)).containsExactlyElementsOf(complete);
        }
    }

    @Test
    void everyRollbackRestoresExactlyTheStateBeforeItsChangeset() throws Exception {
        try (TestDatabase forward = TestDatabase.create("MigrationsStepForward");
                TestDatabase backward = TestDatabase.migrated("MigrationsStepBack")) {
            List<ChangeSet> changeSets = changeSets(forward);
            List<List<String>> states = new ArrayList<>();
            states.add(fingerprint(forward));
            for (ChangeSet changeSet : changeSets) {
                try (Connection c = forward.dataSource().getConnection()) {
                    forward.liquibase(c).update(1, "");
                }
                List<String> state = fingerprint(forward);
                assertThat(state).as("%s has a visible effect", changeSet.getId())
                        .isNotEqualTo(states.get(states.size() - 1));
                states.add(state);
            }

            for (int k = changeSets.size(); k >= 1; k--) {
                try (Connection c = backward.dataSource().getConnection()) {
                    backward.liquibase(c).rollback(1, "");
                }
                assertThat(fingerprint(backward))
                        .as("after rolling back %s", changeSets.get(k - 1).getId())
                        .containsExactlyElementsOf(states.get(k - 1));
            }
            assertThat(unrun(backward)).hasSameSizeAs(changeSets);
        }
    }

    // --- helpers -------------------------------------------------------------------------

    private static UUID insertUser() {
        return jdbi.withHandle(h -> h.createQuery(
                        "INSERT INTO users (email, name) VALUES (:email, 'Seller') RETURNING id")
                .bind("email", "seller-" + UUID.randomUUID() + "@example.com")
                .mapTo(UUID.class).one());
    }

    private static UUID insertAcceptedOffer(UUID user) {
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO offers (user_id, status, offer_amount, payout_method, accepted_at, expires_at)
                        VALUES (:user, 'accepted', 120.00, 'stripe', now(), now() + interval '7 days')
                        RETURNING id""")
                .bind("user", user).mapTo(UUID.class).one());
    }

    private static OffsetDateTime updatedAt(String table, UUID id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT updated_at FROM " + table + " WHERE id = :id")
                .bind("id", id).mapTo(OffsetDateTime.class).one());
    }

    private static OffsetDateTime configUpdatedAt() {
        return jdbi.withHandle(h -> h.createQuery("SELECT updated_at FROM config WHERE key = 'trust'")
                .mapTo(OffsetDateTime.class).one());
    }

    private static String configPath(String key, String path) {
        return jdbi.withHandle(h -> h.createQuery("SELECT value #>> CAST(:path AS text[]) FROM config WHERE key = :key")
                .bind("path", path).bind("key", key).mapTo(String.class).one());
    }

    /** Runs the statement and expects it to fail on exactly the named constraint. */
    private static void assertViolates(String sqlState, String constraint, String sql) {
        assertThatThrownBy(() -> db.execute(sql))
                .as(sql)
                .satisfies(e -> {
                    PSQLException cause = postgresCause(e);
                    assertThat((Object) cause).as("PostgreSQL error behind %s", e).isNotNull();
                    assertThat(cause.getSQLState()).as(cause.getMessage()).isEqualTo(sqlState);
                    assertThat(cause.getServerErrorMessage().getConstraint()).isEqualTo(constraint);
                });
    }

    private static PSQLException postgresCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException p) {
                return p;
            }
        }
        return null;
    }

    private static List<ChangeSet> unrun(TestDatabase database) throws Exception {
        try (Connection c = database.dataSource().getConnection()) {
            return database.liquibase(c).listUnrunChangeSets(new Contexts(), new LabelExpression());
        }
    }

    private static List<ChangeSet> changeSets(TestDatabase database) throws Exception {
        try (Connection c = database.dataSource().getConnection()) {
            return database.liquibase(c).getDatabaseChangeLog().getChangeSets();
        }
    }

    private static int changesetCount(TestDatabase database) throws Exception {
        return changeSets(database).size();
    }

    private static ChangeSet lastChangeset(TestDatabase database) throws Exception {
        List<ChangeSet> all = changeSets(database);
        return all.get(all.size() - 1);
    }

    /**
     * Everything the changelog can create in a schema (relations, columns, constraints,
     * indexes, triggers, functions, types, comments, row counts), as sorted lines with the
     * schema's own name taken out, so two schemas can be compared. Liquibase's own tables
     * are left out.
     */
    private static List<String> fingerprint(TestDatabase database) throws SQLException {
        String[] queries = {
            """
            SELECT 'relation ' || c.relname || ' ' || c.relkind::text
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ? AND c.relname NOT LIKE 'databasechangelog%'""",
            """
            SELECT 'column ' || table_name || '.' || column_name || ' ' || udt_name
                || ' len=' || coalesce(character_maximum_length::text, '')
                || ' num=' || coalesce(numeric_precision::text, '') || ',' || coalesce(numeric_scale::text, '')
                || ' nullable=' || is_nullable || ' identity=' || is_identity
                || ' default=' || coalesce(column_default, '')
            FROM information_schema.columns
            WHERE table_schema = ? AND table_name NOT LIKE 'databasechangelog%'""",
            """
            SELECT 'constraint ' || cl.relname || '.' || c.conname || ' ' || pg_get_constraintdef(c.oid)
            FROM pg_constraint c JOIN pg_class cl ON cl.oid = c.conrelid
            JOIN pg_namespace n ON n.oid = c.connamespace
            WHERE n.nspname = ? AND cl.relname NOT LIKE 'databasechangelog%'""",
            """
            SELECT 'index ' || indexname || ' ' || indexdef FROM pg_indexes
            WHERE schemaname = ? AND tablename NOT LIKE 'databasechangelog%'""",
            """
            SELECT 'trigger ' || c.relname || '.' || t.tgname || ' ' || pg_get_triggerdef(t.oid)
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ? AND NOT t.tgisinternal""",
            """
            SELECT 'function ' || p.proname || ' ' || pg_get_functiondef(p.oid)
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = ? AND p.prokind = 'f'""",
            """
            SELECT 'type ' || t.typname || ' ' || t.typtype::text
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE n.nspname = ? AND t.typtype IN ('e', 'd', 'r', 'm')""",
            """
            SELECT 'comment ' || c.relname || '.' || d.objsubid || ' ' || d.description
            FROM pg_description d JOIN pg_class c ON c.oid = d.objoid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ? AND d.classoid = 'pg_class'::regclass""",
        };
        List<String> lines = new ArrayList<>();
        String schema = database.schema();
        try (Connection c = database.dataSource().getConnection()) {
            for (String query : queries) {
                try (var statement = c.prepareStatement(query)) {
                    statement.setString(1, schema);
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            lines.add(rs.getString(1));
                        }
                    }
                }
            }
            List<String> tables = new ArrayList<>();
            try (var statement = c.prepareStatement("""
                    SELECT table_name FROM information_schema.tables
                    WHERE table_schema = ? AND table_type = 'BASE TABLE'
                      AND table_name NOT LIKE 'databasechangelog%'""")) {
                statement.setString(1, schema);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
            }
            for (String table : tables) {
                try (Statement statement = c.createStatement();
                        ResultSet rs = statement.executeQuery(
                                "SELECT count(*) FROM \"" + schema + "\".\"" + table + "\"")) {
                    rs.next();
                    lines.add("rows " + table + " " + rs.getLong(1));
                }
            }
        }
        return lines.stream().map(line -> line.replace(schema, "<schema>")).sorted().toList();
    }
}
