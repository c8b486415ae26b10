package com.jakebuysit.domain.shipping;

import com.jakebuysit.domain.Text;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a shipment's history: the status it reached, when (to the microsecond, as it is
 * stored), and what the carrier or we said.
 */
public record StatusEvent(ShipmentStatus status, Instant at, Optional<String> detail) {

    public StatusEvent {
        Objects.requireNonNull(status, "status");
        at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MICROS);
        detail = Text.optional(detail, "detail");
    }

    public StatusEvent(ShipmentStatus status, Instant at, String detail) {
        this(status, at, Optional.ofNullable(detail));
    }
}
