package com.jakebuysit.domain.fraud;

import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.rules.FraudSettings;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Limits on accounts younger than {@code newAccountDays} (30): offers capped at
 * {@code newAccountOfferCap} ($100), and above {@code newAccountVerificationAbove} ($200) the seller
 * must be verified before payout. An anonymous seller (no account yet) counts as new.
 */
public final class NewAccountRule {

    public static final String VERIFY_BEFORE_PAYOUT = "new_account.verify_before_payout";

    private NewAccountRule() {
    }

    /** True for an anonymous seller or an account created less than {@code newAccountDays} before {@code asOf}. */
    public static boolean isNew(Optional<Instant> accountCreatedAt, Instant asOf, FraudSettings settings) {
        Objects.requireNonNull(asOf, "asOf");
        return accountCreatedAt.map(created -> created.plus(settings.newAccountAge()).isAfter(asOf)).orElse(true);
    }

    /** The cap on a new account's offer, or empty when the account is not new. */
    public static Optional<Money> offerCap(Optional<Instant> accountCreatedAt, Instant asOf, FraudSettings settings) {
        return isNew(accountCreatedAt, asOf, settings) ? Optional.of(settings.newAccountCap()) : Optional.empty();
    }

    /** Rejects a payout above the threshold to an unverified new account until the seller is verified. */
    public static Assessment payoutVerification(Instant accountCreatedAt, boolean sellerVerified, Money amount,
            Instant asOf, FraudSettings settings) {
        if (isNew(Optional.of(accountCreatedAt), asOf, settings) && !sellerVerified
                && amount.isGreaterThan(settings.newAccountVerificationThreshold())) {
            return Assessment.reject(VERIFY_BEFORE_PAYOUT, "accounts younger than " + settings.newAccountDays()
                    + " days must be verified before a payout above "
                    + settings.newAccountVerificationThreshold().format() + " (this one: " + amount.format() + ")");
        }
        return Assessment.pass();
    }
}
