package com.jakebuysit.domain.pricing;

import static com.jakebuysit.domain.pricing.PricingGen.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jakebuysit.domain.Condition;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.testing.Fixtures;
import com.jakebuysit.domain.testing.Gen;
import com.jakebuysit.domain.testing.Property;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FmvEstimatorTest {

    private final FmvEstimator estimator = FmvEstimator.standard();

    @Test
    void fewerThanFiveUsableComparablesNeedAHuman() {
        FmvEstimate estimate = estimator.estimate(Fixtures.sales(AS_OF, 4, "100"), AS_OF, 5);
        assertThat(estimate).isInstanceOfSatisfying(FmvEstimate.NeedsHuman.class, needs -> {
            assertThat(needs.reason()).isEqualTo("only 4 usable comparable sales, 5 needed");
            assertThat(needs.usable()).isEqualTo(4);
            assertThat(needs.required()).isEqualTo(5);
        });
    }

    @Test
    void futureSalesAndDuplicateListingsAreNotUsable() {
        List<ComparableSale> sales = new ArrayList<>(Fixtures.sales(AS_OF, 4, "100"));
        sales.add(Fixtures.sale("100", AS_OF.plus(Duration.ofDays(1)), 90)); // sold tomorrow?
        sales.add(Fixtures.sale("100", AS_OF.minus(Duration.ofDays(2)), 0)); // same URL as sale 0
        FmvEstimate estimate = estimator.estimate(sales, AS_OF, 5);
        assertThat(estimate.considered()).isEqualTo(6);
        assertThat(estimate.usable()).isEqualTo(4);
        assertThat(estimate).isInstanceOf(FmvEstimate.NeedsHuman.class);
    }

    @Test
    void outliersBeyondTheFencesAreDropped() {
        List<ComparableSale> sales = new ArrayList<>(Fixtures.sales(AS_OF, 6, "98", "99", "100", "101", "102", "100"));
        sales.add(Fixtures.sale("500", AS_OF.minus(Duration.ofDays(1)), 100));
        sales.add(Fixtures.sale("3", AS_OF.minus(Duration.ofDays(1)), 101));
        FmvEstimate.Estimated estimate = (FmvEstimate.Estimated) estimator.estimate(sales, AS_OF, 5);
        assertThat(estimate.outliers()).extracting(c -> c.price().toWire()).containsExactly("3.00", "500.00");
        assertThat(estimate.used()).hasSize(6);
        assertThat(estimate.fmv()).isEqualTo(Money.usd("100"));
        // Q1 = 98.75, Q3 = 101.25 over the 8 usable prices: fences at 95 and 105
        assertThat(estimate.lowerFence()).isEqualByComparingTo("95");
        assertThat(estimate.upperFence()).isEqualByComparingTo("105");
    }

    @Test
    void recentSalesWeighMore() {
        List<ComparableSale> sales = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sales.add(Fixtures.sale("100", AS_OF.minus(Duration.ofDays(1)), i)); // recent, cheap
        }
        for (int i = 4; i < 9; i++) {
            sales.add(Fixtures.sale("200", AS_OF.minus(Duration.ofDays(365)), i)); // a year old, dear
        }
        FmvEstimate.Estimated recencyWeighted = (FmvEstimate.Estimated) estimator.estimate(sales, AS_OF, 5);
        assertThat(recencyWeighted.fmv()).isEqualTo(Money.usd("100")); // the plain median would be 200
        FmvEstimate.Estimated flat = (FmvEstimate.Estimated) new FmvEstimator(Duration.ofDays(100_000))
                .estimate(sales, AS_OF, 5);
        assertThat(flat.fmv()).isEqualTo(Money.usd("200"));
    }

    @Test
    void theWeightedMedianAndLowerQuartileAreComparablePrices() {
        List<ComparableSale> sales = Fixtures.sales(AS_OF, 8, "10", "20", "30", "40", "50", "60", "70", "80");
        List<ComparableSale> sameDay = sales.stream().map(s -> new ComparableSale(s.title(), s.price(), s.condition(),
                AS_OF, s.url())).toList();
        FmvEstimate.Estimated estimate = (FmvEstimate.Estimated) estimator.estimate(sameDay, AS_OF, 5);
        assertThat(estimate.fmv()).isEqualTo(Money.usd("40")); // half the weight reached at the 4th price
        assertThat(estimate.lowerQuartile()).isEqualTo(Money.usd("20")); // a quarter at the 2nd
    }

    @Test
    void confidenceGrowsWithSampleSizeAndShrinksWithSpread() {
        FmvEstimate.Estimated twenty = (FmvEstimate.Estimated) estimator.estimate(Fixtures.sales(AS_OF, 20, "100"),
                AS_OF, 5);
        assertThat(twenty.confidence()).isEqualByComparingTo("0.99"); // 1 − 2^(−20/3), no spread
        FmvEstimate.Estimated five = (FmvEstimate.Estimated) estimator.estimate(Fixtures.sales(AS_OF, 5, "100"),
                AS_OF, 5);
        assertThat(five.confidence()).isEqualByComparingTo("0.69");
        FmvEstimate.Estimated spread = (FmvEstimate.Estimated) estimator.estimate(
                Fixtures.sales(AS_OF, 20, "80", "90", "100", "110", "120"), AS_OF, 5);
        // Q1 = 90, Q3 = 110: QCD = 0.1, spread factor 0.8
        assertThat(spread.confidence()).isEqualByComparingTo("0.79");
    }

    @Test
    void rejectsANonPositiveHalfLife() {
        assertThatThrownBy(() -> new FmvEstimator(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quartilesInterpolateBetweenOrderStatistics() {
        List<BigDecimal> values = List.of(new BigDecimal("1"), new BigDecimal("2"), new BigDecimal("3"),
                new BigDecimal("4"), new BigDecimal("5"), new BigDecimal("6"));
        assertThat(FmvEstimator.quantile(values, 1)).isEqualByComparingTo("2.25");
        assertThat(FmvEstimator.quantile(values, 3)).isEqualByComparingTo("4.75");
        assertThat(FmvEstimator.quantile(List.of(new BigDecimal("7")), 3)).isEqualByComparingTo("7");
    }

    @Test
    void theEstimateDoesNotDependOnTheOrderOfComparables() {
        Property.forAll(PricingGen.comparables(0, 50).flatMap(sales ->
                Gen.shuffled(sales).map(shuffled -> new Gen.Pair<>(sales, shuffled))), pair -> {
            FmvEstimate original = estimator.estimate(pair.first(), AS_OF, 5);
            FmvEstimate reordered = estimator.estimate(pair.second(), AS_OF, 5);
            assertThat(reordered).isEqualTo(original);
        });
    }

    @Test
    void movingOutliersFurtherOutNeverMovesTheEstimate() {
        Property.forAll(outlierScenarios(), scenario -> {
            FmvEstimate before = estimator.estimate(scenario.first(), AS_OF, 5);
            FmvEstimate after = estimator.estimate(scenario.second(), AS_OF, 5);
            if (before instanceof FmvEstimate.Estimated estimated) {
                assertThat(estimated.outliers()).extracting(ComparableSale::url)
                        .containsAll(scenario.first().stream().map(ComparableSale::url)
                                .filter(url -> url.contains("outlier")).toList());
                FmvEstimate.Estimated moved = (FmvEstimate.Estimated) after;
                assertThat(moved.fmv()).isEqualTo(estimated.fmv());
                assertThat(moved.lowerQuartile()).isEqualTo(estimated.lowerQuartile());
                assertThat(moved.confidence()).isEqualTo(estimated.confidence());
                assertThat(moved.used()).isEqualTo(estimated.used());
            } else {
                assertThat(after).isInstanceOf(FmvEstimate.NeedsHuman.class);
            }
        });
    }

    @Test
    void theEstimateIsWithinTheUsedPricesAndTheQuartileBelowTheMedian() {
        Property.forAll(PricingGen.comparables(0, 50), sales -> {
            FmvEstimate estimate = estimator.estimate(sales, AS_OF, 5);
            if (estimate instanceof FmvEstimate.Estimated e) {
                assertThat(e.used()).hasSizeGreaterThanOrEqualTo(5);
                assertThat(e.used().size() + e.outliers().size()).isEqualTo(e.usable());
                Money min = e.used().stream().map(ComparableSale::price).min(Money::compareTo).orElseThrow();
                Money max = e.used().stream().map(ComparableSale::price).max(Money::compareTo).orElseThrow();
                assertThat(e.fmv()).isBetween(min, max);
                assertThat(e.lowerQuartile()).isBetween(min, e.fmv());
                assertThat(e.confidence()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
                for (ComparableSale outlier : e.outliers()) {
                    BigDecimal price = outlier.price().amount();
                    assertThat(price.compareTo(e.lowerFence()) < 0 || price.compareTo(e.upperFence()) > 0).isTrue();
                }
                for (ComparableSale used : e.used()) {
                    assertThat(used.price().amount()).isBetween(e.lowerFence(), e.upperFence());
                }
            } else {
                FmvEstimate.NeedsHuman needs = (FmvEstimate.NeedsHuman) estimate;
                assertThat(needs.remaining()).isLessThan(5);
            }
        });
    }

    /**
     * A core of 5–40 prices between $80 and $120 plus a few outliers far below ($0.01–$10) and above
     * ($1,000–$100,000): at most a third as many on each side as the core, so the quartiles always
     * fall on core prices. The second list is the same sales with every outlier price redrawn in its band.
     */
    private static Gen<Gen.Pair<List<ComparableSale>, List<ComparableSale>>> outlierScenarios() {
        return random -> {
            int core = Gen.ints(5, 40).next(random);
            int low = Gen.ints(0, (core - 1) / 3).next(random);
            int high = Gen.ints(0, (core - 1) / 3).next(random);
            List<ComparableSale> before = new ArrayList<>();
            List<ComparableSale> after = new ArrayList<>();
            for (int i = 0; i < core; i++) {
                ComparableSale sale = sale("core-" + i, Gen.longs(8_000, 12_000).next(random), random);
                before.add(sale);
                after.add(sale);
            }
            for (int i = 0; i < low + high; i++) {
                boolean isLow = i < low;
                Gen<Long> band = isLow ? Gen.longs(1, 1_000) : Gen.longs(100_000, 10_000_000);
                ComparableSale sale = sale("outlier-" + i, band.next(random), random);
                before.add(sale);
                after.add(new ComparableSale(sale.title(), Money.ofCents(band.next(random)), sale.condition(),
                        sale.soldAt(), sale.url()));
            }
            return new Gen.Pair<>(before, after);
        };
    }

    private static ComparableSale sale(String name, long cents, SplittableRandom random) {
        Instant soldAt = AS_OF.minus(Duration.ofHours(Gen.ints(0, 24 * 120).next(random)));
        return new ComparableSale(name, Money.ofCents(cents), Condition.GOOD, soldAt, "https://market.example/" + name);
    }
}
