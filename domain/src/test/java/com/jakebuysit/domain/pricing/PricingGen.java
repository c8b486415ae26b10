package com.jakebuysit.domain.pricing;

import com.jakebuysit.domain.Category;
import com.jakebuysit.domain.Condition;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.TrustScore;
import com.jakebuysit.domain.testing.Fixtures;
import com.jakebuysit.domain.testing.Gen;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Generators of comparables and pricing requests. */
final class PricingGen {

    static final Instant AS_OF = Fixtures.T0;

    private PricingGen() {
    }

    /** Comparables around one market level (spread ±30%), with occasional wild prices, unique URLs. */
    static Gen<List<ComparableSale>> comparables(int min, int max) {
        return random -> {
            long level = Gen.longs(100, 500_000).next(random);
            int count = Gen.ints(min, max).next(random);
            List<ComparableSale> sales = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long cents = random.nextInt(20) == 0
                        ? Gen.longs(1, 5_000_000).next(random)
                        : Math.max(1, Math.round(level * (0.7 + 0.6 * random.nextDouble())));
                Instant soldAt = AS_OF.minus(Duration.ofHours(Gen.ints(0, 24 * 180).next(random)));
                // one in ten is the same listing found again (a relisting, or found by two searches)
                int listing = random.nextInt(10) == 0 ? random.nextInt(i + 1) : i;
                sales.add(new ComparableSale("item " + i, Money.ofCents(cents), Gen.enumOf(Condition.class).next(random),
                        soldAt, "https://market.example/" + listing));
            }
            return sales;
        };
    }

    static Gen<SellerStanding> sellers() {
        return random -> {
            TrustScore trust = TrustScore.of(Gen.ints(0, 100).next(random));
            if (random.nextInt(5) == 0) {
                return SellerStanding.anonymous(trust);
            }
            return SellerStanding.account(AS_OF.minus(Duration.ofDays(Gen.ints(0, 400).next(random))), trust);
        };
    }

    static Gen<PricingRequest> requests() {
        return random -> new PricingRequest(
                Gen.enumOf(Category.class).next(random),
                Gen.enumOf(Condition.class).next(random),
                Gen.decimals("0.00", "1.00", 2).next(random),
                comparables(0, 30).next(random),
                sellers().next(random),
                Money.ofCents(Gen.longs(0, 1_000_000).next(random)),
                AS_OF);
    }

    /** The amount offered, zero when there is none. */
    static Money amountOf(PricingDecision decision) {
        return decision.quote().map(Quote::amount).orElse(Money.ZERO);
    }

    static Optional<FmvEstimate.Estimated> estimated(PricingDecision decision) {
        return decision.marketValue() instanceof FmvEstimate.Estimated e ? Optional.of(e) : Optional.empty();
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
