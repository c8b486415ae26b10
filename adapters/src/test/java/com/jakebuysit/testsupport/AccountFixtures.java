package com.jakebuysit.testsupport;

import com.jakebuysit.adapters.out.postgres.JdbiUsers;
import com.jakebuysit.domain.Email;
import com.jakebuysit.domain.TrustScore;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.account.Role;
import com.jakebuysit.domain.account.User;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Rows of a seller's account (the account, offers, payouts, Jake Bucks entries) written straight
 * into the schema, so read adapters and whole-app tests can set up any history without the
 * use cases that will one day make it.
 */
public final class AccountFixtures {

    private static final Set<String> BEFORE_ACCEPT =
            Set.of("processing", "ready", "escalated", "rejected", "declined", "expired", "cancelled");

    private final Jdbi jdbi;

    public AccountFixtures(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A new account with these roles, made now. */
    public User account(String email, Set<Role> roles, boolean banned) {
        User user = User.register(UserId.random(), Email.of(email), Optional.empty(), "Test " + email.split("@")[0],
                Optional.empty(), TrustScore.of(50), Instant.now()).withRoles(roles).withBanned(banned);
        new JdbiUsers(jdbi).insert(user);
        return user;
    }

    public UUID offer(UserId owner, String status, Instant createdAt, String amount, String brand, String model) {
        UUID id = UUID.randomUUID();
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO offers (id, user_id, status, description, brand, model, category, offer_amount,
                                    accepted_at, created_at, updated_at)
                VALUES (:id, :owner, :status, 'a thing', :brand, :model, 'electronics', CAST(:amount AS NUMERIC),
                        :acceptedAt, :at, :at)
                """)
                .bind("id", id)
                .bind("owner", owner.value())
                .bind("status", status)
                .bind("brand", brand)
                .bind("model", model)
                .bind("amount", amount)
                .bind("acceptedAt", BEFORE_ACCEPT.contains(status) ? null : createdAt.atOffset(ZoneOffset.UTC))
                .bind("at", createdAt.atOffset(ZoneOffset.UTC))
                .execute());
        return id;
    }

    public UUID offer(UserId owner, String status, Instant createdAt) {
        return offer(owner, status, createdAt, "10.00", "Acme", "Phone");
    }

    /** A payout, on a paid offer of its own made at the same time. */
    public UUID payout(UserId owner, String method, String status, String amount, String bonus, Instant createdAt) {
        UUID offer = offer(owner, "paid", createdAt.minusSeconds(3600));
        UUID id = UUID.randomUUID();
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO payouts (id, offer_id, user_id, method, amount, bonus_amount, status, created_at, updated_at)
                VALUES (:id, :offer, :owner, :method, CAST(:amount AS NUMERIC), CAST(:bonus AS NUMERIC), :status, :at, :at)
                """)
                .bind("id", id)
                .bind("offer", offer)
                .bind("owner", owner.value())
                .bind("method", method)
                .bind("amount", amount)
                .bind("bonus", bonus)
                .bind("status", status)
                .bind("at", createdAt.atOffset(ZoneOffset.UTC))
                .execute());
        return id;
    }

    public UUID jakeBucks(UserId owner, String type, String amount, String balanceAfter, Instant createdAt) {
        UUID id = UUID.randomUUID();
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO jake_bucks_transactions (id, user_id, type, amount, balance_after, reference_type,
                                                     reference_id, description, created_at)
                VALUES (:id, :owner, :type, CAST(:amount AS NUMERIC), CAST(:balance AS NUMERIC), 'offer', :ref,
                        :description, :at)
                """)
                .bind("id", id)
                .bind("owner", owner.value())
                .bind("type", type)
                .bind("amount", amount)
                .bind("balance", balanceAfter)
                .bind("ref", UUID.randomUUID())
                .bind("description", "Entry " + type + " " + amount)
                .bind("at", createdAt.atOffset(ZoneOffset.UTC))
                .execute());
        return id;
    }

    /** Sets the stored balance, as the ledger would after its entries. */
    public void balance(UserId owner, String balance) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE users SET jake_bucks_balance = CAST(:b AS NUMERIC) WHERE id = :id")
                .bind("b", balance).bind("id", owner.value()).execute());
    }

    public void trustScore(UserId owner, int score) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE users SET trust_score = :s WHERE id = :id")
                .bind("s", score).bind("id", owner.value()).execute());
    }
}
