package com.jakebuysit.adapters.out.postgres;

import com.jakebuysit.application.port.InvalidCursor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Keyset cursors for lists ordered newest first: the last row's (created_at, id), opaque to
 * clients. A cursor that does not decode is a client error, not an empty page.
 */
public final class Cursors {

    private Cursors() {
    }

    public record Position(Instant createdAt, UUID id) {
    }

    public static String encode(Instant createdAt, UUID id) {
        String raw = createdAt.toString() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws InvalidCursor when the text is not a cursor we made */
    public static Optional<Position> decode(Optional<String> cursor) {
        if (cursor.isEmpty() || cursor.get().isBlank()) {
            return Optional.empty();
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor.get()), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            return Optional.of(new Position(Instant.parse(raw.substring(0, bar)), UUID.fromString(raw.substring(bar + 1))));
        } catch (RuntimeException e) {
            throw new InvalidCursor();
        }
    }
}
