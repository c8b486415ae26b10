package com.jakebuysit.adapters.in.rest.users;

import com.jakebuysit.adapters.in.rest.errors.ApiException;
import java.util.List;
import java.util.Optional;

/** The {@code ?cursor=&limit=} of list routes, and the {@code {data, nextCursor}} they answer with. */
final class Paging {

    private Paging() {
    }

    /** The limit asked for; absent = the default. A limit that is not a number is a bad request. */
    static Integer limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw new ApiException(400, "INVALID_LIMIT", "limit must be a whole number");
        }
    }

    static Optional<String> cursor(String raw) {
        return Optional.ofNullable(raw).filter(c -> !c.isBlank());
    }

    record ListView<T>(List<T> data, String nextCursor) {
    }
}
