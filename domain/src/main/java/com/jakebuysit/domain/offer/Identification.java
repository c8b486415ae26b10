package com.jakebuysit.domain.offer;

import java.math.BigDecimal;
import java.util.Objects;

/** The identify step's result: the item and how sure the identifier was (0..1, {@code aiConfidence}). */
public record Identification(Item item, BigDecimal confidence) {

    public Identification {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(confidence, "confidence");
        if (confidence.signum() < 0 || confidence.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("identification confidence must be in 0..1, was " + confidence);
        }
    }
}
