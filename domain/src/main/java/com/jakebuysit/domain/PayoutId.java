package com.jakebuysit.domain;

import java.util.Objects;
import java.util.UUID;

/** The identity of a payout; a UUID, strict about its textual form. */
public record PayoutId(UUID value) {

    public PayoutId {
        Objects.requireNonNull(value, "payout id");
    }

    /** Parses the canonical 8-4-4-4-12 hexadecimal form. */
    public static PayoutId of(String value) {
        return new PayoutId(Ids.parse(value, "payout id"));
    }

    public static PayoutId random() {
        return new PayoutId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
