package com.jakebuysit.domain.pricing;

import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.Text;
import java.util.Objects;

/** A named rule that changed the amount, with what it was before and after, and why. */
public record Adjustment(String rule, Money before, Money after, String reason) {

    public Adjustment {
        rule = Text.required(rule, "rule");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        reason = Text.required(reason, "reason");
    }

    /** After minus before: negative for a cut. */
    public Money change() {
        return after.minus(before);
    }
}
