package com.jakebuysit.domain.fraud;

import com.jakebuysit.domain.Text;
import com.jakebuysit.domain.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * A photo we already know, by its perceptual hash: one from an offer (with its owner) or a known
 * stock image (no owner). {@code reference} says which, for the reviewer.
 */
public record KnownPhoto(long hash, Optional<UserId> owner, String reference) {

    public KnownPhoto {
        Objects.requireNonNull(owner, "owner");
        reference = Text.required(reference, "reference");
    }

    public static KnownPhoto stock(long hash, String reference) {
        return new KnownPhoto(hash, Optional.empty(), reference);
    }

    public static KnownPhoto fromOffer(long hash, UserId owner, String reference) {
        return new KnownPhoto(hash, Optional.of(owner), reference);
    }

    public boolean isStock() {
        return owner.isEmpty();
    }
}
