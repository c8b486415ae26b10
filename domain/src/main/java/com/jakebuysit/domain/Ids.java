package com.jakebuysit.domain;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** Parsing shared by the id records: {@link UUID#fromString} alone accepts forms such as "1-1-1-1-1". */
final class Ids {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private Ids() {
    }

    static UUID parse(String value, String what) {
        if (value == null || !CANONICAL.matcher(value.strip().toLowerCase(Locale.ROOT)).matches()) {
            throw new IllegalArgumentException("not a valid " + what + ": '" + value + "'");
        }
        return UUID.fromString(value.strip());
    }
}
