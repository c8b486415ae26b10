package com.jakebuysit.domain.rules;

import java.math.BigDecimal;

/**
 * The {@code trust} config row: the starting score, the EMA weights of each event and the two
 * thresholds (escalate every offer below one, skip the manual payout hold at or above the other).
 */
public record TrustRules(
        int initial,
        BigDecimal saleAlpha,
        BigDecimal fraudFlagAlpha,
        BigDecimal lostDisputeAlpha,
        int escalateAllBelow,
        int skipPayoutHoldAtOrAbove) {

    public TrustRules {
        Checks.between(initial, 0, 100, "initial");
        saleAlpha = Checks.positiveRatio(saleAlpha, "saleAlpha");
        fraudFlagAlpha = Checks.positiveRatio(fraudFlagAlpha, "fraudFlagAlpha");
        lostDisputeAlpha = Checks.positiveRatio(lostDisputeAlpha, "lostDisputeAlpha");
        Checks.between(escalateAllBelow, 0, 100, "escalateAllBelow");
        Checks.between(skipPayoutHoldAtOrAbove, 0, 100, "skipPayoutHoldAtOrAbove");
        Checks.ordered(escalateAllBelow, "escalateAllBelow", skipPayoutHoldAtOrAbove, "skipPayoutHoldAtOrAbove");
    }

    public static TrustRules defaults() {
        return new TrustRules(50, new BigDecimal("0.2"), new BigDecimal("0.3"), new BigDecimal("0.5"), 30, 80);
    }
}
