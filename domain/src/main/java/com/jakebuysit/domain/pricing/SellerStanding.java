package com.jakebuysit.domain.pricing;

import com.jakebuysit.domain.TrustScore;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What pricing needs to know about the seller.
 *
 * @param accountCreatedAt empty for an anonymous seller, who is treated as a new account
 * @param trust the seller's trust score (the initial score for anonymous sellers)
 */
public record SellerStanding(Optional<Instant> accountCreatedAt, TrustScore trust) {

    public SellerStanding {
        Objects.requireNonNull(accountCreatedAt, "accountCreatedAt");
        Objects.requireNonNull(trust, "trust");
    }

    public static SellerStanding account(Instant createdAt, TrustScore trust) {
        return new SellerStanding(Optional.of(createdAt), trust);
    }

    public static SellerStanding anonymous(TrustScore initialTrust) {
        return new SellerStanding(Optional.empty(), initialTrust);
    }
}
