package com.jakebuysit.domain.ledger;

import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.rules.JakeBucksRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A seller's Jake Bucks: the balance (never negative) and the debt left by clawbacks the balance
 * could not cover. Every operation returns the new account with the entries to append; each
 * entry's {@code balanceAfter} is the previous balance plus its amount.
 *
 * <p>Debt blocks payouts ({@link #blocksPayouts()}), and Jake Bucks that arrive while there is
 * debt pay it off first: each positive entry is followed by a {@code clawback} entry recovering as
 * much of the debt as it can. So an account with debt always has a zero balance.
 */
public record JakeBucksAccount(UserId owner, Money balance, Money debt) {

    static final String DEBT_RECOVERY = "Recovers outstanding Jake Bucks debt";

    public JakeBucksAccount {
        Objects.requireNonNull(owner, "owner");
        balance.requireNonNegative("balance");
        debt.requireNonNegative("debt");
        if (debt.isPositive() && balance.isPositive()) {
            throw new IllegalArgumentException("an account with debt has a zero balance");
        }
    }

    public static JakeBucksAccount open(UserId owner) {
        return new JakeBucksAccount(owner, Money.ZERO, Money.ZERO);
    }

    /** The bonus on an offer taken in Jake Bucks: {@code bonusRate} (12%) of it, to the cent (HALF_EVEN). */
    public static Money bonusFor(Money offerAmount, JakeBucksRules rules) {
        return offerAmount.requireNonNegative("offer amount").percentOf(rules.bonusRate());
    }

    public boolean blocksPayouts() {
        return debt.isPositive();
    }

    /** A sale paid in Jake Bucks: a {@code credit} of the offer amount and a {@code bonus} entry. */
    public Posting paySale(Money offerAmount, LedgerReference sale, JakeBucksRules rules, Instant at) {
        offerAmount.requirePositive("offer amount");
        Money bonus = bonusFor(offerAmount, rules);
        Ledger ledger = new Ledger(this, sale, at);
        ledger.addPositive(EntryType.CREDIT, offerAmount, "Sale paid in Jake Bucks");
        if (bonus.isPositive()) {
            ledger.addPositive(EntryType.BONUS, bonus, "Jake Bucks bonus");
        }
        return ledger.posting();
    }

    /** Store credit for another reason than a sale (a goodwill credit, a refund of a purchase). */
    public Posting credit(Money amount, LedgerReference reference, String description, Instant at) {
        amount.requirePositive("credit");
        Ledger ledger = new Ledger(this, reference, at);
        ledger.addPositive(EntryType.CREDIT, amount, description);
        return ledger.posting();
    }

    /**
     * Spends store credit.
     *
     * @throws InsufficientJakeBucks when the amount is more than the balance
     */
    public Posting debit(Money amount, LedgerReference reference, String description, Instant at) {
        amount.requirePositive("debit");
        if (amount.isGreaterThan(balance)) {
            throw new InsufficientJakeBucks(balance, amount);
        }
        Ledger ledger = new Ledger(this, reference, at);
        ledger.add(EntryType.DEBIT, amount.negate(), description);
        return ledger.posting();
    }

    /**
     * A correction by staff, either way. An upward adjustment pays off debt first; a downward one
     * cannot take the balance below zero.
     *
     * @throws InsufficientJakeBucks when a downward adjustment is more than the balance
     */
    public Posting adjust(Money signedAmount, LedgerReference reference, String description, Instant at) {
        if (signedAmount.isZero()) {
            throw new IllegalArgumentException("an adjustment must not be zero");
        }
        Ledger ledger = new Ledger(this, reference, at);
        if (signedAmount.isPositive()) {
            ledger.addPositive(EntryType.ADJUSTMENT, signedAmount, description);
        } else {
            if (signedAmount.abs().isGreaterThan(balance)) {
                throw new InsufficientJakeBucks(balance, signedAmount.abs());
            }
            ledger.add(EntryType.ADJUSTMENT, signedAmount, description);
        }
        return ledger.posting();
    }

    /**
     * Takes back up to {@code amount}: as much as the balance holds as a {@code clawback} entry, the
     * rest as debt. No entry is posted when the balance is zero; the debt still grows.
     */
    public Posting clawBack(Money amount, LedgerReference reference, String description, Instant at) {
        amount.requirePositive("clawback");
        Ledger ledger = new Ledger(this, reference, at);
        ledger.clawBack(amount, description);
        return ledger.posting();
    }

    /** A sale that failed after it was paid in Jake Bucks: claws back its credit and its bonus. */
    public Posting clawBackSale(Money offerAmount, LedgerReference sale, JakeBucksRules rules, Instant at) {
        offerAmount.requirePositive("offer amount");
        Money bonus = bonusFor(offerAmount, rules);
        Ledger ledger = new Ledger(this, sale, at);
        ledger.clawBack(offerAmount, "Sale failed: credit clawed back");
        if (bonus.isPositive()) {
            ledger.clawBack(bonus, "Sale failed: bonus clawed back");
        }
        return ledger.posting();
    }

    /** Builds the entries of one operation against a running balance and debt. */
    private static final class Ledger {
        private final UserId owner;
        private final LedgerReference reference;
        private final Instant at;
        private final List<LedgerEntry> entries = new ArrayList<>();
        private Money balance;
        private Money debt;

        Ledger(JakeBucksAccount account, LedgerReference reference, Instant at) {
            this.owner = account.owner;
            this.balance = account.balance;
            this.debt = account.debt;
            this.reference = Objects.requireNonNull(reference, "reference");
            this.at = Objects.requireNonNull(at, "at");
        }

        void add(EntryType type, Money signedAmount, String description) {
            balance = balance.plus(signedAmount);
            entries.add(new LedgerEntry(type, signedAmount, balance, reference, description, at));
        }

        void addPositive(EntryType type, Money amount, String description) {
            add(type, amount, description);
            Money recovered = balance.min(debt);
            if (recovered.isPositive()) {
                debt = debt.minus(recovered);
                add(EntryType.CLAWBACK, recovered.negate(), DEBT_RECOVERY);
            }
        }

        void clawBack(Money amount, String description) {
            Money taken = balance.min(amount);
            if (taken.isPositive()) {
                add(EntryType.CLAWBACK, taken.negate(), description);
            }
            debt = debt.plus(amount.minus(taken));
        }

        Posting posting() {
            return new Posting(new JakeBucksAccount(owner, balance, debt), entries);
        }
    }
}
