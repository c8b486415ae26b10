package com.jakebuysit.domain.rules;

import java.math.BigDecimal;

/** The {@code jake_bucks} config row: the bonus paid on top of an offer taken in store credit. */
public record JakeBucksRules(BigDecimal bonusRate) {

    public JakeBucksRules {
        bonusRate = Checks.ratio(bonusRate, "bonusRate");
    }

    public static JakeBucksRules defaults() {
        return new JakeBucksRules(new BigDecimal("0.12"));
    }
}
