package com.jakebuysit.application.port;

import java.time.Instant;

/**
 * Checks the signed photo links this service hands out when it serves photos itself (the
 * local-disk store), so the resource that serves them never needs to know how they are signed.
 */
public interface SignedPhotoUrls {

    /** True only when {@code signature} was made by this service for {@code key} and {@code expires} lies after {@code now}. */
    boolean verify(String key, long expires, String signature, Instant now);
}
