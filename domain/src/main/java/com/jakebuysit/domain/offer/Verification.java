package com.jakebuysit.domain.offer;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The warehouse grading of the item, the revision it led to (if any) and how many re-grades were used. */
public record Verification(Grading grading, Instant verifiedAt, Optional<Revision> revision, int regradesUsed) {

    public Verification {
        Objects.requireNonNull(grading, "grading");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
        Objects.requireNonNull(revision, "revision");
        if (regradesUsed < 0) {
            throw new IllegalArgumentException("regradesUsed cannot be negative");
        }
    }

    Verification withRevision(Revision newRevision) {
        return new Verification(grading, verifiedAt, Optional.of(newRevision), regradesUsed);
    }
}
