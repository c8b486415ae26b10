package com.jakebuysit.domain.pricing;

import com.jakebuysit.domain.Category;
import com.jakebuysit.domain.Condition;
import com.jakebuysit.domain.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The facts of one pricing decision, gathered by the application.
 *
 * @param category the identified category
 * @param condition the condition the offer is priced at (the seller's stated one at first, the
 *     warehouse grade on revision)
 * @param identificationConfidence 0..1 from the identify step
 * @param comparables comparable sold listings from market research
 * @param seller account age and trust
 * @param spentToday the total of offers accepted today, for the daily spend cap
 * @param asOf now
 */
public record PricingRequest(Category category, Condition condition, BigDecimal identificationConfidence,
        List<ComparableSale> comparables, SellerStanding seller, Money spentToday, Instant asOf) {

    public PricingRequest {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(identificationConfidence, "identificationConfidence");
        if (identificationConfidence.signum() < 0 || identificationConfidence.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("identification confidence must be in 0..1, was "
                    + identificationConfidence);
        }
        comparables = List.copyOf(comparables);
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(spentToday, "spentToday").requireNonNegative("spent today");
        Objects.requireNonNull(asOf, "asOf");
    }

    public PricingRequest withCondition(Condition other) {
        return new PricingRequest(category, other, identificationConfidence, comparables, seller, spentToday, asOf);
    }

    public PricingRequest withComparables(List<ComparableSale> other) {
        return new PricingRequest(category, condition, identificationConfidence, other, seller, spentToday, asOf);
    }
}
