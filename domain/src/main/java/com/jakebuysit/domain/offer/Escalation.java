package com.jakebuysit.domain.offer;

import com.jakebuysit.domain.Text;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Why an offer went to a reviewer, and what the reviewer decided. */
public record Escalation(List<String> reasons, Instant escalatedAt, Optional<EscalationResolution> resolution,
        Optional<Instant> resolvedAt) {

    public Escalation {
        reasons = Text.list(reasons, "escalation reason");
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("an escalation needs a reason");
        }
        Objects.requireNonNull(escalatedAt, "escalatedAt");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
        if (resolution.isPresent() != resolvedAt.isPresent()) {
            throw new IllegalArgumentException("a resolution and its time go together");
        }
    }

    public static Escalation open(List<String> reasons, Instant at) {
        return new Escalation(reasons, at, Optional.empty(), Optional.empty());
    }

    Escalation resolve(EscalationResolution how, Instant at) {
        return new Escalation(reasons, escalatedAt, Optional.of(how), Optional.of(at));
    }
}
