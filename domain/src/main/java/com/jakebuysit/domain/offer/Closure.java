package com.jakebuysit.domain.offer;

import com.jakebuysit.domain.Text;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Why and when an offer ended (declined, expired, rejected, cancelled or returned). */
public record Closure(Optional<String> reason, Instant at) {

    public Closure {
        reason = Text.optional(reason, "reason");
        Objects.requireNonNull(at, "at");
    }

    public static Closure because(String reason, Instant at) {
        return new Closure(Optional.of(reason), at);
    }
}
