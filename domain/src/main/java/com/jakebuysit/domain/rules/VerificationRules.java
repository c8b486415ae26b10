package com.jakebuysit.domain.rules;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The {@code verification} config row: a revision cutting the offer by more than
 * {@code reviewerApprovalCutAbove} needs a reviewer first; the seller has {@code revisionAnswerDays}
 * to answer; {@code regradesAllowed} second gradings may be asked for.
 */
public record VerificationRules(BigDecimal reviewerApprovalCutAbove, int revisionAnswerDays, int regradesAllowed) {

    public VerificationRules {
        reviewerApprovalCutAbove = Checks.ratio(reviewerApprovalCutAbove, "reviewerApprovalCutAbove");
        Checks.atLeast(revisionAnswerDays, 1, "revisionAnswerDays");
        Checks.atLeast(regradesAllowed, 0, "regradesAllowed");
    }

    public static VerificationRules defaults() {
        return new VerificationRules(new BigDecimal("0.20"), 14, 1);
    }

    public Duration revisionAnswerWithin() {
        return Duration.ofDays(revisionAnswerDays);
    }
}
