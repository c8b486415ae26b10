package com.jakebuysit.domain.pricing;

import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.Text;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** What {@link FmvEstimator} made of the comparables: a fair market value, or "a human must price this". */
public sealed interface FmvEstimate permits FmvEstimate.Estimated, FmvEstimate.NeedsHuman {

    /** Comparables handed in. */
    int considered();

    /** Comparables left after dropping unusable ones (sold in the future, duplicate listing, other currency). */
    int usable();

    /**
     * A fair market value.
     *
     * @param fmv the recency-weighted median of the comparables inside the fences
     * @param lowerQuartile the recency-weighted 25th percentile of the same, the conservative basis
     * @param confidence 0..1 from sample size and spread (see {@link FmvEstimator})
     * @param used the comparables inside the fences, by price
     * @param outliers the usable comparables outside the fences, by price
     * @param lowerFence Q1 − 1.5 × IQR of the usable prices, exact
     * @param upperFence Q3 + 1.5 × IQR of the usable prices, exact
     * @param halfLife the age at which a sale weighs half as much as one sold today
     */
    record Estimated(Money fmv, Money lowerQuartile, BigDecimal confidence, int considered, int usable,
            List<ComparableSale> used, List<ComparableSale> outliers, BigDecimal lowerFence, BigDecimal upperFence,
            Duration halfLife) implements FmvEstimate {

        public Estimated {
            Objects.requireNonNull(fmv, "fmv").requirePositive("fmv");
            Objects.requireNonNull(lowerQuartile, "lowerQuartile").requirePositive("lowerQuartile");
            if (lowerQuartile.isGreaterThan(fmv)) {
                throw new IllegalArgumentException("the lower quartile cannot be above the median");
            }
            if (confidence.signum() < 0 || confidence.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("confidence must be in 0..1, was " + confidence);
            }
            used = List.copyOf(used);
            outliers = List.copyOf(outliers);
            Objects.requireNonNull(lowerFence, "lowerFence");
            Objects.requireNonNull(upperFence, "upperFence");
            Objects.requireNonNull(halfLife, "halfLife");
        }
    }

    /**
     * Too little market data to price automatically.
     *
     * @param reason for the reviewer and the breakdown
     * @param required the minimum number of comparables that the rules ask for
     * @param remaining the comparables left when the estimator gave up (usable, or inside the fences)
     */
    record NeedsHuman(String reason, int considered, int usable, int remaining, int required) implements FmvEstimate {

        public NeedsHuman {
            reason = Text.required(reason, "reason");
        }
    }
}
