package com.jakebuysit.domain.rules;

import com.jakebuysit.domain.Money;
import java.math.BigDecimal;

/**
 * The {@code confidence_thresholds} config row: identification confidence at or above
 * {@code autoPrice} prices automatically, below {@code escalateBelow} goes to a reviewer, in between
 * is priced conservatively and flagged; an offer above {@code reviewAboveAmount} is approved by a
 * reviewer before the seller sees it.
 */
public record ConfidenceThresholds(BigDecimal autoPrice, BigDecimal escalateBelow, BigDecimal reviewAboveAmount) {

    public ConfidenceThresholds {
        autoPrice = Checks.ratio(autoPrice, "autoPrice");
        escalateBelow = Checks.ratio(escalateBelow, "escalateBelow");
        Checks.ordered(escalateBelow, "escalateBelow", autoPrice, "autoPrice");
        reviewAboveAmount = Checks.amount(reviewAboveAmount, "reviewAboveAmount");
    }

    public static ConfidenceThresholds defaults() {
        return new ConfidenceThresholds(new BigDecimal("0.80"), new BigDecimal("0.60"), new BigDecimal("500.00"));
    }

    public Money reviewAbove() {
        return Money.usd(reviewAboveAmount);
    }
}
