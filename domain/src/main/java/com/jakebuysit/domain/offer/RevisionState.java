package com.jakebuysit.domain.offer;

import com.jakebuysit.domain.Coded;

/** Where a revised (lowered) offer stands. */
public enum RevisionState implements Coded {
    /** The cut is larger than the rules let the warehouse make alone; a reviewer approves it first. */
    AWAITING_REVIEWER("awaiting_reviewer"),
    /** Shown to the seller, who must accept or reject it before {@code answerBy}. */
    AWAITING_SELLER("awaiting_seller"),
    /** The seller asked for a second grader; the clock is stopped. */
    REGRADE_REQUESTED("regrade_requested"),
    /** The seller accepted the revised amount; the payout can go. */
    ACCEPTED("accepted"),
    /** The seller rejected it; the item goes back. */
    REJECTED("rejected"),
    /** No answer in time; the item goes back (never silently accepted). */
    LAPSED("lapsed");

    private final String code;

    RevisionState(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static RevisionState fromCode(String code) {
        return Coded.fromCode(RevisionState.class, code);
    }
}
