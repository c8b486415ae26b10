package com.jakebuysit.adapters.in.rest;

import com.jakebuysit.adapters.in.rest.errors.ApiException;
import com.jakebuysit.application.port.PhotoStore;
import com.jakebuysit.application.port.SignedPhotoUrls;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * {@code GET /api/v1/photos/{key}?expires=&sig=}: serves a photo of the local store to whoever holds
 * a link this service signed, until the link expires. The signature is checked before the store is
 * read, so an unsigned caller cannot even learn whether a key exists.
 */
@Path("/api/v1/photos")
public final class PhotosResource {

    private static final Map<String, String> NO_STORE = Map.of("Cache-Control", "no-store");

    private final PhotoStore photos;
    private final SignedPhotoUrls links;
    private final Clock clock;

    public PhotosResource(PhotoStore photos, SignedPhotoUrls links, Clock clock) {
        this.photos = Objects.requireNonNull(photos, "photos");
        this.links = Objects.requireNonNull(links, "links");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @GET
    @Path("{key: .+}")
    public Response photo(@PathParam("key") String key, @QueryParam("expires") String expires,
                          @QueryParam("sig") String signature) {
        Instant now = clock.instant();
        long until = epochSeconds(expires);
        if (!links.verify(key, until, signature, now)) {
            throw new ApiException(403, "FORBIDDEN", "The photo link is invalid or has expired", Map.of(), NO_STORE);
        }
        PhotoStore.StoredObject photo = photos.get(key).orElseThrow(
                () -> new ApiException(404, "NOT_FOUND", "No such photo", Map.of(), NO_STORE));
        // Whole seconds left, rounded down: a cached copy never outlives the link.
        long remaining = Math.max(0, Duration.between(now, Instant.ofEpochSecond(until)).getSeconds());
        return Response.ok(photo.content())
                .type(photo.contentType())
                .header("Cache-Control", "private, max-age=" + remaining)
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /** A missing or malformed expiry verifies as long expired. */
    private static long epochSeconds(String expires) {
        if (expires == null || expires.isEmpty() || expires.length() > 19) {
            return Long.MIN_VALUE;
        }
        try {
            return Long.parseLong(expires);
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }
}
