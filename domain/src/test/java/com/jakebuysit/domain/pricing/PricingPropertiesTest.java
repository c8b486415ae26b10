package com.jakebuysit.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import com.jakebuysit.domain.Condition;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.rules.BusinessRules;
import com.jakebuysit.domain.rules.PricingRules;
import com.jakebuysit.domain.testing.Gen;
import com.jakebuysit.domain.testing.Property;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class PricingPropertiesTest {

    private static final BusinessRules RULES = BusinessRules.defaults();
    private static final PricingRules PRICING = RULES.pricingRules();

    private final PricingEngine engine = PricingEngine.standard();

    @Test
    void aBetterConditionNeverLowersTheOffer() {
        Gen<Condition> conditions = Gen.enumOf(Condition.class);
        Property.forAll(Gen.pairs(PricingGen.requests(), Gen.pairs(conditions, conditions)), input -> {
            Condition a = input.second().first();
            Condition b = input.second().second();
            Condition better = a.isBetterThan(b) ? a : b;
            Condition worse = better == a ? b : a;
            Money high = PricingGen.amountOf(engine.decide(input.first().withCondition(better), RULES));
            Money low = PricingGen.amountOf(engine.decide(input.first().withCondition(worse), RULES));
            assertThat(high).isGreaterThanOrEqualTo(low);
        });
    }

    @Test
    void theOfferStaysBetweenTheFloorAndTheCeilingAndNeverAboveFmvTimesThePayoutRatio() {
        Property.forAll(PricingGen.requests(), request -> {
            PricingDecision decision = engine.decide(request, RULES);
            if (decision.path() == PricingPath.REFUSE) {
                assertThat(decision.quote()).isEmpty();
                return;
            }
            decision.quote().ifPresent(quote -> {
                Money amount = quote.amount();
                assertThat(amount.amount().scale()).isEqualTo(2);
                assertThat(amount).isGreaterThanOrEqualTo(PRICING.floor());
                assertThat(amount).isLessThanOrEqualTo(PRICING.ceiling(request.category()));
                Money fmv = quote.fmv().orElseThrow();
                Money fmvTimesRatio = Money.usd(fmv.amount().multiply(PRICING.payoutRatio(request.category())));
                assertThat(amount).isLessThanOrEqualTo(fmvTimesRatio);
                assertThat(quote.offerToMarketRatio()).contains(
                        amount.amount().divide(fmv.amount(), 4, RoundingMode.HALF_EVEN));
            });
        });
    }

    @Test
    void roundingIsExactToTheCent() {
        Property.forAll(PricingGen.requests(), request -> {
            PricingDecision decision = engine.decide(request, RULES);
            if (decision.quote().isEmpty() || !decision.adjustments().isEmpty()) {
                return;
            }
            FmvEstimate.Estimated market = PricingGen.estimated(decision).orElseThrow();
            boolean confident = request.identificationConfidence().compareTo(new BigDecimal("0.80")) >= 0;
            BigDecimal basis = (confident ? market.fmv() : market.lowerQuartile()).amount();
            BigDecimal exact = basis.multiply(PRICING.multiplier(request.condition()))
                    .multiply(PRICING.payoutRatio(request.category()));
            assertThat(decision.quote().orElseThrow().amount().amount())
                    .isEqualTo(exact.setScale(2, RoundingMode.HALF_EVEN));
        });
    }

    @Test
    void onlyOffersEveryRuleAllowsAreShownWithoutAReviewer() {
        Property.forAll(PricingGen.requests(), request -> {
            PricingDecision decision = engine.decide(request, RULES);
            if (!decision.showsSeller()) {
                assertThat(decision.reasons()).isNotEmpty();
                return;
            }
            Money amount = decision.quote().orElseThrow().amount();
            assertThat(amount).isLessThanOrEqualTo(Money.usd("500"));
            assertThat(request.seller().trust().value()).isGreaterThanOrEqualTo(30);
            assertThat(request.identificationConfidence()).isGreaterThanOrEqualTo(new BigDecimal("0.60"));
            assertThat(request.spentToday().plus(amount)).isLessThanOrEqualTo(Money.usd("10000"));
            assertThat(decision.marketValue()).isInstanceOf(FmvEstimate.Estimated.class);
            assertThat(decision.path() == PricingPath.AUTO_PRICE).isEqualTo(decision.reasons().isEmpty());
        });
    }

    @Test
    void theDecisionDoesNotDependOnTheOrderOfComparables() {
        Property.forAll(100, PricingGen.requests().flatMap(request -> Gen.shuffled(request.comparables())
                .map(shuffled -> new Gen.Pair<>(request, request.withComparables(shuffled)))), pair ->
                assertThat(engine.decide(pair.second(), RULES)).isEqualTo(engine.decide(pair.first(), RULES)));
    }
}
