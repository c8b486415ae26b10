package com.jakebuysit.domain.fraud;

import com.jakebuysit.domain.TrustScore;
import com.jakebuysit.domain.rules.TrustRules;

/** A seller whose trust is below {@code escalateAllBelow} (30) has every offer escalated. */
public final class TrustRule {

    public static final String RULE = "trust.escalate_all_below";

    private TrustRule() {
    }

    public static Assessment assess(TrustScore trust, TrustRules rules) {
        return trust.isBelow(rules.escalateAllBelow())
                ? Assessment.escalate(RULE, "seller trust score " + trust.value() + " is below "
                        + rules.escalateAllBelow() + ": a reviewer checks every offer")
                : Assessment.pass();
    }
}
