package com.jakebuysit.domain.pricing;

import com.jakebuysit.domain.Text;
import java.util.Optional;

/** One step of a price breakdown: a label, its number as the seller reads it, and a note. */
public record BreakdownLine(String label, String value, Optional<String> note) {

    public BreakdownLine {
        label = Text.required(label, "label");
        value = Text.required(value, "value");
        note = Text.optional(note, "note");
    }

    public static BreakdownLine of(String label, String value, String note) {
        return new BreakdownLine(label, value, Optional.of(note));
    }

    public static BreakdownLine of(String label, String value) {
        return new BreakdownLine(label, value, Optional.empty());
    }
}
