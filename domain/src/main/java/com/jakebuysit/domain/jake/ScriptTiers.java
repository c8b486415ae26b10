package com.jakebuysit.domain.jake;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * Which script tier and tone Jake uses for an offer.
 *
 * <p>Tone follows the offer-to-market ratio: at or above 0.50 (Jake is paying half the market
 * value or more) {@code celebratory}; from 0.30 to 0.50 {@code easygoing}; below 0.30
 * {@code straight_shooter}, who says plainly the offer is low and why. An offer without a market
 * value (a reviewer's custom price) is treated as easygoing.
 *
 * <p>Tier follows familiarity, upgraded for generous offers:
 * <pre>
 *                    ratio &lt; 0.30   0.30–0.50   ≥ 0.50
 *   first sale          3             3           3      full performance: Jake introduces himself
 *   returning           2             2           3      short line; a generous offer gets the show
 *   regular             2             2           2      regulars know Jake: keep it short
 * </pre>
 * Tier 1 (text only, no audio) is never chosen here: it is the fallback when the voice service
 * fails after its retries ({@link #textOnlyFallback}), keeping the tone.
 */
public final class ScriptTiers {

    public static final BigDecimal GENEROUS_FROM = new BigDecimal("0.50");
    public static final BigDecimal LOW_BELOW = new BigDecimal("0.30");

    private ScriptTiers() {
    }

    public static ScriptPlan plan(Optional<BigDecimal> offerToMarketRatio, Familiarity familiarity) {
        Objects.requireNonNull(familiarity, "familiarity");
        Tone tone = offerToMarketRatio.map(ScriptTiers::toneFor).orElse(Tone.EASYGOING);
        int tier = switch (familiarity) {
            case FIRST_SALE -> ScriptPlan.FULL_VOICED;
            case RETURNING -> tone == Tone.CELEBRATORY ? ScriptPlan.FULL_VOICED : ScriptPlan.SHORT_VOICED;
            case REGULAR -> ScriptPlan.SHORT_VOICED;
        };
        return new ScriptPlan(tier, tone);
    }

    public static ScriptPlan plan(BigDecimal offerToMarketRatio, Familiarity familiarity) {
        return plan(Optional.of(offerToMarketRatio), familiarity);
    }

    /** Tier 1, text only, in the tone that was planned. */
    public static ScriptPlan textOnlyFallback(ScriptPlan planned) {
        return new ScriptPlan(ScriptPlan.TEXT_ONLY, planned.tone());
    }

    public static Tone toneFor(BigDecimal offerToMarketRatio) {
        if (offerToMarketRatio.signum() < 0) {
            throw new IllegalArgumentException("offer-to-market ratio cannot be negative: " + offerToMarketRatio);
        }
        if (offerToMarketRatio.compareTo(GENEROUS_FROM) >= 0) {
            return Tone.CELEBRATORY;
        }
        return offerToMarketRatio.compareTo(LOW_BELOW) >= 0 ? Tone.EASYGOING : Tone.STRAIGHT_SHOOTER;
    }
}
