package com.jakebuysit.domain.ledger;

import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.Text;
import java.time.Instant;
import java.util.Objects;

/**
 * One append-only Jake Bucks ledger line: a signed amount (credits and bonuses positive, debits and
 * clawbacks negative) and the balance right after it. Ids are assigned by the persistence layer.
 */
public record LedgerEntry(
        EntryType type,
        Money amount,
        Money balanceAfter,
        LedgerReference reference,
        String description,
        Instant createdAt) {

    public LedgerEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(balanceAfter, "balanceAfter");
        Objects.requireNonNull(reference, "reference");
        description = Text.required(description, "description", 500);
        Objects.requireNonNull(createdAt, "createdAt");
        if (!type.allowsSign(amount.amount().signum())) {
            throw new IllegalArgumentException("a " + type.code() + " entry cannot have amount " + amount.toWire());
        }
        balanceAfter.requireNonNegative("balanceAfter");
    }

    /** The balance just before this entry. */
    public Money balanceBefore() {
        return balanceAfter.minus(amount);
    }
}
