package com.jakebuysit.domain.pricing;

import com.jakebuysit.domain.Coded;

/** Where a priced offer goes next. */
public enum PricingPath implements Coded {
    /** Shown to the seller as it is. */
    AUTO_PRICE("auto_price"),
    /** Shown to the seller, priced conservatively, flagged for a later look. */
    PRICE_AND_FLAG("price_and_flag"),
    /** A reviewer decides (approve the proposed quote, set a custom price or reject) before the seller sees anything. */
    ESCALATE("escalate"),
    /** No offer: worth less than the floor to us, or a rule rejected it. */
    REFUSE("refuse");

    private final String code;

    PricingPath(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static PricingPath fromCode(String code) {
        return Coded.fromCode(PricingPath.class, code);
    }
}
