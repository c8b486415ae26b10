package com.jakebuysit.application.port;

import java.util.List;
import java.util.Optional;

/**
 * One page of a cursor-paginated list. The cursor is opaque to callers: adapters encode the
 * position of the last item (e.g. its created_at and id) so the next page starts after it.
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public Page {
        items = List.copyOf(items);
        if (nextCursor == null) {
            nextCursor = Optional.empty();
        }
    }

    /** A limit the caller asked for, kept within 1..MAX_LIMIT (DEFAULT_LIMIT when absent). */
    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        return Math.max(1, Math.min(MAX_LIMIT, requested));
    }
}
