package com.jakebuysit.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Small checks for text fields, shared by the value records. */
public final class Text {

    private Text() {
    }

    /** The value stripped of surrounding white space; fails when it is missing or blank. */
    public static String required(String value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return stripped;
    }

    /** As {@link #required(String, String)}, and at most {@code maxLength} characters long. */
    public static String required(String value, String what, int maxLength) {
        String stripped = required(value, what);
        if (stripped.length() > maxLength) {
            throw new IllegalArgumentException(what + " must be at most " + maxLength + " characters");
        }
        return stripped;
    }

    /** An optional text stripped, with a blank value treated as absent. */
    public static Optional<String> optional(Optional<String> value, String what) {
        Objects.requireNonNull(value, what);
        return value.map(String::strip).filter(s -> !s.isEmpty());
    }

    /** An immutable copy of a list of non-blank strings, each stripped. */
    public static List<String> list(List<String> values, String what) {
        Objects.requireNonNull(values, what);
        return values.stream().map(v -> required(v, what + " entry")).toList();
    }
}
