package com.jakebuysit.domain.rules;

import java.util.List;
import java.util.Objects;

/**
 * Every number the business can tune, as one value. The persistence layer builds it from the
 * {@code config} table: one JSON row per key in {@link #CONFIG_KEYS}, whose fields are the
 * component names of the matching nested record. {@link #defaults()} is RULES.md.
 */
public record BusinessRules(
        PricingRules pricingRules,
        ConfidenceThresholds confidenceThresholds,
        FraudSettings fraudSettings,
        TrustRules trust,
        JakeBucksRules jakeBucks,
        VerificationRules verification,
        PayoutRules payouts,
        RateLimitRules rateLimits) {

    public static final String PRICING_RULES = "pricing_rules";
    public static final String CONFIDENCE_THRESHOLDS = "confidence_thresholds";
    public static final String FRAUD_SETTINGS = "fraud_settings";
    public static final String TRUST = "trust";
    public static final String JAKE_BUCKS = "jake_bucks";
    public static final String VERIFICATION = "verification";
    public static final String PAYOUTS = "payouts";
    public static final String RATE_LIMITS = "rate_limits";

    /** The {@code config} table keys, in the order of the components. */
    public static final List<String> CONFIG_KEYS = List.of(PRICING_RULES, CONFIDENCE_THRESHOLDS, FRAUD_SETTINGS, TRUST,
            JAKE_BUCKS, VERIFICATION, PAYOUTS, RATE_LIMITS);

    public BusinessRules {
        Objects.requireNonNull(pricingRules, PRICING_RULES);
        Objects.requireNonNull(confidenceThresholds, CONFIDENCE_THRESHOLDS);
        Objects.requireNonNull(fraudSettings, FRAUD_SETTINGS);
        Objects.requireNonNull(trust, TRUST);
        Objects.requireNonNull(jakeBucks, JAKE_BUCKS);
        Objects.requireNonNull(verification, VERIFICATION);
        Objects.requireNonNull(payouts, PAYOUTS);
        Objects.requireNonNull(rateLimits, RATE_LIMITS);
        // The only rule that spans two rows: a new-account cap under the floor would refuse every new seller.
        Checks.ordered(pricingRules.offerFloor(), "pricing_rules.offerFloor",
                fraudSettings.newAccountOfferCap(), "fraud_settings.newAccountOfferCap");
    }

    /** The defaults of RULES.md. */
    public static BusinessRules defaults() {
        return new BusinessRules(PricingRules.defaults(), ConfidenceThresholds.defaults(), FraudSettings.defaults(),
                TrustRules.defaults(), JakeBucksRules.defaults(), VerificationRules.defaults(), PayoutRules.defaults(),
                RateLimitRules.defaults());
    }

    public BusinessRules withPricingRules(PricingRules value) {
        return new BusinessRules(value, confidenceThresholds, fraudSettings, trust, jakeBucks, verification, payouts,
                rateLimits);
    }

    public BusinessRules withConfidenceThresholds(ConfidenceThresholds value) {
        return new BusinessRules(pricingRules, value, fraudSettings, trust, jakeBucks, verification, payouts,
                rateLimits);
    }

    public BusinessRules withFraudSettings(FraudSettings value) {
        return new BusinessRules(pricingRules, confidenceThresholds, value, trust, jakeBucks, verification, payouts,
                rateLimits);
    }

    public BusinessRules withTrust(TrustRules value) {
        return new BusinessRules(pricingRules, confidenceThresholds, fraudSettings, value, jakeBucks, verification,
                payouts, rateLimits);
    }

    public BusinessRules withJakeBucks(JakeBucksRules value) {
        return new BusinessRules(pricingRules, confidenceThresholds, fraudSettings, trust, value, verification, payouts,
                rateLimits);
    }

    public BusinessRules withVerification(VerificationRules value) {
        return new BusinessRules(pricingRules, confidenceThresholds, fraudSettings, trust, jakeBucks, value, payouts,
                rateLimits);
    }

    public BusinessRules withPayouts(PayoutRules value) {
        return new BusinessRules(pricingRules, confidenceThresholds, fraudSettings, trust, jakeBucks, verification,
                value, rateLimits);
    }

    public BusinessRules withRateLimits(RateLimitRules value) {
        return new BusinessRules(pricingRules, confidenceThresholds, fraudSettings, trust, jakeBucks, verification,
                payouts, value);
    }
}
