package com.jakebuysit.domain.fraud;

import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.rules.PricingRules;

/**
 * The daily spend cap across all accepted offers ($10,000): an offer or accept that would pass it
 * is escalated (held for review), not silently refused.
 */
public final class DailySpendRule {

    public static final String RULE = "limits.daily_spend_cap";

    private DailySpendRule() {
    }

    /**
     * @param spentToday the total of offers accepted today, across all sellers
     * @param amount this offer
     */
    public static Assessment assess(Money spentToday, Money amount, PricingRules rules) {
        spentToday.requireNonNegative("spent today");
        amount.requireNonNegative("amount");
        Money cap = rules.dailySpendCapMoney();
        if (spentToday.plus(amount).isGreaterThan(cap)) {
            return Assessment.escalate(RULE, "accepting " + amount.format() + " would pass the daily spend cap of "
                    + cap.format() + " (" + spentToday.format() + " already accepted today): held for review");
        }
        return Assessment.pass();
    }
}
