package com.jakebuysit.domain.trust;

import com.jakebuysit.domain.Coded;

/** What happened to a seller that moves their trust score, and which way it pulls. */
public enum TrustEvent implements Coded {
    /** A sale went all the way to paid: pulls toward 100. */
    COMPLETED_SALE("completed_sale", 100),
    /** A fraud rule flagged one of the seller's offers: pulls toward 0. */
    FRAUD_FLAG("fraud_flag", 0),
    /** The seller lost a dispute: pulls toward 0, hardest. */
    LOST_DISPUTE("lost_dispute", 0);

    private final String code;
    private final int target;

    TrustEvent(String code, int target) {
        this.code = code;
        this.target = target;
    }

    @Override
    public String code() {
        return code;
    }

    /** The score this event pulls toward. */
    public int target() {
        return target;
    }

    public static TrustEvent fromCode(String code) {
        return Coded.fromCode(TrustEvent.class, code);
    }
}
