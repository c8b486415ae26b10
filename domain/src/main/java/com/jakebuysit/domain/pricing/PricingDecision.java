package com.jakebuysit.domain.pricing;

import com.jakebuysit.domain.Reason;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of pricing one offer.
 *
 * @param path auto-price, price-and-flag, escalate or refuse
 * @param quote the price: present when the path shows it to the seller, and on escalation when a
 *     price could be proposed to the reviewer; absent when refused
 * @param marketValue the FMV estimate, or why there is none
 * @param adjustments the rules that changed the amount
 * @param reasons why the path is not a plain auto-price (flags, escalations, refusal)
 * @param breakdown every step, readable by the seller
 */
public record PricingDecision(PricingPath path, Optional<Quote> quote, FmvEstimate marketValue,
        List<Adjustment> adjustments, List<Reason> reasons, PriceBreakdown breakdown) {

    public PricingDecision {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(marketValue, "marketValue");
        adjustments = List.copyOf(adjustments);
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(breakdown, "breakdown");
        if ((path == PricingPath.AUTO_PRICE || path == PricingPath.PRICE_AND_FLAG) && quote.isEmpty()) {
            throw new IllegalArgumentException(path.code() + " needs a quote");
        }
        if (path == PricingPath.REFUSE && quote.isPresent()) {
            throw new IllegalArgumentException("a refusal has no quote");
        }
        if (path != PricingPath.AUTO_PRICE && reasons.isEmpty()) {
            throw new IllegalArgumentException(path.code() + " needs a reason");
        }
    }

    /** True when the seller sees the quote without a reviewer in between. */
    public boolean showsSeller() {
        return path == PricingPath.AUTO_PRICE || path == PricingPath.PRICE_AND_FLAG;
    }
}
