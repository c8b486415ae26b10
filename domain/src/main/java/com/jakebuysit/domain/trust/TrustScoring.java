package com.jakebuysit.domain.trust;

import com.jakebuysit.domain.TrustScore;
import com.jakebuysit.domain.rules.TrustRules;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * The trust score as a pure function of events: an exponential moving average toward the event's
 * target, {@code next = score + α × (target − score)} (α from {@link TrustRules}: sale 0.2 toward
 * 100, fraud flag 0.3 toward 0, lost dispute 0.5 toward 0), starting at {@code initial} (50).
 *
 * <p>Scores are whole numbers, so the result is rounded <em>toward the target</em> (up after a
 * sale, down after a fraud flag or lost dispute). Rounding to nearest would stall the average a
 * point or two short of the bounds (98 + 0.2 × 2 = 98.4 → 98 forever); rounding toward the target
 * means every event moves a score that is not already at its target by at least one point, and
 * never past the target.
 */
public final class TrustScoring {

    private TrustScoring() {
    }

    public static TrustScore initial(TrustRules rules) {
        return TrustScore.of(rules.initial());
    }

    /** The score after one event. */
    public static TrustScore apply(TrustScore score, TrustEvent event, TrustRules rules) {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(event, "event");
        BigDecimal alpha = alpha(event, rules);
        BigDecimal current = BigDecimal.valueOf(score.value());
        BigDecimal next = current.add(alpha.multiply(BigDecimal.valueOf(event.target()).subtract(current)));
        RoundingMode towardTarget = event.target() >= score.value() ? RoundingMode.CEILING : RoundingMode.FLOOR;
        return TrustScore.of(next.setScale(0, towardTarget).intValueExact());
    }

    /** The score after each of {@code events} in order, starting from {@code start}. */
    public static TrustScore replay(TrustScore start, List<TrustEvent> events, TrustRules rules) {
        TrustScore score = start;
        for (TrustEvent event : events) {
            score = apply(score, event, rules);
        }
        return score;
    }

    /** The score of a seller whose whole history is {@code events}. */
    public static TrustScore replay(List<TrustEvent> events, TrustRules rules) {
        return replay(initial(rules), events, rules);
    }

    /** True when every offer of a seller with this score goes to a reviewer (below 30 by default). */
    public static boolean escalatesEveryOffer(TrustScore score, TrustRules rules) {
        return score.isBelow(rules.escalateAllBelow());
    }

    /** True when this seller's payouts skip the manual hold (80 or more by default). */
    public static boolean skipsPayoutHold(TrustScore score, TrustRules rules) {
        return score.isAtLeast(rules.skipPayoutHoldAtOrAbove());
    }

    private static BigDecimal alpha(TrustEvent event, TrustRules rules) {
        return switch (event) {
            case COMPLETED_SALE -> rules.saleAlpha();
            case FRAUD_FLAG -> rules.fraudFlagAlpha();
            case LOST_DISPUTE -> rules.lostDisputeAlpha();
        };
    }
}
