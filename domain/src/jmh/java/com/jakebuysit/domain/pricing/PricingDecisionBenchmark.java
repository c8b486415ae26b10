package com.jakebuysit.domain.pricing;

import com.jakebuysit.domain.Category;
import com.jakebuysit.domain.Condition;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.TrustScore;
import com.jakebuysit.domain.rules.BusinessRules;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import java.util.concurrent.TimeUnit;

/**
 * One full pricing decision (FMV with outlier fences and recency weights, offer, adjustments,
 * path, breakdown) over 50 comparable sales, three of them outliers.
 * Run: {@code mvn -B -pl domain -Pbenchmark verify} (see domain/README.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PricingDecisionBenchmark {

    private static final Instant AS_OF = Instant.parse("2026-03-02T10:00:00Z");

    private PricingEngine engine;
    private BusinessRules rules;
    private PricingRequest request;

    @Setup
    public void setUp() {
        engine = PricingEngine.standard();
        rules = BusinessRules.defaults();
        SplittableRandom random = new SplittableRandom(42);
        List<ComparableSale> sales = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long cents = i < 3 ? 5_000 + 200_000L * i : Math.round(30_000 * (0.7 + 0.6 * random.nextDouble()));
            Instant soldAt = AS_OF.minus(Duration.ofHours(random.nextInt(24 * 90)));
            sales.add(new ComparableSale("Nintendo Switch OLED #" + i, Money.ofCents(cents), Condition.GOOD, soldAt,
                    "https://market.example/listing/" + i));
        }
        request = new PricingRequest(Category.GAMING, Condition.LIKE_NEW, new BigDecimal("0.91"), sales,
                SellerStanding.account(AS_OF.minus(Duration.ofDays(200)), TrustScore.of(62)), Money.usd("2500"),
                AS_OF);
        PricingDecision check = engine.decide(request, rules);
        if (check.quote().isEmpty() || !(check.marketValue() instanceof FmvEstimate.Estimated estimated)
                || estimated.outliers().size() != 3) {
            throw new IllegalStateException("benchmark input is not a full decision: " + check);
        }
    }

    @Benchmark
    public PricingDecision decide() {
        return engine.decide(request, rules);
    }
}
