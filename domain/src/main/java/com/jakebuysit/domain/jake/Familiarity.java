package com.jakebuysit.domain.jake;

import com.jakebuysit.domain.Coded;

/** How well the seller knows Jake, from their completed sales. */
public enum Familiarity implements Coded {
    /** No completed sale yet. */
    FIRST_SALE("first_sale"),
    /** One to four completed sales. */
    RETURNING("returning"),
    /** Five or more completed sales. */
    REGULAR("regular");

    static final int REGULAR_FROM = 5;

    private final String code;

    Familiarity(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static Familiarity fromCompletedSales(int completedSales) {
        if (completedSales < 0) {
            throw new IllegalArgumentException("completed sales cannot be negative: " + completedSales);
        }
        return completedSales == 0 ? FIRST_SALE : completedSales < REGULAR_FROM ? RETURNING : REGULAR;
    }

    public static Familiarity fromCode(String code) {
        return Coded.fromCode(Familiarity.class, code);
    }
}
