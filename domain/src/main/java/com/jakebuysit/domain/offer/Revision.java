package com.jakebuysit.domain.offer;

import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A lowered offer after grading, and the answers it has had. */
public record Revision(Money originalAmount, Money revisedAmount, RevisionState state, Optional<Instant> answerBy,
        Optional<UserId> approvedBy) {

    public Revision {
        Objects.requireNonNull(originalAmount, "originalAmount");
        Objects.requireNonNull(revisedAmount, "revisedAmount").requirePositive("revised amount");
        if (!revisedAmount.isLessThan(originalAmount)) {
            throw new IllegalArgumentException("a revision lowers the offer: " + revisedAmount.format()
                    + " is not below " + originalAmount.format());
        }
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(answerBy, "answerBy");
        Objects.requireNonNull(approvedBy, "approvedBy");
        if (state == RevisionState.AWAITING_SELLER && answerBy.isEmpty()) {
            throw new IllegalArgumentException("a revision shown to the seller has an answer deadline");
        }
    }

    /** The share of the original amount cut, 0..1 to 4 decimals. */
    public BigDecimal cut() {
        return originalAmount.minus(revisedAmount).ratioTo(originalAmount, 4);
    }

    /** True while the seller still has to answer (or a reviewer or second grader still has to act). */
    public boolean isOpen() {
        return state == RevisionState.AWAITING_REVIEWER || state == RevisionState.AWAITING_SELLER
                || state == RevisionState.REGRADE_REQUESTED;
    }

    Revision with(RevisionState newState, Optional<Instant> newAnswerBy, Optional<UserId> newApprovedBy) {
        return new Revision(originalAmount, revisedAmount, newState, newAnswerBy, newApprovedBy);
    }
}
