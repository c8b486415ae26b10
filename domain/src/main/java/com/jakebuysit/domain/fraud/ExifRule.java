package com.jakebuysit.domain.fraud;

import com.jakebuysit.domain.rules.FraudSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * EXIF red flags, each a {@code flag} when switched on in the fraud settings: a capture time after
 * the upload (the photo claims to be from the future) and photo-editing software in the metadata.
 *
 * <p>"After the upload" allows for clocks: five minutes of skew, plus 14 hours when the capture
 * time has no UTC offset (a local time read as UTC is off by up to UTC+14). Camera and phone
 * firmware also write the {@code Software} tag ("iOS 17.4", "HDR+ 1.0"), so only names of editing
 * programs count.
 */
public final class ExifRule {

    public static final String FUTURE_CAPTURE = "exif.future_capture";
    public static final String EDITING_SOFTWARE = "exif.editing_software";

    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    static final Duration UNKNOWN_OFFSET = Duration.ofHours(14);

    static final List<String> EDITORS = List.of("photoshop", "lightroom", "gimp", "snapseed", "pixelmator",
            "affinity photo", "paint.net", "facetune", "picsart", "canva", "photopea", "luminar", "capture one",
            "darktable", "airbrush", "meitu", "fotor", "polarr", "photoscape", "corel");

    private ExifRule() {
    }

    public static Assessment assess(ExifFacts facts, FraudSettings settings) {
        Assessment result = Assessment.pass();
        if (settings.exifFlagFutureCapture() && facts.capturedAt().isPresent()) {
            Instant captured = facts.capturedAt().get();
            Duration allowance = facts.captureOffsetKnown() ? CLOCK_SKEW : CLOCK_SKEW.plus(UNKNOWN_OFFSET);
            if (captured.isAfter(facts.uploadedAt().plus(allowance))) {
                result = result.and(Assessment.flag(FUTURE_CAPTURE,
                        "capture time " + captured + " is after the upload at " + facts.uploadedAt()));
            }
        }
        if (settings.exifFlagEditingSoftware() && facts.software().filter(ExifRule::isEditor).isPresent()) {
            result = result.and(Assessment.flag(EDITING_SOFTWARE,
                    "edited with " + facts.software().get().strip()));
        }
        return result;
    }

    /** True when a {@code Software} tag names a photo-editing program. */
    public static boolean isEditor(String software) {
        String lower = software.toLowerCase(Locale.ROOT);
        return EDITORS.stream().anyMatch(lower::contains);
    }
}
