package com.jakebuysit.domain.rules;

/** The {@code payouts} config row: cash payouts leave within so many business days; failed ones retry so often. */
public record PayoutRules(int businessDaysToLeave, int maxRetries) {

    public PayoutRules {
        Checks.atLeast(businessDaysToLeave, 0, "businessDaysToLeave");
        Checks.atLeast(maxRetries, 0, "maxRetries");
    }

    public static PayoutRules defaults() {
        return new PayoutRules(2, 3);
    }
}
