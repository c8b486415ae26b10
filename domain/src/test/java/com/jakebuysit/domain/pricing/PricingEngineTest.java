package com.jakebuysit.domain.pricing;

import static com.jakebuysit.domain.pricing.PricingGen.AS_OF;
import static com.jakebuysit.domain.pricing.PricingGen.d;
import static org.assertj.core.api.Assertions.assertThat;

import com.jakebuysit.domain.Category;
import com.jakebuysit.domain.Condition;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.Reason;
import com.jakebuysit.domain.TrustScore;
import com.jakebuysit.domain.rules.BusinessRules;
import com.jakebuysit.domain.rules.PricingRules;
import com.jakebuysit.domain.testing.Fixtures;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PricingEngineTest {

    private static final BusinessRules RULES = BusinessRules.defaults();
    private static final SellerStanding ESTABLISHED = SellerStanding.account(AS_OF.minus(Duration.ofDays(365)),
            TrustScore.of(60));

    private final PricingEngine engine = PricingEngine.standard();

    private static PricingRequest request(Category category, Condition condition, String idConfidence,
            List<ComparableSale> comparables) {
        return new PricingRequest(category, condition, d(idConfidence), comparables, ESTABLISHED, Money.ZERO, AS_OF);
    }

    private static PricingRequest gamingGood(List<ComparableSale> comparables) {
        return request(Category.GAMING, Condition.GOOD, "0.90", comparables);
    }

    @Test
    void aConfidentIdentificationWithGoodDataIsPricedAutomatically() {
        PricingDecision decision = engine.decide(gamingGood(Fixtures.sales(AS_OF, 10, "100")), RULES);
        assertThat(decision.path()).isEqualTo(PricingPath.AUTO_PRICE);
        assertThat(decision.reasons()).isEmpty();
        Quote quote = decision.quote().orElseThrow();
        assertThat(quote.amount()).isEqualTo(Money.usd("48.00")); // 100 × 0.80 × 0.60
        assertThat(quote.fmv()).contains(Money.usd("100"));
        assertThat(quote.fmvConfidence()).contains(d("0.90"));
        assertThat(quote.offerToMarketRatio()).contains(d("0.4800"));
        assertThat(decision.showsSeller()).isTrue();
    }

    @Test
    void theBreakdownWalksFromComparablesToTheOffer() {
        PricingDecision decision = engine.decide(gamingGood(Fixtures.sales(AS_OF, 10, "100")), RULES);
        assertThat(decision.breakdown().lines()).extracting(BreakdownLine::label).containsExactly(
                "Comparable sales", "Fair market value", "Market confidence", "Starting point", "Condition: Good",
                "Payout ratio: Gaming", "Category ceiling", "Trust score", "Offer floor", "Jake's offer");
        assertThat(decision.breakdown().line("Fair market value").orElseThrow().value()).isEqualTo("$100.00");
        assertThat(decision.breakdown().line("Condition: Good").orElseThrow().value()).isEqualTo("× 0.8");
        assertThat(decision.breakdown().line("Payout ratio: Gaming").orElseThrow().note()).hasValueSatisfying(
                note -> assertThat(note).startsWith("= $48.00"));
        assertThat(decision.breakdown().line("Jake's offer").orElseThrow().value()).isEqualTo("$48.00");
        assertThat(decision.breakdown().line("Jake's offer").orElseThrow().note()).contains("48% of fair market value");
        assertThat(decision.breakdown().render()).contains("Category ceiling: $1,000.00 (not reached)");
    }

    @Test
    void betweenSixtyAndEightyPercentIdentificationPricesFromTheLowerQuartileAndFlags() {
        List<ComparableSale> spread = Fixtures.sales(AS_OF, 10, "80", "90", "100", "110", "120");
        PricingDecision decision = engine.decide(request(Category.GAMING, Condition.NEW, "0.70", spread), RULES);
        assertThat(decision.path()).isEqualTo(PricingPath.PRICE_AND_FLAG);
        assertThat(decision.reasons()).extracting(Reason::rule).contains(PricingEngine.IDENTIFICATION);
        FmvEstimate.Estimated market = PricingGen.estimated(decision).orElseThrow();
        assertThat(market.lowerQuartile()).isLessThan(market.fmv());
        assertThat(decision.quote().orElseThrow().amount()).isEqualTo(market.lowerQuartile().times(d("0.6")));
        assertThat(decision.breakdown().line("Starting point").orElseThrow().note())
                .hasValueSatisfying(note -> assertThat(note).contains("lower quartile"));
    }

    @Test
    void belowSixtyPercentIdentificationEscalatesWithAProposedPrice() {
        PricingDecision decision = engine.decide(request(Category.GAMING, Condition.GOOD, "0.59",
                Fixtures.sales(AS_OF, 10, "100")), RULES);
        assertThat(decision.path()).isEqualTo(PricingPath.ESCALATE);
        assertThat(decision.quote()).isPresent();
        assertThat(decision.reasons()).extracting(Reason::rule).containsExactly(PricingEngine.IDENTIFICATION);
        assertThat(decision.showsSeller()).isFalse();
    }

    @Test
    void fewerThanFiveComparablesGoToAHumanWithoutAPrice() {
        PricingDecision decision = engine.decide(gamingGood(Fixtures.sales(AS_OF, 4, "100")), RULES);
        assertThat(decision.path()).isEqualTo(PricingPath.ESCALATE);
        assertThat(decision.quote()).isEmpty();
        assertThat(decision.reasons()).extracting(Reason::rule).containsExactly(PricingEngine.MIN_COMPARABLES);
        assertThat(decision.breakdown().line("Jake's offer").orElseThrow().value()).isEqualTo("to be set by a reviewer");
    }

    @Test
    void lowTrustEscalatesEveryOffer() {
        PricingRequest lowTrust = new PricingRequest(Category.GAMING, Condition.GOOD, d("0.95"),
                Fixtures.sales(AS_OF, 10, "100"), SellerStanding.account(AS_OF.minus(Duration.ofDays(90)),
                        TrustScore.of(29)), Money.ZERO, AS_OF);
        PricingDecision decision = engine.decide(lowTrust, RULES);
        assertThat(decision.path()).isEqualTo(PricingPath.ESCALATE);
        assertThat(decision.reasons()).extracting(Reason::rule).containsExactly(PricingEngine.TRUST);
        assertThat(decision.quote().orElseThrow().amount()).isEqualTo(Money.usd("48.00"));
    }

    @Test
    void newAccountsAndAnonymousSellersAreCappedAtAHundred() {
        List<ComparableSale> dear = Fixtures.sales(AS_OF, 10, "400");
        PricingRequest young = new PricingRequest(Category.CONSUMER_ELECTRONICS, Condition.NEW, d("0.95"), dear,
                SellerStanding.account(AS_OF.minus(Duration.ofDays(29)), TrustScore.of(50)), Money.ZERO, AS_OF);
        PricingDecision decision = engine.decide(young, RULES);
        assertThat(decision.path()).isEqualTo(PricingPath.AUTO_PRICE);
        assertThat(decision.quote().orElseThrow().amount()).isEqualTo(Money.usd("100.00"));
        assertThat(decision.adjustments()).singleElement().satisfies(adjustment -> {
            assertThat(adjustment.rule()).isEqualTo(PricingEngine.NEW_ACCOUNT_CAP);
            assertThat(adjustment.before()).isEqualTo(Money.usd("240.00"));
            assertThat(adjustment.after()).isEqualTo(Money.usd("100.00"));
            assertThat(adjustment.change()).isEqualTo(Money.usd("-140.00"));
        });
        assertThat(decision.breakdown().line("New account cap")).isPresent();
        PricingRequest anonymous = new PricingRequest(Category.CONSUMER_ELECTRONICS, Condition.NEW, d("0.95"), dear,
                SellerStanding.anonymous(TrustScore.of(50)), Money.ZERO, AS_OF);
        assertThat(engine.decide(anonymous, RULES).quote().orElseThrow().amount()).isEqualTo(Money.usd("100.00"));
        PricingRequest thirtyDays = new PricingRequest(Category.CONSUMER_ELECTRONICS, Condition.NEW, d("0.95"), dear,
                SellerStanding.account(AS_OF.minus(Duration.ofDays(30)), TrustScore.of(50)), Money.ZERO, AS_OF);
        assertThat(engine.decide(thirtyDays, RULES).quote().orElseThrow().amount()).isEqualTo(Money.usd("240.00"));
    }

    @Test
    void offersAboveFiveHundredWaitForAReviewer() {
        PricingDecision decision = engine.decide(request(Category.CONSUMER_ELECTRONICS, Condition.NEW, "0.95",
                Fixtures.sales(AS_OF, 10, "1000")), RULES);
        assertThat(decision.quote().orElseThrow().amount()).isEqualTo(Money.usd("600.00"));
        assertThat(decision.path()).isEqualTo(PricingPath.ESCALATE);
        assertThat(decision.reasons()).extracting(Reason::rule).containsExactly(PricingEngine.REVIEW_ABOVE);
        PricingDecision exactly = engine.decide(request(Category.CONSUMER_ELECTRONICS, Condition.NEW, "0.95",
                Fixtures.sales(AS_OF, 10, "833.33")), RULES);
        assertThat(exactly.quote().orElseThrow().amount()).isEqualTo(Money.usd("500.00")); // 499.998
        assertThat(exactly.path()).isEqualTo(PricingPath.AUTO_PRICE);
    }

    @Test
    void theCategoryCeilingCapsTheOffer() {
        PricingDecision decision = engine.decide(request(Category.PHONES_TABLETS, Condition.NEW, "0.95",
                Fixtures.sales(AS_OF, 10, "3000")), RULES);
        assertThat(decision.quote().orElseThrow().amount()).isEqualTo(Money.usd("1500.00"));
        assertThat(decision.adjustments()).extracting(Adjustment::rule).containsExactly(PricingEngine.CATEGORY_CEILING);
        assertThat(decision.adjustments().get(0).before()).isEqualTo(Money.usd("1950.00"));
        assertThat(decision.breakdown().line("Category ceiling").orElseThrow().note())
                .hasValueSatisfying(note -> assertThat(note).startsWith("capped"));
    }

    @Test
    void anOfferUnderTheFloorIsRefused() {
        PricingDecision decision = engine.decide(request(Category.BOOKS_MEDIA, Condition.POOR, "0.95",
                Fixtures.sales(AS_OF, 10, "10")), RULES);
        assertThat(decision.path()).isEqualTo(PricingPath.REFUSE);
        assertThat(decision.quote()).isEmpty();
        assertThat(decision.reasons()).extracting(Reason::rule).containsExactly(PricingEngine.OFFER_FLOOR);
        assertThat(decision.reasons().get(0).message()).contains("$1.40").contains("$5.00");
    }

    @Test
    void underTheFloorWithAnUnsureIdentificationAReviewerLooks() {
        PricingDecision decision = engine.decide(request(Category.BOOKS_MEDIA, Condition.POOR, "0.40",
                Fixtures.sales(AS_OF, 10, "10")), RULES);
        assertThat(decision.path()).isEqualTo(PricingPath.ESCALATE);
        assertThat(decision.quote()).isEmpty();
        assertThat(decision.reasons()).extracting(Reason::rule)
                .containsExactly(PricingEngine.IDENTIFICATION, PricingEngine.OFFER_FLOOR);
    }

    @Test
    void passingTheDailySpendCapHoldsTheOfferForReview() {
        PricingRequest request = new PricingRequest(Category.GAMING, Condition.GOOD, d("0.95"),
                Fixtures.sales(AS_OF, 10, "100"), ESTABLISHED, Money.usd("9960"), AS_OF);
        PricingDecision decision = engine.decide(request, RULES);
        assertThat(decision.path()).isEqualTo(PricingPath.ESCALATE);
        assertThat(decision.reasons()).extracting(Reason::rule).containsExactly(PricingEngine.DAILY_SPEND);
    }

    @Test
    void thinMarketDataIsFlagged() {
        PricingDecision decision = engine.decide(gamingGood(Fixtures.sales(AS_OF, 5, "80", "100", "120", "90", "110")),
                RULES);
        assertThat(PricingGen.estimated(decision).orElseThrow().confidence()).isLessThan(d("0.60"));
        assertThat(decision.path()).isEqualTo(PricingPath.PRICE_AND_FLAG);
        assertThat(decision.reasons()).extracting(Reason::rule).containsExactly(PricingEngine.MARKET_CONFIDENCE);
    }

    @Test
    void aWorseGradeRevisesTheOfferByTheRatioOfMultipliers() {
        PricingRules pricing = RULES.pricingRules();
        assertThat(PricingEngine.revisedAmount(Money.usd("100"), Condition.LIKE_NEW, Condition.GOOD, pricing))
                .isEqualTo(Money.usd("86.49")); // 100 × 0.80 / 0.925
        assertThat(PricingEngine.revisedAmount(Money.usd("100"), Condition.GOOD, Condition.GOOD, pricing))
                .isEqualTo(Money.usd("100"));
        assertThat(PricingEngine.revisedAmount(Money.usd("100"), Condition.GOOD, Condition.NEW, pricing))
                .isEqualTo(Money.usd("100"));
        assertThat(PricingEngine.revisedAmount(Money.usd("48"), Condition.NEW, Condition.POOR, pricing))
                .isEqualTo(Money.usd("19.20"));
    }

    @Test
    void quotesKeepTheirRatioConsistent() {
        Quote quote = Quote.of(Money.usd("52.80"), Money.usd("123.45"), d("0.8"));
        assertThat(quote.offerToMarketRatio()).contains(d("0.4277"));
        assertThat(quote.withAmount(Money.usd("61.73")).offerToMarketRatio()).contains(d("0.5000"));
        assertThat(new Quote(Money.usd("10"), java.util.Optional.empty(), java.util.Optional.empty())
                .offerToMarketRatio()).isEmpty();
    }

    @Test
    void aRequestRejectsOutOfRangeConfidence() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> request(Category.GAMING, Condition.GOOD, "1.01",
                List.of())).hasMessageContaining("identification confidence");
        assertThat(BigDecimal.ONE).isNotNull();
    }
}
