package com.jakebuysit.adapters.out.redis;

import com.jakebuysit.application.port.Cache;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import redis.clients.jedis.params.SetParams;

/**
 * The look-aside cache shared by every instance: one Redis string per entry, stored under
 * {@code <prefix>cache:<key>} with the entry's TTL. An outage surfaces as
 * {@link RedisUnavailableException}, never as a miss.
 */
public final class RedisCache implements Cache {

    private final RedisConnection redis;
    private final String namespace;

    public RedisCache(RedisConnection redis, String keyPrefix) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.namespace = Objects.requireNonNull(keyPrefix, "keyPrefix") + "cache:";
    }

    @Override
    public Optional<String> get(String key) {
        String redisKey = redisKey(key);
        return Optional.ofNullable(redis.call(client -> client.get(redisKey)));
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        String redisKey = redisKey(key);
        Objects.requireNonNull(value, "value");
        // PX takes whole milliseconds, at least one; rounding up never shortens a TTL to zero.
        long millis = Math.max(1, ceilMillis(requirePositive(ttl)));
        redis.call(client -> client.set(redisKey, value, SetParams.setParams().px(millis)));
    }

    @Override
    public void evict(String key) {
        String redisKey = redisKey(key);
        redis.call(client -> client.del(redisKey));
    }

    private String redisKey(String key) {
        return namespace + Objects.requireNonNull(key, "key");
    }

    private static Duration requirePositive(Duration ttl) {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        return ttl;
    }

    private static long ceilMillis(Duration ttl) {
        long millis = ttl.toMillis();
        return ttl.minusMillis(millis).isZero() ? millis : millis + 1;
    }
}
