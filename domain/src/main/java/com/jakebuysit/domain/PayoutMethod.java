package com.jakebuysit.domain;

/** How a seller is paid: cash through Stripe or PayPal, or Jake Bucks store credit (with a bonus). */
public enum PayoutMethod implements Coded {
    STRIPE("stripe"),
    PAYPAL("paypal"),
    JAKE_BUCKS("jake_bucks");

    private final String code;

    PayoutMethod(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** True for the methods that send money out of the company (Stripe, PayPal). */
    public boolean isCash() {
        return this != JAKE_BUCKS;
    }

    public static PayoutMethod fromCode(String code) {
        return Coded.fromCode(PayoutMethod.class, code);
    }
}
