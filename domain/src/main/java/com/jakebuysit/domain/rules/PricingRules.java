package com.jakebuysit.domain.rules;

import com.jakebuysit.domain.Category;
import com.jakebuysit.domain.Condition;
import com.jakebuysit.domain.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The {@code pricing_rules} config row. Component names are the JSON keys; maps are keyed by the
 * enums (whose wire codes are the JSON keys).
 *
 * @param categoryPayoutRatio share of fair market value we offer, per category (every category)
 * @param conditionMultiplier per condition (every condition), never rising as the condition worsens
 * @param offerFloor an offer below this is refused
 * @param categoryCeiling per-category maximum offer; categories not listed use {@code defaultCeiling}
 * @param dailySpendCap accepted offers per day across all sellers before accepts are held for review
 * @param offerValidDays days a ready offer can be accepted
 * @param firstScanWithinDays days after acceptance for the first carrier scan (the price lock)
 * @param minComparables fewer usable comparable sales than this sends the offer to a human
 */
public record PricingRules(
        Map<Category, BigDecimal> categoryPayoutRatio,
        Map<Condition, BigDecimal> conditionMultiplier,
        BigDecimal offerFloor,
        Map<Category, BigDecimal> categoryCeiling,
        BigDecimal defaultCeiling,
        BigDecimal dailySpendCap,
        int offerValidDays,
        int firstScanWithinDays,
        int minComparables) {

    public PricingRules {
        categoryPayoutRatio = Checks.enumMap(categoryPayoutRatio, Category.class, "categoryPayoutRatio", true,
                Checks::positiveRatio);
        conditionMultiplier = Checks.enumMap(conditionMultiplier, Condition.class, "conditionMultiplier", true,
                Checks::positiveRatio);
        Condition previous = null;
        for (Condition condition : Condition.values()) {
            if (previous != null && conditionMultiplier.get(condition).compareTo(conditionMultiplier.get(previous)) > 0) {
                throw new IllegalArgumentException("conditionMultiplier for " + condition.code()
                        + " must not be above the one for " + previous.code());
            }
            previous = condition;
        }
        offerFloor = Checks.amount(offerFloor, "offerFloor");
        categoryCeiling = Checks.enumMap(categoryCeiling, Category.class, "categoryCeiling", false, Checks::amount);
        defaultCeiling = Checks.amount(defaultCeiling, "defaultCeiling");
        Checks.ordered(offerFloor, "offerFloor", defaultCeiling, "defaultCeiling");
        for (Map.Entry<Category, BigDecimal> ceiling : categoryCeiling.entrySet()) {
            Checks.ordered(offerFloor, "offerFloor", ceiling.getValue(), "categoryCeiling." + ceiling.getKey().code());
        }
        dailySpendCap = Checks.amount(dailySpendCap, "dailySpendCap");
        Checks.atLeast(offerValidDays, 1, "offerValidDays");
        Checks.atLeast(firstScanWithinDays, 1, "firstScanWithinDays");
        Checks.atLeast(minComparables, 1, "minComparables");
    }

    public static PricingRules defaults() {
        Map<Category, BigDecimal> ratio = new EnumMap<>(Category.class);
        ratio.put(Category.CONSUMER_ELECTRONICS, new BigDecimal("0.60"));
        ratio.put(Category.GAMING, new BigDecimal("0.60"));
        ratio.put(Category.PHONES_TABLETS, new BigDecimal("0.65"));
        ratio.put(Category.CLOTHING_FASHION, new BigDecimal("0.45"));
        ratio.put(Category.COLLECTIBLES_VINTAGE, new BigDecimal("0.50"));
        ratio.put(Category.BOOKS_MEDIA, new BigDecimal("0.35"));
        ratio.put(Category.SMALL_APPLIANCES, new BigDecimal("0.50"));
        ratio.put(Category.TOOLS_EQUIPMENT, new BigDecimal("0.55"));
        ratio.put(Category.UNKNOWN, new BigDecimal("0.50"));
        Map<Condition, BigDecimal> multiplier = new EnumMap<>(Condition.class);
        multiplier.put(Condition.NEW, new BigDecimal("1.00"));
        multiplier.put(Condition.LIKE_NEW, new BigDecimal("0.925"));
        multiplier.put(Condition.GOOD, new BigDecimal("0.80"));
        multiplier.put(Condition.FAIR, new BigDecimal("0.625"));
        multiplier.put(Condition.POOR, new BigDecimal("0.40"));
        Map<Category, BigDecimal> ceiling = new EnumMap<>(Category.class);
        ceiling.put(Category.CONSUMER_ELECTRONICS, new BigDecimal("2000"));
        ceiling.put(Category.PHONES_TABLETS, new BigDecimal("1500"));
        ceiling.put(Category.COLLECTIBLES_VINTAGE, new BigDecimal("5000"));
        return new PricingRules(ratio, multiplier, new BigDecimal("5.00"), ceiling, new BigDecimal("1000"),
                new BigDecimal("10000"), 7, 21, 5);
    }

    public BigDecimal payoutRatio(Category category) {
        return categoryPayoutRatio.get(category);
    }

    public BigDecimal multiplier(Condition condition) {
        return conditionMultiplier.get(condition);
    }

    /** The most we offer for an item of this category. */
    public Money ceiling(Category category) {
        return Money.usd(categoryCeiling.getOrDefault(category, defaultCeiling));
    }

    public Money floor() {
        return Money.usd(offerFloor);
    }

    public Money dailySpendCapMoney() {
        return Money.usd(dailySpendCap);
    }

    public Duration offerValidity() {
        return Duration.ofDays(offerValidDays);
    }

    public Duration firstScanWithin() {
        return Duration.ofDays(firstScanWithinDays);
    }
}
