package com.jakebuysit.domain.rules;

import com.jakebuysit.domain.Money;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The {@code fraud_settings} config row: photo similarity bands, offer velocity limits,
 * new-account limits and the EXIF red flags that are switched on.
 */
public record FraudSettings(
        BigDecimal photoSimilarityFlag,
        BigDecimal photoSimilarityEscalate,
        int userOffersPerHour,
        int userOffersPerDay,
        int anonymousOffersPerIpPerDay,
        int newAccountDays,
        BigDecimal newAccountOfferCap,
        BigDecimal newAccountVerificationAbove,
        boolean exifFlagFutureCapture,
        boolean exifFlagEditingSoftware) {

    public FraudSettings {
        photoSimilarityFlag = Checks.ratio(photoSimilarityFlag, "photoSimilarityFlag");
        photoSimilarityEscalate = Checks.ratio(photoSimilarityEscalate, "photoSimilarityEscalate");
        Checks.ordered(photoSimilarityFlag, "photoSimilarityFlag", photoSimilarityEscalate, "photoSimilarityEscalate");
        Checks.atLeast(userOffersPerHour, 0, "userOffersPerHour");
        Checks.atLeast(userOffersPerDay, 0, "userOffersPerDay");
        Checks.ordered(userOffersPerHour, "userOffersPerHour", userOffersPerDay, "userOffersPerDay");
        Checks.atLeast(anonymousOffersPerIpPerDay, 0, "anonymousOffersPerIpPerDay");
        Checks.atLeast(newAccountDays, 0, "newAccountDays");
        newAccountOfferCap = Checks.amount(newAccountOfferCap, "newAccountOfferCap");
        newAccountVerificationAbove = Checks.amount(newAccountVerificationAbove, "newAccountVerificationAbove");
    }

    public static FraudSettings defaults() {
        return new FraudSettings(new BigDecimal("0.80"), new BigDecimal("0.95"), 5, 20, 3, 30,
                new BigDecimal("100.00"), new BigDecimal("200.00"), true, true);
    }

    public Duration newAccountAge() {
        return Duration.ofDays(newAccountDays);
    }

    public Money newAccountCap() {
        return Money.usd(newAccountOfferCap);
    }

    public Money newAccountVerificationThreshold() {
        return Money.usd(newAccountVerificationAbove);
    }
}
