package com.jakebuysit.application.port;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where photos, thumbnails, labels and Jake's audio live, by key. URLs handed to clients are
 * short-lived: presigned on S3, signed and served by this service on local disk.
 */
public interface PhotoStore {

    void put(String key, byte[] content, String contentType);

    Optional<StoredObject> get(String key);

    /** A URL a client can GET for {@code ttl}; only handed out in responses to the owner or staff. */
    URI url(String key, Duration ttl);

    void delete(String key);

    record StoredObject(byte[] content, String contentType) {
    }
}
