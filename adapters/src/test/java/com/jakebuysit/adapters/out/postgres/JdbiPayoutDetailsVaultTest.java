package com.jakebuysit.adapters.out.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jakebuysit.adapters.out.crypto.AesGcmSecretBox;
import com.jakebuysit.application.port.AuditLog;
import com.jakebuysit.application.port.PayoutDetailsVault;
import com.jakebuysit.application.users.ResealPayoutDetails;
import com.jakebuysit.domain.Email;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.account.PayoutDetails;
import com.jakebuysit.domain.account.Role;
import com.jakebuysit.testsupport.AccountFixtures;
import com.jakebuysit.testsupport.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Payout details sealed into the users row: round trips, never in the clear, bound to their row, re-sealable. */
class JdbiPayoutDetailsVaultTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] OLD_KEY = key();
    private static final byte[] NEW_KEY = key();

    private static TestDatabase db;
    private static Jdbi jdbi;
    private static AccountFixtures fixtures;
    private static PayoutDetailsVault vault;

    @BeforeAll
    static void schema() {
        db = TestDatabase.migrated("vault");
        jdbi = db.jdbi();
        fixtures = new AccountFixtures(jdbi);
        vault = new JdbiPayoutDetailsVault(jdbi, new AesGcmSecretBox(Map.of("old", OLD_KEY), "old"), JSON);
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void eachKindOfDetailsRoundTripsAndIsNeverStoredInTheClear() {
        for (PayoutDetails details : List.of(
                new PayoutDetails.StripeAccount("acct_1Nv0FGQ9RKHgCVdK"),
                new PayoutDetails.BankAccount("011000015", "0009876543"),
                new PayoutDetails.PayPalAccount(Email.of("jane.payee@example.org")))) {
            UserId owner = account();
            vault.put(owner, details);

            assertThat(vault.open(owner)).contains(details);
            assertThat(vault.keyIdOf(owner)).contains("old");
            String raw = new String(rawCiphertext(owner), StandardCharsets.ISO_8859_1);
            for (String fragment : List.of("acct_1Nv0FGQ9RKHgCVdK", "1Nv0FGQ9", "011000015", "0009876543", "9876543",
                    "jane.payee", "example.org", "stripe", "paypal", "method")) {
                assertThat(raw).doesNotContain(fragment);
            }
        }
    }

    @Test
    void clearingAndJakeBucksLeaveNothingStored() {
        UserId owner = account();
        vault.put(owner, new PayoutDetails.StripeAccount("acct_1Nv0FGQ9RKHgCVdK"));
        vault.put(owner, new PayoutDetails.JakeBucks());
        assertThat(vault.open(owner)).isEmpty();
        assertThat(rawCiphertext(owner)).isNull();

        vault.put(owner, new PayoutDetails.StripeAccount("acct_1Nv0FGQ9RKHgCVdK"));
        vault.clear(owner);
        assertThat(vault.open(owner)).isEmpty();
        assertThat(vault.keyIdOf(owner)).isEmpty();
    }

    @Test
    void detailsCopiedOntoAnotherAccountDoNotOpenThere() {
        UserId victim = account();
        UserId thief = account();
        vault.put(victim, new PayoutDetails.BankAccount("011000015", "0009876543"));
        vault.put(thief, new PayoutDetails.BankAccount("021000021", "1111222233"));

        jdbi.useHandle(h -> h.createUpdate("""
                UPDATE users SET payout_details_ciphertext = v.payout_details_ciphertext,
                                 payout_details_key_id = v.payout_details_key_id
                  FROM users v WHERE v.id = :victim AND users.id = :thief
                """).bind("victim", victim.value()).bind("thief", thief.value()).execute());

        assertThatThrownBy(() -> vault.open(thief)).isInstanceOf(IllegalStateException.class);
        vault.clear(thief);
    }

    @Test
    void afterRotationOldDetailsStillOpenAndAreFoundForResealing() {
        UserId first = account();
        UserId second = account();
        PayoutDetails details = new PayoutDetails.PayPalAccount(Email.of("rotate.me@example.com"));
        vault.put(first, details);
        vault.put(second, details);
        Map<String, byte[]> both = new LinkedHashMap<>();
        both.put("old", OLD_KEY);
        both.put("new", NEW_KEY);
        PayoutDetailsVault rotated = new JdbiPayoutDetailsVault(jdbi, new AesGcmSecretBox(both, "new"), JSON);

        assertThat(rotated.open(first)).contains(details);
        List<UserId> stale = jdbi.inTransaction(h -> rotated.lockSealedUnderRetiredKeys(1000));
        assertThat(stale).contains(first, second);

        rotated.put(first, rotated.open(first).orElseThrow());
        assertThat(rotated.keyIdOf(first)).contains("new");
        List<UserId> stillStale = jdbi.inTransaction(h -> rotated.lockSealedUnderRetiredKeys(1000));
        assertThat(stillStale).doesNotContain(first).contains(second);
        assertThat(rotated.open(first)).contains(details);
    }

    @Test
    void resealingMovesEveryAccountToTheActiveKeyAndAuditsIt() {
        List<UserId> owners = List.of(account(), account(), account());
        PayoutDetails details = new PayoutDetails.BankAccount("011000015", "0009876543");
        owners.forEach(owner -> vault.put(owner, details));
        Map<String, byte[]> both = new LinkedHashMap<>();
        both.put("old", OLD_KEY);
        both.put("new", NEW_KEY);
        PayoutDetailsVault rotated = new JdbiPayoutDetailsVault(jdbi, new AesGcmSecretBox(both, "new"), JSON);
        ResealPayoutDetails reseal = new ResealPayoutDetails(new JdbiTransactor(jdbi), rotated,
                new JdbiAuditLog(jdbi, JSON));

        int total = 0;
        int batch;
        do {
            batch = reseal.execute(new ResealPayoutDetails.Command(2, AuditLog.Actor.system()));
            total += batch;
        } while (batch > 0);

        assertThat(total).isGreaterThanOrEqualTo(owners.size());
        PayoutDetailsVault newKeyOnly = new JdbiPayoutDetailsVault(jdbi,
                new AesGcmSecretBox(Map.of("new", NEW_KEY), "new"), JSON);
        for (UserId owner : owners) {
            assertThat(newKeyOnly.open(owner)).contains(details);
            String audit = jdbi.withHandle(h -> h.createQuery("""
                    SELECT before::text || ' ' || after::text FROM audit_log
                     WHERE entity_id = :id AND action = 'payout_details_resealed'""")
                    .bind("id", owner.toString()).mapTo(String.class).one());
            assertThat(audit).contains("\"old\"").contains("\"new\"").doesNotContain("9876543");
        }
    }

    private static UserId account() {
        return fixtures.account("vault-" + java.util.UUID.randomUUID() + "@example.com", Set.of(Role.USER), false).id();
    }

    private static byte[] rawCiphertext(UserId owner) {
        return jdbi.withHandle(h -> h.createQuery("SELECT payout_details_ciphertext FROM users WHERE id = :id")
                .bind("id", owner.value()).mapTo(byte[].class).one());
    }

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
