package com.jakebuysit.domain.offer;

import com.jakebuysit.domain.Text;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The latest dispute on an offer: why, from which status, and how it ended. */
public record Dispute(String reason, Instant openedAt, OfferStatus disputedFrom, Optional<DisputeOutcome> outcome,
        Optional<Instant> resolvedAt) {

    public Dispute {
        reason = Text.required(reason, "dispute reason", 2000);
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(disputedFrom, "disputedFrom");
        if (!disputedFrom.isPostAccept()) {
            throw new IllegalArgumentException("an offer that is " + disputedFrom.code() + " cannot be disputed");
        }
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
        if (outcome.isPresent() != resolvedAt.isPresent()) {
            throw new IllegalArgumentException("an outcome and its time go together");
        }
    }

    public boolean isOpen() {
        return outcome.isEmpty();
    }
}
