package com.jakebuysit.domain.fraud;

import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.TrustScore;
import java.time.Instant;
import java.util.Objects;

/**
 * What the payout gate needs to know about one payout.
 *
 * @param amount the amount to pay
 * @param trust the seller's trust score now
 * @param accountCreatedAt when the seller's account was created
 * @param sellerVerified whether the seller's identity is verified
 * @param jakeBucksDebt the seller's Jake Bucks debt (zero when none)
 * @param serialBlocklisted whether the item's serial/IMEI is on the blocklist
 * @param asOf now
 */
public record PayoutFacts(Money amount, TrustScore trust, Instant accountCreatedAt, boolean sellerVerified,
        Money jakeBucksDebt, boolean serialBlocklisted, Instant asOf) {

    public PayoutFacts {
        Objects.requireNonNull(amount, "amount").requirePositive("payout amount");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(accountCreatedAt, "accountCreatedAt");
        Objects.requireNonNull(jakeBucksDebt, "jakeBucksDebt").requireNonNegative("debt");
        Objects.requireNonNull(asOf, "asOf");
    }
}
