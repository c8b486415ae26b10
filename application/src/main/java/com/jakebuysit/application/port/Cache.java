package com.jakebuysit.application.port;

import java.time.Duration;
import java.util.Optional;

/** A shared look-aside cache of serialised values; a miss is normal, never an error. */
public interface Cache {

    Optional<String> get(String key);

    void put(String key, String value, Duration ttl);

    void evict(String key);
}
