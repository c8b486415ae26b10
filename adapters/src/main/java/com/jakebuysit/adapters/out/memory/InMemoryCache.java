package com.jakebuysit.adapters.out.memory;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.jakebuysit.application.port.Cache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The cache of a single-node install: entries live in this JVM with their own TTL, and the
 * number of entries is bounded so a cache can never grow into an out-of-memory error.
 */
public final class InMemoryCache implements Cache {

    public static final long DEFAULT_MAX_ENTRIES = 10_000;

    private record Entry(String value, Duration ttl) {
    }

    private final com.github.benmanes.caffeine.cache.Cache<String, Entry> entries;

    public InMemoryCache(Clock clock) {
        this(clock, DEFAULT_MAX_ENTRIES);
    }

    public InMemoryCache(Clock clock, long maxEntries) {
        Objects.requireNonNull(clock, "clock");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.entries = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfter(Expiry.<String, Entry>writing((key, entry) -> entry.ttl()))
                // Expiry reads time from the injected clock, so tests can move it.
                .ticker(() -> nanosSinceEpoch(clock.instant()))
                // Evicting on the caller's thread keeps behaviour deterministic and needs no pool.
                .executor(Runnable::run)
                .build();
    }

    @Override
    public Optional<String> get(String key) {
        Entry entry = entries.getIfPresent(Objects.requireNonNull(key, "key"));
        return entry == null ? Optional.empty() : Optional.of(entry.value());
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        entries.put(key, new Entry(value, ttl));
    }

    @Override
    public void evict(String key) {
        entries.invalidate(Objects.requireNonNull(key, "key"));
    }

    /** Entries held right now, expired ones not yet swept included; for tests of the bound. */
    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    private static long nanosSinceEpoch(Instant now) {
        return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
    }
}
