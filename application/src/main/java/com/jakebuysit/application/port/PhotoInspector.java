package com.jakebuysit.application.port;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Reads an uploaded photo by its content (never its name or declared type), keeps what fraud
 * checks need from its metadata, and produces a clean copy without metadata plus a thumbnail.
 */
public interface PhotoInspector {

    /** @throws PhotoRejected when the bytes are not an image we accept */
    InspectedPhoto inspect(byte[] upload);

    /**
     * @param contentType of {@code cleaned}, e.g. image/jpeg
     * @param perceptualHash 64-bit DCT hash of the image, for duplicate and stock-photo checks
     */
    record InspectedPhoto(String contentType, byte[] cleaned, byte[] thumbnail, int width, int height,
                          long perceptualHash, ExifSummary exif) {
    }

    /** The metadata kept for fraud checks; GPS and everything else is dropped. */
    record ExifSummary(Optional<String> cameraMake, Optional<String> cameraModel,
                       Optional<LocalDateTime> capturedAt, Optional<ZoneOffset> captureOffset,
                       Optional<String> software) {

        public static ExifSummary none() {
            return new ExifSummary(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty());
        }
    }

    final class PhotoRejected extends RuntimeException {

        /** Why: the API answers 415 for UNSUPPORTED_TYPE/UNDECODABLE and 413 for TOO_MANY_PIXELS. */
        public enum Why { UNSUPPORTED_TYPE, UNDECODABLE, TOO_MANY_PIXELS }

        private final Why why;

        public PhotoRejected(Why why, String message) {
            super(message);
            this.why = why;
        }

        public Why why() {
            return why;
        }
    }
}
