package com.jakebuysit.domain.pricing;

import com.jakebuysit.domain.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fair market value from comparable sold listings.
 *
 * <ol>
 *   <li>Usable: sold no later than {@code asOf}, in USD, one per listing URL (a listing found twice
 *       counts once).
 *   <li>Outliers: Q1 and Q3 of the usable prices (linear interpolation between order statistics),
 *       fences at Q1 − 1.5 × IQR and Q3 + 1.5 × IQR; prices outside are dropped.
 *   <li>Recency: each remaining sale weighs {@code 2^(−age / halfLife)}; the half-life is 30 days
 *       unless configured, so a sale from a month ago counts half as much as one from today.
 *   <li>FMV is the weighted median (the lowest price at which the cumulative weight, by price,
 *       reaches half the total); the lower quartile is the same at a quarter.
 *   <li>Confidence = size × spread, rounded to 2 decimals: size = 1 − 2^(−n / 3) for the n sales
 *       inside the fences (5 sales → 0.69, 10 → 0.90, 20 → 0.99); spread = 1 − 2 × QCD, at least 0,
 *       where QCD = (Q3 − Q1) / (Q3 + Q1) of those sales (prices within ±10% of each other → 0.8).
 * </ol>
 * Fewer than {@code minComparables} usable sales, or fewer left inside the fences, needs a human.
 * The result depends only on the set of comparables, never on their order.
 */
public final class FmvEstimator {

    public static final Duration DEFAULT_HALF_LIFE = Duration.ofDays(30);
    static final BigDecimal FENCE_FACTOR = new BigDecimal("1.5");
    private static final Comparator<ComparableSale> BY_PRICE = Comparator
            .comparing((ComparableSale c) -> c.price().amount())
            .thenComparing(ComparableSale::soldAt)
            .thenComparing(ComparableSale::url)
            .thenComparing(ComparableSale::title)
            .thenComparing(ComparableSale::condition);

    private final Duration halfLife;

    public FmvEstimator(Duration halfLife) {
        Objects.requireNonNull(halfLife, "halfLife");
        if (halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("half-life must be positive, was " + halfLife);
        }
        this.halfLife = halfLife;
    }

    public static FmvEstimator standard() {
        return new FmvEstimator(DEFAULT_HALF_LIFE);
    }

    public Duration halfLife() {
        return halfLife;
    }

    public FmvEstimate estimate(List<ComparableSale> comparables, Instant asOf, int minComparables) {
        Objects.requireNonNull(asOf, "asOf");
        List<ComparableSale> usable = usable(comparables, asOf);
        int considered = comparables.size();
        if (usable.size() < minComparables) {
            return new FmvEstimate.NeedsHuman("only " + usable.size() + " usable comparable sales, "
                    + minComparables + " needed", considered, usable.size(), usable.size(), minComparables);
        }
        List<BigDecimal> prices = usable.stream().map(c -> c.price().amount()).toList();
        BigDecimal q1 = quantile(prices, 1);
        BigDecimal q3 = quantile(prices, 3);
        BigDecimal iqr = q3.subtract(q1);
        BigDecimal lowerFence = q1.subtract(FENCE_FACTOR.multiply(iqr));
        BigDecimal upperFence = q3.add(FENCE_FACTOR.multiply(iqr));
        List<ComparableSale> inside = new ArrayList<>();
        List<ComparableSale> outliers = new ArrayList<>();
        for (ComparableSale sale : usable) {
            BigDecimal price = sale.price().amount();
            boolean in = price.compareTo(lowerFence) >= 0 && price.compareTo(upperFence) <= 0;
            (in ? inside : outliers).add(sale);
        }
        if (inside.size() < minComparables) {
            return new FmvEstimate.NeedsHuman("only " + inside.size() + " comparable sales left after removing "
                    + outliers.size() + " outliers, " + minComparables + " needed", considered, usable.size(),
                    inside.size(), minComparables);
        }
        double[] weights = inside.stream().mapToDouble(sale -> weight(sale, asOf)).toArray();
        Money fmv = weightedQuantile(inside, weights, 0.5);
        Money lowerQuartile = weightedQuantile(inside, weights, 0.25);
        return new FmvEstimate.Estimated(fmv, lowerQuartile, confidence(inside), considered, usable.size(), inside,
                outliers, lowerFence, upperFence, halfLife);
    }

    /** Usable comparables sorted by price (then sale time, URL): the one order everything else depends on. */
    private static List<ComparableSale> usable(List<ComparableSale> comparables, Instant asOf) {
        Map<String, ComparableSale> byUrl = new LinkedHashMap<>();
        comparables.stream()
                .filter(c -> !c.soldAt().isAfter(asOf))
                .filter(c -> c.price().currency().equals(Money.USD))
                .sorted(BY_PRICE)
                .forEach(c -> byUrl.putIfAbsent(c.url(), c));
        List<ComparableSale> usable = new ArrayList<>(byUrl.values());
        usable.sort(BY_PRICE);
        return usable;
    }

    /** The {@code quarter}/4 quantile of sorted values, linear between order statistics (exact). */
    static BigDecimal quantile(List<BigDecimal> sorted, int quarter) {
        int n = sorted.size();
        // position h = quarter/4 × (n − 1), as an integer part and a fraction in quarters
        int scaled = quarter * (n - 1);
        int index = scaled / 4;
        int quarters = scaled % 4;
        BigDecimal low = sorted.get(index);
        if (quarters == 0) {
            return low;
        }
        BigDecimal high = sorted.get(index + 1);
        return low.add(high.subtract(low).multiply(BigDecimal.valueOf(quarters)).divide(BigDecimal.valueOf(4)));
    }

    private double weight(ComparableSale sale, Instant asOf) {
        double ageSeconds = Math.max(0, Duration.between(sale.soldAt(), asOf).getSeconds());
        return Math.pow(2, -ageSeconds / halfLife.getSeconds());
    }

    /** The lowest price at which the cumulative weight (by price) reaches {@code q} of the total. */
    private static Money weightedQuantile(List<ComparableSale> byPrice, double[] weights, double q) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double target = total * q;
        double cumulative = 0;
        for (int i = 0; i < byPrice.size(); i++) {
            cumulative += weights[i];
            if (cumulative >= target) {
                return byPrice.get(i).price();
            }
        }
        return byPrice.get(byPrice.size() - 1).price();
    }

    private static BigDecimal confidence(List<ComparableSale> inside) {
        int n = inside.size();
        double size = 1 - Math.pow(2, -n / 3.0);
        List<BigDecimal> prices = inside.stream().map(c -> c.price().amount()).toList();
        BigDecimal q1 = quantile(prices, 1);
        BigDecimal q3 = quantile(prices, 3);
        double qcd = q3.subtract(q1).doubleValue() / q3.add(q1).doubleValue();
        double spread = Math.max(0, 1 - 2 * qcd);
        return BigDecimal.valueOf(size * spread).setScale(2, RoundingMode.HALF_EVEN);
    }
}
