package com.jakebuysit.domain;

import java.util.Objects;
import java.util.UUID;

/** The identity of a user (seller, reviewer, staff); a UUID, strict about its textual form. */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "user id");
    }

    /** Parses the canonical 8-4-4-4-12 hexadecimal form. */
    public static UserId of(String value) {
        return new UserId(Ids.parse(value, "user id"));
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
