package com.jakebuysit.domain.pricing;

import com.jakebuysit.domain.Money;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The price put to a seller ({@code offerAmount}, {@code fmv}, {@code fmvConfidence},
 * {@code offerToMarketRatio} on the wire). A reviewer's custom price may come without a market value.
 */
public record Quote(Money amount, Optional<Money> fmv, Optional<BigDecimal> fmvConfidence) {

    public static final int RATIO_SCALE = 4;

    public Quote {
        Objects.requireNonNull(amount, "amount").requirePositive("offer amount");
        Objects.requireNonNull(fmv, "fmv").ifPresent(v -> v.requirePositive("fmv"));
        Objects.requireNonNull(fmvConfidence, "fmvConfidence").ifPresent(c -> {
            if (c.signum() < 0 || c.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("fmv confidence must be in 0..1, was " + c);
            }
        });
        if (fmvConfidence.isPresent() && fmv.isEmpty()) {
            throw new IllegalArgumentException("an fmv confidence needs an fmv");
        }
    }

    public static Quote of(Money amount, Money fmv, BigDecimal fmvConfidence) {
        return new Quote(amount, Optional.of(fmv), Optional.of(fmvConfidence));
    }

    /** A reviewer's price: keeps the market value we had, if any. */
    public Quote withAmount(Money newAmount) {
        return new Quote(newAmount, fmv, fmvConfidence);
    }

    /** Offer ÷ FMV to 4 decimals (HALF_EVEN); empty without a market value. */
    public Optional<BigDecimal> offerToMarketRatio() {
        return fmv.map(value -> amount.ratioTo(value, RATIO_SCALE));
    }
}
