package com.jakebuysit.domain;

import java.util.Objects;
import java.util.UUID;

/** The identity of an offer; a UUID, strict about its textual form. */
public record OfferId(UUID value) {

    public OfferId {
        Objects.requireNonNull(value, "offer id");
    }

    /** Parses the canonical 8-4-4-4-12 hexadecimal form. */
    public static OfferId of(String value) {
        return new OfferId(Ids.parse(value, "offer id"));
    }

    public static OfferId random() {
        return new OfferId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
