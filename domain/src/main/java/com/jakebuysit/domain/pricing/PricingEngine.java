package com.jakebuysit.domain.pricing;

import com.jakebuysit.domain.Condition;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.fraud.Assessment;
import com.jakebuysit.domain.fraud.DailySpendRule;
import com.jakebuysit.domain.fraud.NewAccountRule;
import com.jakebuysit.domain.fraud.TrustRule;
import com.jakebuysit.domain.fraud.Verdict;
import com.jakebuysit.domain.rules.BusinessRules;
import com.jakebuysit.domain.rules.ConfidenceThresholds;
import com.jakebuysit.domain.rules.PricingRules;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One pricing decision: comparables → FMV → offer → path, with every step in a breakdown.
 *
 * <p>The offer is {@code basis × condition multiplier × category payout ratio}, where the basis is
 * the FMV when identification confidence is at or above {@code autoPrice} (0.80) and the lower
 * quartile of the comparables below it. Then the dynamic rules, each named in the breakdown:
 * <ul>
 *   <li>{@value #NEW_ACCOUNT_CAP}: an account younger than 30 days (or an anonymous seller) gets
 *       at most $100;
 *   <li>{@value #TRUST}: trust below 30 escalates;
 *   <li>{@value #DAILY_SPEND}: an offer that would pass the daily spend cap escalates (held for review).
 * </ul>
 * The amount is rounded to the cent (HALF_EVEN), capped at the category ceiling, and refused when
 * under the floor. The path is the worst of: identification confidence (flag between 0.60 and
 * 0.80, escalate below), fewer than 5 usable comparables (escalate), an amount above $500 (a
 * reviewer approves before it is shown), the rules above, and market confidence below 0.60 (flag).
 * Under the floor the offer is refused, unless identification was too unsure to trust the price,
 * in which case a reviewer looks.
 */
public final class PricingEngine {

    public static final String IDENTIFICATION = "pricing.identification_confidence";
    public static final String MIN_COMPARABLES = "pricing.min_comparables";
    public static final String MARKET_CONFIDENCE = "pricing.market_confidence";
    public static final String NEW_ACCOUNT_CAP = "pricing.new_account_cap";
    public static final String TRUST = TrustRule.RULE;
    public static final String DAILY_SPEND = DailySpendRule.RULE;
    public static final String CATEGORY_CEILING = "pricing.category_ceiling";
    public static final String OFFER_FLOOR = "pricing.offer_floor";
    public static final String REVIEW_ABOVE = "pricing.review_above_amount";

    /** Labels of the breakdown lines that tests and the apps may look up. */
    public static final String LINE_FMV = "Fair market value";
    public static final String LINE_OFFER = "Jake's offer";

    private final FmvEstimator estimator;

    public PricingEngine(FmvEstimator estimator) {
        this.estimator = Objects.requireNonNull(estimator, "estimator");
    }

    public static PricingEngine standard() {
        return new PricingEngine(FmvEstimator.standard());
    }

    public PricingDecision decide(PricingRequest request, BusinessRules rules) {
        PricingRules pricing = rules.pricingRules();
        ConfidenceThresholds thresholds = rules.confidenceThresholds();
        List<BreakdownLine> lines = new ArrayList<>();
        List<Assessment> verdicts = new ArrayList<>();

        Verdict identification = identificationBand(request.identificationConfidence(), thresholds);
        if (identification == Verdict.FLAG) {
            verdicts.add(Assessment.flag(IDENTIFICATION, "identification confidence "
                    + plain(request.identificationConfidence()) + " is below " + plain(thresholds.autoPrice())
                    + ": priced from the lower quartile of comparables"));
        } else if (identification == Verdict.ESCALATE) {
            verdicts.add(Assessment.escalate(IDENTIFICATION, "identification confidence "
                    + plain(request.identificationConfidence()) + " is below " + plain(thresholds.escalateBelow())
                    + ": a reviewer identifies the item"));
        }
        Assessment trust = TrustRule.assess(request.seller().trust(), rules.trust());
        verdicts.add(trust);

        FmvEstimate estimate = estimator.estimate(request.comparables(), request.asOf(), pricing.minComparables());
        lines.add(BreakdownLine.of("Comparable sales", String.valueOf(estimate.considered()),
                "sold listings found for this item"));
        if (estimate.usable() < estimate.considered()) {
            lines.add(BreakdownLine.of("Set aside", String.valueOf(estimate.considered() - estimate.usable()),
                    "duplicate listings, sales dated after today or in another currency"));
        }
        if (estimate instanceof FmvEstimate.NeedsHuman needsHuman) {
            verdicts.add(Assessment.escalate(MIN_COMPARABLES, needsHuman.reason() + ": a reviewer prices this item"));
            lines.add(BreakdownLine.of(LINE_FMV, "not enough data", needsHuman.reason()));
            lines.add(trustLine(request, trust, rules));
            lines.add(BreakdownLine.of(LINE_OFFER, "to be set by a reviewer"));
            Assessment all = Assessment.combine(verdicts);
            return new PricingDecision(PricingPath.ESCALATE, Optional.empty(), estimate, List.of(), all.reasons(),
                    new PriceBreakdown(lines));
        }
        FmvEstimate.Estimated market = (FmvEstimate.Estimated) estimate;
        if (!market.outliers().isEmpty()) {
            lines.add(BreakdownLine.of("Outliers removed", String.valueOf(market.outliers().size()),
                    "prices outside " + fence(market.lowerFence()) + "–" + fence(market.upperFence())
                            + " (1.5 × interquartile range)"));
        }
        lines.add(BreakdownLine.of(LINE_FMV, market.fmv().format(), "recency-weighted median of "
                + market.used().size() + " sales (a sale's weight halves every "
                + market.halfLife().toDays() + " days)"));
        lines.add(BreakdownLine.of("Market confidence", plain(market.confidence()),
                "from the number of sales and how close their prices are"));
        if (market.confidence().compareTo(thresholds.escalateBelow()) < 0) {
            verdicts.add(Assessment.flag(MARKET_CONFIDENCE, "market confidence " + plain(market.confidence())
                    + " is below " + plain(thresholds.escalateBelow()) + ": few sales or widely spread prices"));
        }

        boolean conservative = identification != Verdict.PASS;
        Money basis = conservative ? market.lowerQuartile() : market.fmv();
        lines.add(BreakdownLine.of("Starting point", basis.format(), conservative
                ? "lower quartile of comparables, because identification confidence is "
                        + plain(request.identificationConfidence())
                : "fair market value"));

        BigDecimal multiplier = pricing.multiplier(request.condition());
        BigDecimal afterCondition = basis.amount().multiply(multiplier);
        lines.add(BreakdownLine.of("Condition: " + request.condition().displayName(), "× " + plain(multiplier),
                "= " + Money.usd(afterCondition).format()));
        BigDecimal ratio = pricing.payoutRatio(request.category());
        BigDecimal exact = afterCondition.multiply(ratio);
        lines.add(BreakdownLine.of("Payout ratio: " + request.category().displayName(), "× " + plain(ratio),
                "= " + Money.usd(exact).format() + ", rounded to the cent; the rest covers resale costs"));

        Money amount = Money.usd(exact);
        List<Adjustment> adjustments = new ArrayList<>();
        Optional<Money> newAccountCap = NewAccountRule.offerCap(request.seller().accountCreatedAt(), request.asOf(),
                rules.fraudSettings());
        if (newAccountCap.isPresent() && amount.isGreaterThan(newAccountCap.get())) {
            Adjustment cap = new Adjustment(NEW_ACCOUNT_CAP, amount, newAccountCap.get(),
                    (request.seller().accountCreatedAt().isEmpty() ? "sellers without an account"
                            : "accounts younger than " + rules.fraudSettings().newAccountDays() + " days")
                            + " are offered at most " + newAccountCap.get().format());
            adjustments.add(cap);
            amount = cap.after();
            lines.add(BreakdownLine.of("New account cap", amount.format(), cap.reason()));
        }
        Money ceiling = pricing.ceiling(request.category());
        if (amount.isGreaterThan(ceiling)) {
            Adjustment cap = new Adjustment(CATEGORY_CEILING, amount, ceiling, "the most Jake offers for "
                    + request.category().displayName() + " is " + ceiling.format());
            adjustments.add(cap);
            amount = ceiling;
            lines.add(BreakdownLine.of("Category ceiling", ceiling.format(), "capped: " + cap.reason()));
        } else {
            lines.add(BreakdownLine.of("Category ceiling", ceiling.format(), "not reached"));
        }
        lines.add(trustLine(request, trust, rules));

        Money floor = pricing.floor();
        if (amount.isLessThan(floor)) {
            String why = "the offer " + amount.format() + " is below the " + floor.format() + " floor";
            verdicts.add(identification == Verdict.ESCALATE
                    ? Assessment.escalate(OFFER_FLOOR, why + ", but the identification may be wrong")
                    : Assessment.reject(OFFER_FLOOR, why + ": Jake can't make an offer on this one"));
            lines.add(BreakdownLine.of("Offer floor", floor.format(), "not met"));
            Assessment all = Assessment.combine(verdicts);
            PricingPath path = all.verdict() == Verdict.REJECT ? PricingPath.REFUSE : PricingPath.ESCALATE;
            lines.add(BreakdownLine.of(LINE_OFFER, path == PricingPath.REFUSE ? "no offer" : "to be set by a reviewer",
                    why));
            return new PricingDecision(path, Optional.empty(), market, adjustments, all.reasons(),
                    new PriceBreakdown(lines));
        }
        lines.add(BreakdownLine.of("Offer floor", floor.format(), "met"));

        verdicts.add(DailySpendRule.assess(request.spentToday(), amount, pricing));
        if (amount.isGreaterThan(thresholds.reviewAbove())) {
            verdicts.add(Assessment.escalate(REVIEW_ABOVE, "offers above " + thresholds.reviewAbove().format()
                    + " are approved by a reviewer before they are shown"));
        }
        Quote quote = Quote.of(amount, market.fmv(), market.confidence());
        lines.add(BreakdownLine.of(LINE_OFFER, amount.format(),
                percent(quote.offerToMarketRatio().orElseThrow()) + " of fair market value"));
        Assessment all = Assessment.combine(verdicts);
        return new PricingDecision(pathOf(all.verdict()), Optional.of(quote), market, adjustments, all.reasons(),
                new PriceBreakdown(lines));
    }

    /**
     * The amount after the warehouse grades an item worse than it was priced: the agreed amount
     * scaled by the ratio of the condition multipliers (the rest of the formula is unchanged),
     * rounded to the cent. Never above the agreed amount.
     */
    public static Money revisedAmount(Money agreed, Condition priced, Condition graded, PricingRules rules) {
        agreed.requirePositive("agreed amount");
        if (!priced.isBetterThan(graded)) {
            return agreed;
        }
        BigDecimal scaled = agreed.amount().multiply(rules.multiplier(graded))
                .divide(rules.multiplier(priced), 10, RoundingMode.HALF_EVEN);
        return Money.usd(scaled).min(agreed);
    }

    private static Verdict identificationBand(BigDecimal confidence, ConfidenceThresholds thresholds) {
        if (confidence.compareTo(thresholds.autoPrice()) >= 0) {
            return Verdict.PASS;
        }
        return confidence.compareTo(thresholds.escalateBelow()) >= 0 ? Verdict.FLAG : Verdict.ESCALATE;
    }

    private static BreakdownLine trustLine(PricingRequest request, Assessment trust, BusinessRules rules) {
        return BreakdownLine.of("Trust score", String.valueOf(request.seller().trust().value()), trust.passed()
                ? "no effect on the price"
                : "below " + rules.trust().escalateAllBelow() + ": a reviewer checks this offer");
    }

    private static PricingPath pathOf(Verdict verdict) {
        return switch (verdict) {
            case PASS -> PricingPath.AUTO_PRICE;
            case FLAG -> PricingPath.PRICE_AND_FLAG;
            case ESCALATE -> PricingPath.ESCALATE;
            case REJECT -> PricingPath.REFUSE;
        };
    }

    private static String fence(BigDecimal value) {
        return Money.usd(value.max(BigDecimal.ZERO)).format();
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static String percent(BigDecimal ratio) {
        return ratio.movePointRight(2).setScale(0, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }
}
