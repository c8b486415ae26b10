package com.jakebuysit.domain.offer;

import com.jakebuysit.domain.Coded;

/** How a dispute ended, from the seller's side; a lost dispute lowers trust. */
public enum DisputeOutcome implements Coded {
    SELLER_WON("seller_won"),
    SELLER_LOST("seller_lost");

    private final String code;

    DisputeOutcome(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static DisputeOutcome fromCode(String code) {
        return Coded.fromCode(DisputeOutcome.class, code);
    }
}
