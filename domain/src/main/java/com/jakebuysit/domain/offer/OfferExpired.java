package com.jakebuysit.domain.offer;

import java.time.Instant;
import java.util.Optional;

/** Accepting a ready offer at or after its {@code expiresAt}. The API answers 409 with code {@code OFFER_EXPIRED}. */
public final class OfferExpired extends IllegalTransition {

    private final Instant expiresAt;

    public OfferExpired(Instant expiresAt, Instant attemptedAt) {
        super("OFFER_EXPIRED", OfferStatus.READY, "accept", Optional.of(OfferStatus.ACCEPTED),
                "it expired at " + expiresAt + " (now " + attemptedAt + ")");
        this.expiresAt = expiresAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
