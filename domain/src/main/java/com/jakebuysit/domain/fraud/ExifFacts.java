package com.jakebuysit.domain.fraud;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one photo's EXIF metadata says, as the application read it.
 *
 * @param capturedAt the capture time, if the photo has one
 * @param captureOffsetKnown whether the capture time came with its UTC offset; EXIF capture times
 *     are local time without a zone unless {@code OffsetTimeOriginal} is present
 * @param uploadedAt when we received the photo
 * @param software the {@code Software} tag, if present
 */
public record ExifFacts(Optional<Instant> capturedAt, boolean captureOffsetKnown, Instant uploadedAt,
        Optional<String> software) {

    public ExifFacts {
        Objects.requireNonNull(capturedAt, "capturedAt");
        Objects.requireNonNull(uploadedAt, "uploadedAt");
        Objects.requireNonNull(software, "software");
    }
}
