package com.jakebuysit.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jakebuysit.domain.Category;
import com.jakebuysit.domain.Condition;
import com.jakebuysit.domain.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BusinessRulesTest {

    private final BusinessRules rules = BusinessRules.defaults();

    @Test
    void pricingDefaultsAreRulesMd() {
        PricingRules pricing = rules.pricingRules();
        assertThat(pricing.payoutRatio(Category.CONSUMER_ELECTRONICS)).isEqualByComparingTo("0.60");
        assertThat(pricing.payoutRatio(Category.GAMING)).isEqualByComparingTo("0.60");
        assertThat(pricing.payoutRatio(Category.PHONES_TABLETS)).isEqualByComparingTo("0.65");
        assertThat(pricing.payoutRatio(Category.CLOTHING_FASHION)).isEqualByComparingTo("0.45");
        assertThat(pricing.payoutRatio(Category.COLLECTIBLES_VINTAGE)).isEqualByComparingTo("0.50");
        assertThat(pricing.payoutRatio(Category.BOOKS_MEDIA)).isEqualByComparingTo("0.35");
        assertThat(pricing.payoutRatio(Category.SMALL_APPLIANCES)).isEqualByComparingTo("0.50");
        assertThat(pricing.payoutRatio(Category.TOOLS_EQUIPMENT)).isEqualByComparingTo("0.55");
        assertThat(pricing.payoutRatio(Category.UNKNOWN)).isEqualByComparingTo("0.50");
        assertThat(pricing.multiplier(Condition.NEW)).isEqualByComparingTo("1.00");
        assertThat(pricing.multiplier(Condition.LIKE_NEW)).isEqualByComparingTo("0.925");
        assertThat(pricing.multiplier(Condition.GOOD)).isEqualByComparingTo("0.80");
        assertThat(pricing.multiplier(Condition.FAIR)).isEqualByComparingTo("0.625");
        assertThat(pricing.multiplier(Condition.POOR)).isEqualByComparingTo("0.40");
        assertThat(pricing.floor()).isEqualTo(Money.usd("5.00"));
        assertThat(pricing.ceiling(Category.CONSUMER_ELECTRONICS)).isEqualTo(Money.usd("2000"));
        assertThat(pricing.ceiling(Category.PHONES_TABLETS)).isEqualTo(Money.usd("1500"));
        assertThat(pricing.ceiling(Category.COLLECTIBLES_VINTAGE)).isEqualTo(Money.usd("5000"));
        assertThat(pricing.ceiling(Category.GAMING)).isEqualTo(Money.usd("1000"));
        assertThat(pricing.ceiling(Category.UNKNOWN)).isEqualTo(Money.usd("1000"));
        assertThat(pricing.dailySpendCapMoney()).isEqualTo(Money.usd("10000"));
        assertThat(pricing.offerValidity()).isEqualTo(Duration.ofDays(7));
        assertThat(pricing.firstScanWithin()).isEqualTo(Duration.ofDays(21));
        assertThat(pricing.minComparables()).isEqualTo(5);
    }

    @Test
    void otherDefaultsAreRulesMd() {
        assertThat(rules.confidenceThresholds()).isEqualTo(new ConfidenceThresholds(new BigDecimal("0.8"),
                new BigDecimal("0.6"), new BigDecimal("500")));
        assertThat(rules.fraudSettings()).isEqualTo(new FraudSettings(new BigDecimal("0.8"), new BigDecimal("0.95"),
                5, 20, 3, 30, new BigDecimal("100"), new BigDecimal("200"), true, true));
        assertThat(rules.trust()).isEqualTo(new TrustRules(50, new BigDecimal("0.20"), new BigDecimal("0.30"),
                new BigDecimal("0.50"), 30, 80));
        assertThat(rules.jakeBucks().bonusRate()).isEqualByComparingTo("0.12");
        assertThat(rules.verification()).isEqualTo(new VerificationRules(new BigDecimal("0.2"), 14, 1));
        assertThat(rules.payouts()).isEqualTo(new PayoutRules(2, 3));
        assertThat(rules.rateLimits()).isEqualTo(new RateLimitRules(100, 5, 20, 3));
    }

    @Test
    void configKeysNameTheRows() {
        assertThat(BusinessRules.CONFIG_KEYS).containsExactly("pricing_rules", "confidence_thresholds",
                "fraud_settings", "trust", "jake_bucks", "verification", "payouts", "rate_limits");
        assertThat(BusinessRules.class.getRecordComponents()).hasSize(BusinessRules.CONFIG_KEYS.size());
    }

    @Test
    void decimalsAreNormalisedSoJsonAndCodeCompareEqual() {
        PricingRules fromCode = PricingRules.defaults();
        Map<Category, BigDecimal> ratios = new EnumMap<>(fromCode.categoryPayoutRatio());
        ratios.replaceAll((category, ratio) -> ratio.stripTrailingZeros());
        PricingRules fromJson = new PricingRules(ratios, fromCode.conditionMultiplier(), new BigDecimal("5"),
                fromCode.categoryCeiling(), new BigDecimal("1000.0"), new BigDecimal("1E+4"), 7, 21, 5);
        assertThat(fromJson).isEqualTo(fromCode);
        assertThat(fromCode.offerFloor().toPlainString()).isEqualTo("5.00");
        assertThat(fromCode.payoutRatio(Category.GAMING).toPlainString()).isEqualTo("0.6");
    }

    @Test
    void mapsAreImmutableCopies() {
        Map<Category, BigDecimal> ratios = new EnumMap<>(PricingRules.defaults().categoryPayoutRatio());
        PricingRules pricing = withRatios(ratios);
        ratios.put(Category.GAMING, new BigDecimal("0.1"));
        assertThat(pricing.payoutRatio(Category.GAMING)).isEqualByComparingTo("0.6");
        assertThatThrownBy(() -> pricing.categoryPayoutRatio().put(Category.GAMING, BigDecimal.ONE))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void pricingRulesRejectIncompleteOrOutOfRangeMaps() {
        Map<Category, BigDecimal> missing = new EnumMap<>(PricingRules.defaults().categoryPayoutRatio());
        missing.remove(Category.UNKNOWN);
        assertThatThrownBy(() -> withRatios(missing)).hasMessageContaining("categoryPayoutRatio has no value for unknown");
        Map<Category, BigDecimal> tooHigh = new EnumMap<>(PricingRules.defaults().categoryPayoutRatio());
        tooHigh.put(Category.GAMING, new BigDecimal("1.2"));
        assertThatThrownBy(() -> withRatios(tooHigh)).hasMessageContaining("categoryPayoutRatio.gaming must be in 0..1");
        Map<Category, BigDecimal> zero = new EnumMap<>(PricingRules.defaults().categoryPayoutRatio());
        zero.put(Category.GAMING, BigDecimal.ZERO);
        assertThatThrownBy(() -> withRatios(zero)).hasMessageContaining("above 0");
    }

    @Test
    void conditionMultipliersMustNotRiseAsConditionWorsens() {
        PricingRules d = PricingRules.defaults();
        Map<Condition, BigDecimal> multipliers = new EnumMap<>(d.conditionMultiplier());
        multipliers.put(Condition.FAIR, new BigDecimal("0.9"));
        assertThatThrownBy(() -> new PricingRules(d.categoryPayoutRatio(), multipliers, d.offerFloor(),
                d.categoryCeiling(), d.defaultCeiling(), d.dailySpendCap(), 7, 21, 5))
                .hasMessageContaining("conditionMultiplier for fair must not be above the one for good");
    }

    @Test
    void amountsAreNonNegativeWithTwoDecimalsAndCeilingsAboveTheFloor() {
        PricingRules d = PricingRules.defaults();
        assertThatThrownBy(() -> new PricingRules(d.categoryPayoutRatio(), d.conditionMultiplier(),
                new BigDecimal("-1"), d.categoryCeiling(), d.defaultCeiling(), d.dailySpendCap(), 7, 21, 5))
                .hasMessageContaining("offerFloor must not be negative");
        assertThatThrownBy(() -> new PricingRules(d.categoryPayoutRatio(), d.conditionMultiplier(),
                new BigDecimal("5.001"), d.categoryCeiling(), d.defaultCeiling(), d.dailySpendCap(), 7, 21, 5))
                .hasMessageContaining("at most two decimals");
        assertThatThrownBy(() -> new PricingRules(d.categoryPayoutRatio(), d.conditionMultiplier(),
                new BigDecimal("5000"), d.categoryCeiling(), new BigDecimal("6000"), d.dailySpendCap(), 7, 21, 5))
                .hasMessageContaining("categoryCeiling.consumer_electronics");
        assertThatThrownBy(() -> new PricingRules(d.categoryPayoutRatio(), d.conditionMultiplier(), d.offerFloor(),
                d.categoryCeiling(), d.defaultCeiling(), d.dailySpendCap(), 0, 21, 5))
                .hasMessageContaining("offerValidDays");
    }

    @Test
    void thresholdsMustBeOrdered() {
        assertThatThrownBy(() -> new ConfidenceThresholds(new BigDecimal("0.5"), new BigDecimal("0.6"),
                BigDecimal.TEN)).hasMessageContaining("escalateBelow (0.6) must not be above autoPrice (0.5)");
        assertThatThrownBy(() -> new FraudSettings(new BigDecimal("0.96"), new BigDecimal("0.95"), 5, 20, 3, 30,
                BigDecimal.TEN, BigDecimal.TEN, true, true)).hasMessageContaining("photoSimilarityFlag");
        assertThatThrownBy(() -> new FraudSettings(new BigDecimal("0.8"), new BigDecimal("0.95"), 21, 20, 3, 30,
                BigDecimal.TEN, BigDecimal.TEN, true, true)).hasMessageContaining("userOffersPerHour");
        assertThatThrownBy(() -> new TrustRules(50, new BigDecimal("0.2"), new BigDecimal("0.3"),
                new BigDecimal("0.5"), 90, 80)).hasMessageContaining("escalateAllBelow");
        assertThatThrownBy(() -> new TrustRules(101, new BigDecimal("0.2"), new BigDecimal("0.3"),
                new BigDecimal("0.5"), 30, 80)).hasMessageContaining("initial");
        assertThatThrownBy(() -> new TrustRules(50, BigDecimal.ZERO, new BigDecimal("0.3"),
                new BigDecimal("0.5"), 30, 80)).hasMessageContaining("saleAlpha");
        assertThatThrownBy(() -> new JakeBucksRules(new BigDecimal("-0.01"))).hasMessageContaining("bonusRate");
        assertThatThrownBy(() -> new VerificationRules(new BigDecimal("0.2"), 0, 1))
                .hasMessageContaining("revisionAnswerDays");
        assertThatThrownBy(() -> new RateLimitRules(0, 5, 20, 3)).hasMessageContaining("routePerMinute");
        assertThatThrownBy(() -> new RateLimitRules(100, 0, 20, 3)).hasMessageContaining("offersPerHour");
        assertThatThrownBy(() -> new RateLimitRules(100, 5, 0, 3)).hasMessageContaining("offersPerDay");
        assertThatThrownBy(() -> new RateLimitRules(100, 5, 20, 0)).hasMessageContaining("anonymousOffersPerIpPerDay");
        assertThatThrownBy(() -> new RateLimitRules(100, 21, 20, 3))
                .hasMessageContaining("offersPerHour (21) must not be above offersPerDay (20)");
    }

    @Test
    void aNewAccountCapUnderTheFloorIsRefused() {
        FraudSettings f = FraudSettings.defaults();
        FraudSettings tinyCap = new FraudSettings(f.photoSimilarityFlag(), f.photoSimilarityEscalate(),
                f.userOffersPerHour(), f.userOffersPerDay(), f.anonymousOffersPerIpPerDay(), f.newAccountDays(),
                new BigDecimal("4.99"), f.newAccountVerificationAbove(), true, true);
        assertThatThrownBy(() -> rules.withFraudSettings(tinyCap)).hasMessageContaining("newAccountOfferCap");
    }

    @Test
    void withersReplaceOneRow() {
        BusinessRules changed = rules.withRateLimits(rules.rateLimits().withRoutePerMinute(7));
        assertThat(changed.rateLimits()).isEqualTo(new RateLimitRules(7, 5, 20, 3));
        assertThat(changed.withRateLimits(rules.rateLimits())).isEqualTo(rules);
        assertThat(rules.withTrust(rules.trust()).withJakeBucks(rules.jakeBucks()).withPayouts(rules.payouts())
                .withVerification(rules.verification()).withConfidenceThresholds(rules.confidenceThresholds())
                .withPricingRules(rules.pricingRules())).isEqualTo(rules);
    }

    private static PricingRules withRatios(Map<Category, BigDecimal> ratios) {
        PricingRules d = PricingRules.defaults();
        return new PricingRules(ratios, d.conditionMultiplier(), d.offerFloor(), d.categoryCeiling(),
                d.defaultCeiling(), d.dailySpendCap(), d.offerValidDays(), d.firstScanWithinDays(),
                d.minComparables());
    }
}
